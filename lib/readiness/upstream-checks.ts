import 'server-only';
import { getKvstoreClient } from '@/lib/aliyun/client';
import { toAliyunError, type AliyunError } from '@/lib/aliyun/errors';
import { getConfig } from '@/lib/config';
import type { Check } from './check';

// Whether Alibaba Cloud answers and accepts our signature, from one signed DescribeRegions through the
// shared client, so it waits for and counts against the upstream budget like every other call.

export interface UpstreamChecks {
  upstream: Check;
  credentials: Check;
}

export const NOT_CHECKED_NO_ANSWER: Check = {
  ok: false,
  message: 'Not checked: Alibaba Cloud did not answer.',
};

function fromError(e: AliyunError): UpstreamChecks {
  switch (e.kind) {
    case 'not_configured':
      return {
        upstream: { ok: false, message: 'Not checked: there are no credentials to sign a call with.' },
        credentials: { ok: false, message: e.message },
      };
    case 'unavailable':
      return { upstream: { ok: false, message: e.message }, credentials: NOT_CHECKED_NO_ANSWER };
    case 'throttled':
      // Throttling says nothing against our credentials; taking the console out of service for it would not help.
      return {
        upstream: { ok: true, message: e.message },
        credentials: { ok: true, message: 'Not checked again: Alibaba Cloud is throttling this account.' },
      };
    case 'forbidden':
      // The signature was accepted; DescribeRegions is needed only when KVSTORE_REGIONS does not list the regions.
      return {
        upstream: { ok: true },
        credentials: { ok: Boolean(getConfig().KVSTORE_REGIONS?.length), message: e.message },
      };
    default:
      return { upstream: { ok: true }, credentials: { ok: false, message: e.message } };
  }
}

export async function checkUpstream(): Promise<UpstreamChecks> {
  try {
    await getKvstoreClient().describeRegions();
    return { upstream: { ok: true }, credentials: { ok: true } };
  } catch (err) {
    return fromError(toAliyunError(err));
  }
}
