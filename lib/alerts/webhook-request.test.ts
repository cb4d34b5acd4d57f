import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testMessage } from './message';
import { alertStateOf, transitionKey, transitionKind } from './transitions';
import { acceptance, webhookRequest } from './webhook-request';

const message = testMessage('test:1', 'demo', Date.parse('2026-05-13T12:00:00Z'));
const NOW = 1_778_673_600_123;

describe('webhookRequest', () => {
  it('json: the message as the body, its HMAC-SHA256 in a header', () => {
    const req = webhookRequest('json', 'https://hooks.example/alerts', 's3cret', message, NOW);
    expect(JSON.parse(req.body)).toEqual(message);
    expect(req.headers['x-kvstore-signature']).toBe(
      `sha256=${createHmac('sha256', 's3cret').update(req.body).digest('hex')}`,
    );
    expect(req.headers['x-kvstore-alert-id']).toBe('test:1');
    expect(webhookRequest('json', 'https://h.example/', undefined, message, NOW).headers).not.toHaveProperty(
      'x-kvstore-signature',
    );
  });

  it("dingtalk: the robot's signed URL, timestamp in ms and the url-encoded base64 signature", () => {
    const req = webhookRequest(
      'dingtalk',
      'https://oapi.dingtalk.com/robot/send?access_token=abc',
      'SECxyz',
      message,
      NOW,
    );
    const url = new URL(req.url);
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe(String(NOW));
    const sign = createHmac('sha256', 'SECxyz').update(`${NOW}\nSECxyz`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(sign);
    expect(req.url).toContain(`sign=${encodeURIComponent(sign)}`);
    expect(JSON.parse(req.body)).toEqual({ msgtype: 'text', text: { content: message.summary } });
  });

  it("feishu: timestamp in seconds and sign = base64 HMAC-SHA256 keyed by timestamp + '\\n' + secret", () => {
    const req = webhookRequest('feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/x', 'k', message, NOW);
    const body = JSON.parse(req.body) as Record<string, unknown>;
    const ts = Math.floor(NOW / 1000);
    expect(body).toEqual({
      timestamp: String(ts),
      sign: createHmac('sha256', `${ts}\nk`).update('').digest('base64'),
      msg_type: 'text',
      content: { text: message.summary },
    });
  });

  it('slack: an incoming-webhook text', () => {
    expect(JSON.parse(webhookRequest('slack', 'https://hooks.slack.com/x', 'k', message, NOW).body)).toEqual({
      text: message.summary,
    });
  });

  it('counts DingTalk and Feishu error codes in a 200 as refusals', () => {
    expect(acceptance('json', 204, '')).toBeNull();
    expect(acceptance('json', 500, '')).toBe('the webhook answered HTTP 500');
    expect(acceptance('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toBe(
      'the webhook refused the message (code 310000)',
    );
    expect(acceptance('dingtalk', 200, '{"errcode":0,"errmsg":"ok"}')).toBeNull();
    expect(acceptance('feishu', 200, '{"code":19021,"msg":"sign match fail"}')).toMatch(/19021/);
    expect(acceptance('feishu', 200, '{"StatusCode":0}')).toBeNull();
  });
});

describe('transitions', () => {
  it('alerts on becoming late or failing and on recovering, never on Unknown or No backups', () => {
    expect(alertStateOf('unknown', 'late')).toBe('late');
    expect(alertStateOf('no_backups', 'ok')).toBe('ok');
    expect(alertStateOf('failing', 'ok')).toBe('failing');
    expect(transitionKind('ok', 'late')).toBe('late');
    expect(transitionKind('late', 'failing')).toBe('failing');
    expect(transitionKind('failing', 'ok')).toBe('recovered');
    expect(transitionKind('late', 'late')).toBeNull();
    expect(transitionKey('r-1', 'ok', 'late', 0)).toBe('r-1:ok->late:0');
  });
});
