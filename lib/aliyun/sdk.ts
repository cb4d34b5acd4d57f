import 'server-only';
import { $OpenApiUtil, OpenApiUtil } from '@alicloud/openapi-core';
import KvstoreSdk from '@alicloud/r-kvstore20150101';
import type Credential from '@alicloud/credentials';
import { parseJsonLosslessly } from './lossless-json';

export type RpcAction =
  | 'DescribeBackupPolicy'
  | 'DescribeBackups'
  | 'DescribeInstances'
  | 'DescribeRegions'
  | 'DescribeClusterBackupList'
  | 'DescribeBackupTasks'
  | 'DescribeInstanceAttribute'
  | 'DescribeInstanceTDEStatus';

/** The generated SDK sends every action as POST except this one, which it sends as GET. */
const GET_ACTIONS: ReadonlySet<RpcAction> = new Set(['DescribeClusterBackupList']);
export type RpcQuery = Record<string, string | number | undefined>;

/** The slice of the SDK the client uses; tests pass a fake. `call` resolves to the parsed response body. */
export interface SdkLike {
  call(action: RpcAction, query: RpcQuery): Promise<unknown>;
}

export interface RealSdkOptions {
  regionId: string;
  credential: Credential;
  /** `http://127.0.0.1:4010`: the emulator or a proxy; unset means the SDK's endpoint for the region. */
  endpointOverride?: string;
  timeoutMs: number;
}

type Runtime = Parameters<KvstoreSdk['callApi']>[2];

/**
 * Goes through `callApi` rather than the generated `describeBackups`: the generated method casts the body into
 * models typed `number`, and that cast `parseInt`s int64 ids and throws on values it does not expect. We ask for
 * the body as text and parse it keeping large integers exact. Signing (ACS3-HMAC-SHA256), endpoint resolution and
 * error classes are still the SDK's.
 */
export function createRealSdk(opts: RealSdkOptions): SdkLike {
  const config = new $OpenApiUtil.Config({
    credential: opts.credential,
    regionId: opts.regionId,
    readTimeout: opts.timeoutMs,
    connectTimeout: opts.timeoutMs,
  });
  if (opts.endpointOverride) {
    const url = new URL(opts.endpointOverride);
    config.endpoint = url.host;
    config.protocol = url.protocol === 'https:' ? 'HTTPS' : 'HTTP';
  }
  // No retryOptions: the SDK then makes exactly one attempt per call, and withRetry owns retrying.
  const sdk = new KvstoreSdk(config);

  return {
    async call(action, query) {
      const params = new $OpenApiUtil.Params({
        action,
        version: '2015-01-01',
        protocol: 'HTTPS',
        pathname: '/',
        method: GET_ACTIONS.has(action) ? 'GET' : 'POST',
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'string',
      });
      const request = new $OpenApiUtil.OpenApiRequest({ query: OpenApiUtil.query(withoutUndefined(query)) });
      const runtime = { readTimeout: opts.timeoutMs, connectTimeout: opts.timeoutMs } as Runtime;
      const response = await sdk.callApi(params, request, runtime);
      return parseJsonLosslessly(String(response.body ?? ''));
    },
  };
}

function withoutUndefined(query: RpcQuery): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined) out[k] = v;
  return out;
}

/** The host the SDK resolves for a region, for tests and diagnostics. */
export function resolveSdkEndpoint(regionId: string, credential: Credential): string {
  return new KvstoreSdk(new $OpenApiUtil.Config({ credential, regionId }))._endpoint;
}
