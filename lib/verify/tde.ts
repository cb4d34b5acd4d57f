import 'server-only';
import { getKvstoreClient } from '@/lib/aliyun/client';
import { AliyunError } from '@/lib/aliyun/errors';
import type { Instance } from '@/lib/aliyun/types';
import { processSingleton } from '@/lib/process-singleton';
import { TtlCache } from '@/lib/ttl-cache';
import { TDE_KEY } from './reset';

// Whether TDE encrypts an instance's backups, from DescribeInstanceTDEStatus: known, never guessed from the
// bytes. Asked at most every 10 minutes per instance. Without the RAM permission (or for an engine that has
// no TDE) the answer is "unknown" (null) and the file is read like any other.

const cache = () => processSingleton(TDE_KEY, () => new TtlCache<boolean | null>(10 * 60_000, 10_000));

export function tdeEnabled(instance: Pick<Instance, 'instanceId' | 'regionId'>): Promise<boolean | null> {
  return cache().get(instance.instanceId, async () => {
    try {
      return await getKvstoreClient().describeInstanceTdeStatus(instance.regionId, instance.instanceId);
    } catch (err) {
      if (err instanceof AliyunError && (err.kind === 'forbidden' || err.kind === 'invalid_input'))
        return null;
      throw err;
    }
  });
}
