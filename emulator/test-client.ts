import Client from '@alicloud/r-kvstore20150101';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import type { RunningEmulator } from './server';

/** The official SDK pointed at a running emulator: `endpoint` is host:port, `protocol` HTTP. */
export function sdkClient(
  emulator: RunningEmulator,
  secret = emulator.accessKeySecret,
  accessKeyId = emulator.accessKeyId,
): Client {
  return new Client(
    new $OpenApiUtil.Config({
      accessKeyId,
      accessKeySecret: secret,
      endpoint: `127.0.0.1:${emulator.port}`,
      protocol: 'HTTP',
      regionId: 'cn-hangzhou',
    }),
  );
}

/** What the SDK throws for an error answer, as a test reads it. */
export interface SdkError {
  code: string;
  statusCode: number;
  accessDeniedDetail?: Record<string, string>;
  data: Record<string, unknown>;
}

/** The error a call that must fail throws; a call that succeeds fails the test. */
export async function sdkError(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise;
  } catch (err) {
    return err as SdkError;
  }
  throw new Error('expected the call to fail');
}
