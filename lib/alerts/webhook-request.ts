import { createHmac } from 'node:crypto';
import type { AlertMessage } from './message';

// One alert as the HTTP request each webhook format expects. Pure (the time is passed in), so each signing
// scheme is unit-tested against its documented recipe.
//   json      the message as JSON; X-Kvstore-Signature: sha256=<hex HMAC-SHA256(secret, body)>
//   dingtalk  custom robot: &timestamp=<ms>&sign=<urlencoded base64 HMAC-SHA256(secret, timestamp + "\n" + secret)>
//   feishu    custom bot: body {timestamp (s), sign: base64 HMAC-SHA256(key = timestamp + "\n" + secret, "")}
//   slack     incoming webhook: {text}; the URL is the secret

export type WebhookFormat = 'json' | 'dingtalk' | 'feishu' | 'slack';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

function text(m: AlertMessage): string {
  return m.url ? `${m.summary}\n${m.url}` : m.summary;
}

export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

export function feishuSign(secret: string, timestampS: number): string {
  return createHmac('sha256', `${timestampS}\n${secret}`).update('').digest('base64');
}

export function jsonSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function webhookRequest(
  format: WebhookFormat,
  target: string,
  secret: string | undefined,
  message: AlertMessage,
  nowMs: number,
): WebhookRequest {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-kvstore-alert-id': message.id,
  };
  switch (format) {
    case 'json': {
      const body = JSON.stringify(message);
      if (secret) headers['x-kvstore-signature'] = jsonSignature(secret, body);
      return { url: target, headers, body };
    }
    case 'dingtalk': {
      const url = new URL(target);
      if (secret) {
        url.searchParams.set('timestamp', String(nowMs));
        url.searchParams.set('sign', dingtalkSign(secret, nowMs));
      }
      return {
        url: url.toString(),
        headers,
        body: JSON.stringify({ msgtype: 'text', text: { content: text(message) } }),
      };
    }
    case 'feishu': {
      const timestamp = Math.floor(nowMs / 1000);
      const signed = secret ? { timestamp: String(timestamp), sign: feishuSign(secret, timestamp) } : {};
      return {
        url: target,
        headers,
        body: JSON.stringify({ ...signed, msg_type: 'text', content: { text: text(message) } }),
      };
    }
    case 'slack':
      return { url: target, headers, body: JSON.stringify({ text: text(message) }) };
  }
}

/**
 * Whether the receiver took it: a 2xx, and for DingTalk and Feishu (which answer 200 with an error code in the
 * body) a zero code. Returns the receiver's complaint otherwise, in our words plus its code.
 */
export function acceptance(format: WebhookFormat, status: number, body: string): string | null {
  if (status < 200 || status >= 300) return `the webhook answered HTTP ${status}`;
  if (format !== 'dingtalk' && format !== 'feishu') return null;
  try {
    const parsed = JSON.parse(body) as { errcode?: unknown; code?: unknown; StatusCode?: unknown };
    const code = parsed.errcode ?? parsed.code ?? parsed.StatusCode ?? 0;
    return code === 0 ? null : `the webhook refused the message (code ${String(code)})`;
  } catch {
    return null;
  }
}
