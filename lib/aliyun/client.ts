import 'server-only';
import { getConfig } from '@/lib/config';
import { appMetrics } from '@/lib/metrics/registry';
import { usesPostgres } from '@/lib/db/database';
import { eventLog } from '@/lib/limits/event-logs';
import { dropProcessSingleton, processSingleton } from '@/lib/process-singleton';
import { normalizeBackupPolicy, type BackupPolicy } from './backup-policy';
import { UpstreamBudget } from './budget';
import { getSharedCredential, resetCredentialsForTests } from './credentials';
import { AliyunError, toAliyunError } from './errors';
import {
  normalizeBackupsPage,
  normalizeInstancesPage,
  normalizeRegions,
  normalizeTdeStatus,
} from './normalize';
import {
  normalizeBackupTasks,
  normalizeClusterSetsPage,
  normalizeInstanceAttribute,
} from './normalize-kinds';
import { withRetry } from './retry';
import { createRealSdk, type RpcAction, type RpcQuery, type SdkLike } from './sdk';
import type {
  BackupTask,
  BackupsPage,
  ClusterSetsPage,
  DescribeBackupsInput,
  DescribeClusterBackupListInput,
  Instance,
  InstanceAttribute,
  Region,
} from './types';

export type { SdkLike } from './sdk';

export interface KvstoreClient {
  describeBackups(input: DescribeBackupsInput): Promise<BackupsPage>;
  /** Every instance in the region (all pages, 50 per call). */
  describeInstances(regionId: string): Promise<Instance[]>;
  describeRegions(): Promise<Region[]>;
  /** A cloud-native cluster's backup sets (one page; there is no TotalCount: a short page is the last). */
  describeClusterBackupList(input: DescribeClusterBackupListInput): Promise<ClusterSetsPage>;
  /** Backups running now (and those just finished). */
  describeBackupTasks(regionId: string, instanceId: string): Promise<BackupTask[]>;
  describeInstanceAttribute(regionId: string, instanceId: string): Promise<InstanceAttribute>;
  describeBackupPolicy(regionId: string, instanceId: string): Promise<BackupPolicy>;
  /** Whether TDE encrypts the instance's data files (and so its backups); null when the answer says neither. */
  describeInstanceTdeStatus(regionId: string, instanceId: string): Promise<boolean | null>;
}

