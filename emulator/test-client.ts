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
