import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ActionContext } from './actions/action-context';
import { ACTIONS, API_VERSION } from './actions/registry';
import type { FaultController } from './faults/fault-controller';
import type { Stats } from './faults/stats';
import { ApiError, apiErrors } from './protocol/api-error';
import { newRequestId } from './protocol/request-id';
import { mergeParams, readBody } from './protocol/request-params';
import { sendError, sendMalformed, sendResult, type ResponseFormat } from './protocol/respond';
import { authenticate } from './signing/authenticate';
import type { AccessPolicies } from './signing/access-policy';
import type { NonceStore } from './signing/nonce-store';
import type { Dataset } from './seed';

export interface ApiContext {
  dataset: Dataset;
  keys: ReadonlyMap<string, string>;
  nonces: NonceStore;
  policies: AccessPolicies;
  faults: FaultController;
  stats: Stats;
  downloadUrls: ActionContext['downloadUrls'];
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** One RPC call: faults, routing, signature, then the action. Every answer carries a RequestId. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: ApiContext,
): Promise<void> {
  const requestId = newRequestId();
  let format: ResponseFormat = url.searchParams.get('Format')?.toUpperCase() === 'XML' ? 'XML' : 'JSON';
  let action = url.searchParams.get('Action') ?? headerValue(req, 'x-acs-action') ?? '';
  try {
    const body = await readBody(req);
    const params = mergeParams(url.searchParams, req, body);
    if (params.Format?.toUpperCase() === 'XML') format = 'XML';
    action = params.Action ?? headerValue(req, 'x-acs-action') ?? '';
    ctx.stats.action(action || '(none)');

    const latency = ctx.faults.latencyFor(action);
    if (latency > 0) await sleep(latency);
    const fault = ctx.faults.decide(action, Date.now());
    if (fault !== 'none') ctx.stats.fault(fault);
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === 'throttle') throw apiErrors.throttled();
    if (fault === 'error500') throw apiErrors.internalError();
    if (fault === 'error503') throw apiErrors.serviceUnavailable();

    if (url.pathname !== '/' || (req.method !== 'GET' && req.method !== 'POST'))
      throw apiErrors.actionNotFound();
    if (!action) throw apiErrors.missingParameter('Action');
    const version = params.Version ?? headerValue(req, 'x-acs-version');
    if (!version) throw apiErrors.missingParameter('Version');
    if (version !== API_VERSION) throw apiErrors.invalidVersion();
    const handler = ACTIONS[action];
    if (!handler) throw apiErrors.actionNotFound();

    const method = req.method ?? 'GET';
    const request = {
      method,
      pathname: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      params,
    };
    const { accessKeyId } = authenticate(request, { keys: ctx.keys, nonces: ctx.nonces, nowMs: Date.now() });
    ctx.policies.check(accessKeyId, action);

    const result = handler({
      params,
      dataset: ctx.dataset,
      nowMs: Date.now(),
      downloadUrls: ctx.downloadUrls,
    });
    if (format === 'JSON' && ctx.faults.shouldMalform(action)) {
      ctx.stats.fault('malformed');
      return sendMalformed(res, requestId);
    }
    sendResult(res, format, action, requestId, result);
  } catch (err) {
    const error = err instanceof ApiError ? err : apiErrors.internalError();
    if (!(err instanceof ApiError)) console.error('[emulator] unexpected error', err);
    ctx.stats.error(error.code);
    if (!res.headersSent && !res.destroyed) sendError(res, format, requestId, error);
  }
}