export interface KvstoreClientDeps {
  createSdk: (regionId: string) => SdkLike;
  /** Every attempt waits for this budget; throttling answers slow it down for everyone. */
  budget?: UpstreamBudget;
  /** Retries after the first attempt, for throttling, 5xx and no-response only. */
  retries: number;
  /** Region for region-less calls (DescribeRegions). */
  defaultRegionId?: string;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const INSTANCES_PAGE_SIZE = 50;
// A runaway TotalCount (or an upstream that ignores PageNumber) must not loop forever: 200 x 50 = 10,000 instances.
const MAX_INSTANCE_PAGES = 200;

export function createKvstoreClient(deps: KvstoreClientDeps): KvstoreClient {
  const sdks = new Map<string, SdkLike>();
  const sdkFor = (regionId: string) => {
    let sdk = sdks.get(regionId);
    if (!sdk) {
      sdk = deps.createSdk(regionId);
      sdks.set(regionId, sdk);
    }
    return sdk;
  };

  // Each attempt is a new `call`, which the SDK signs afresh (new x-acs-date, nonce and signature).
  const call = (regionId: string, action: RpcAction, query: RpcQuery): Promise<unknown> =>
    withRetry(
      async () => {
        const attempt = () => sdkFor(regionId).call(action, query);
        try {
          const body = await (deps.budget ? deps.budget.run(attempt) : attempt());
          deps.budget?.succeeded();
          appMetrics().upstreamCalls.inc({ action, outcome: 'success' });
          return body;
        } catch (err) {
          const error = toAliyunError(err, { action });
          if (error.kind === 'throttled') deps.budget?.throttled();
          appMetrics().upstreamCalls.inc({ action, outcome: error.kind });
          throw error;
        }
      },
      {
        retries: deps.retries,
        baseDelayMs: deps.baseDelayMs,
        maxDelayMs: deps.maxDelayMs,
        isRetryable: (err) => toAliyunError(err).retryable,
        sleep: deps.sleep,
        random: deps.random,
      },
    );

  return {
    async describeBackups(input) {
      // Only the parameters the generated SDK method sends: the region picks the endpoint, it is not a parameter.
      const body = await call(input.regionId, 'DescribeBackups', {
        InstanceId: input.instanceId,
        StartTime: input.startTime,
        EndTime: input.endTime,
        PageSize: input.pageSize,
        PageNumber: input.pageNumber,
        BackupId: input.backupId,
        BackupJobId: input.backupJobId,
        NeedAof: input.needAof ? '1' : undefined,
      });
      return normalizeBackupsPage(body, input);
    },

    async describeClusterBackupList(input) {
      const body = await call(input.regionId, 'DescribeClusterBackupList', {
        RegionId: input.regionId,
        InstanceId: input.instanceId,
        StartTime: input.startTime,
        EndTime: input.endTime,
        PageSize: input.pageSize,
        PageNumber: input.pageNumber,
        ClusterBackupId: input.clusterBackupId,
      });
      return normalizeClusterSetsPage(body, input.instanceId);
    },

    async describeBackupTasks(regionId, instanceId) {
      return normalizeBackupTasks(await call(regionId, 'DescribeBackupTasks', { InstanceId: instanceId }));
    },

    async describeInstanceAttribute(regionId, instanceId) {
      const body = await call(regionId, 'DescribeInstanceAttribute', { InstanceId: instanceId });
      const attr = normalizeInstanceAttribute(body, instanceId);
      if (!attr) {
        throw new AliyunError({
          kind: 'unavailable',
          message: `Alibaba Cloud answered DescribeInstanceAttribute for ${instanceId} without the instance; try again.`,
        });
      }
      return attr;
    },

    async describeInstances(regionId) {
      const instances: Instance[] = [];
      for (let pageNumber = 1; pageNumber <= MAX_INSTANCE_PAGES; pageNumber++) {
        const body = await call(regionId, 'DescribeInstances', {
          RegionId: regionId,
          PageSize: INSTANCES_PAGE_SIZE,
          PageNumber: pageNumber,
        });
        const page = normalizeInstancesPage(body, regionId);
        instances.push(...page.instances);
        const total = page.totalCount ?? 0;
        if (page.instances.length === 0 || instances.length >= total) break;
      }
      return instances;
    },

    async describeBackupPolicy(regionId, instanceId) {
      return normalizeBackupPolicy(await call(regionId, 'DescribeBackupPolicy', { InstanceId: instanceId }));
    },

    async describeRegions() {
      const regionId = deps.defaultRegionId ?? 'cn-hangzhou';
      return normalizeRegions(await call(regionId, 'DescribeRegions', { AcceptLanguage: 'en-US' }));
    },

    async describeInstanceTdeStatus(regionId, instanceId) {
      return normalizeTdeStatus(
        await call(regionId, 'DescribeInstanceTDEStatus', { InstanceId: instanceId }),
      );
    },
  };
}

let memo: KvstoreClient | null = null;

/** The process's one upstream budget (`KVSTORE_MAX_QPS`, `KVSTORE_BURST`), deployment-wide on PostgreSQL. */
export function getUpstreamBudget(): UpstreamBudget {
  return processSingleton('upstream-budget', () => {
    const config = getConfig();
    return new UpstreamBudget({
      maxQps: config.KVSTORE_MAX_QPS,
      burst: config.KVSTORE_BURST ?? config.KVSTORE_MAX_QPS,
      shared: usesPostgres() ? eventLog('upstream') : undefined,
    });
  });
}

export function getKvstoreClient(): KvstoreClient {
  if (!memo) {
    const config = getConfig();
    memo = createKvstoreClient({
      budget: getUpstreamBudget(),
      retries: config.KVSTORE_MAX_RETRIES,
      defaultRegionId: config.KVSTORE_DEFAULT_REGION,
      createSdk: (regionId) =>
        createRealSdk({
          regionId,
          credential: getSharedCredential(),
          endpointOverride: config.KVSTORE_ENDPOINT,
          timeoutMs: config.KVSTORE_TIMEOUT_MS,
        }),
    });
  }
  return memo;
}

/** Drops the memoized client and credential chain, for tests that change the environment. */
export function resetKvstoreClientForTests(): void {
  memo = null;
  dropProcessSingleton('upstream-budget');
  resetCredentialsForTests();
}

export { checkCredentials } from './credentials';
