import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin } from './admin/handle-admin';
import { handleApi } from './api-handler';
import { handleDownload } from './downloads/handle-download';
import { hasFile, objectPath } from './downloads/objects';
import {
  INTRANET_PREFIX,
  OSS_SIGNER_ID,
  ossSignerSecret,
  PUBLIC_PREFIX,
  presignUrl,
} from './downloads/presign';
import { NO_FAULTS, faultConfigSchema, type FaultConfig } from './faults/fault-config';
import { FaultController } from './faults/fault-controller';
import { Stats } from './faults/stats';
import { createDataset, type Dataset, type RawBackup } from './seed';
import { AccessPolicies } from './signing/access-policy';
import { NonceStore } from './signing/nonce-store';

export type { FaultConfig } from './faults/fault-config';
export { FaultController } from './faults/fault-controller';
export type { Dataset } from './seed';

export const DEFAULT_ACCESS_KEY_ID = 'demo-access-key-id';
export const DEFAULT_ACCESS_KEY_SECRET = 'demo-access-key-secret';
export const DEFAULT_PORT = 4010;
/** A second key whose RAM policy lacks the newer backup permissions: its calls to those answer NoPermission. */
export const DEFAULT_RESTRICTED_KEY_ID = 'restricted-access-key-id';
export const DEFAULT_RESTRICTED_KEY_SECRET = 'restricted-access-key-secret';
/** What the restricted key may not call: a least-privilege policy written before these APIs were used. */
export const RESTRICTED_DENIES = ['DescribeClusterBackupList', 'DescribeBackupTasks'] as const;
/** How long a backup started through the admin endpoint runs, unless the request says otherwise. */
export const DEFAULT_TASK_SECONDS = 60;

export interface EmulatorOptions {
  /** 0 = a random free port. Default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** The second, restricted key (see RESTRICTED_DENIES). */
  restrictedAccessKeyId?: string;
  restrictedAccessKeySecret?: string;
  /** Default duration of a manual backup started through the admin endpoint; default 60. */
  taskDurationSeconds?: number;
  /** Anchor for the seeded data; default `new Date()`. */
  now?: Date;
  faults?: Partial<FaultConfig>;
  /** Lifetime of presigned download URLs; default 900. */
  downloadUrlTtlSeconds?: number;
  /** Base of download URLs (e.g. behind a proxy); default the emulator's own URL. */
  publicUrl?: string;
  /**
   * Adds the bulk instance (`SEED_INSTANCE_IDS.bulk`) with exactly this many backups (1..5,000,000), computed
   * on demand rather than stored. Default: no bulk instance.
   */
  scaleBackups?: number;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  dataset: Dataset;
  faults: FaultController;
  stats: Stats;
  /** Each key's denied actions; change at runtime with `setDenied`, back with `reset`. */
  policies: AccessPolicies;
  accessKeyId: string;
  accessKeySecret: string;
  restrictedAccessKeyId: string;
  restrictedAccessKeySecret: string;
  close(): Promise<void>;
}

export function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const accessKeyId = opts.accessKeyId ?? DEFAULT_ACCESS_KEY_ID;
  const accessKeySecret = opts.accessKeySecret ?? DEFAULT_ACCESS_KEY_SECRET;
  const restrictedAccessKeyId = opts.restrictedAccessKeyId ?? DEFAULT_RESTRICTED_KEY_ID;
  const restrictedAccessKeySecret = opts.restrictedAccessKeySecret ?? DEFAULT_RESTRICTED_KEY_SECRET;
  const keys = new Map([
    [accessKeyId, accessKeySecret],
    [restrictedAccessKeyId, restrictedAccessKeySecret],
  ]);
  const policies = new AccessPolicies(new Map([[restrictedAccessKeyId, RESTRICTED_DENIES]]));
  const taskSeconds = opts.taskDurationSeconds ?? DEFAULT_TASK_SECONDS;
  const ossKeys = new Map([[OSS_SIGNER_ID, ossSignerSecret(accessKeySecret)]]);
  const ttl = opts.downloadUrlTtlSeconds ?? 900;
  let dataset: Dataset;
  try {
    dataset = createDataset(opts.now ?? new Date(), { scaleBackups: opts.scaleBackups });
  } catch (err) {
    // Callers await startEmulator: a bad option (scaleBackups) should reject, not throw synchronously.
    return Promise.reject(err);
  }
  const faults = new FaultController(faultConfigSchema.parse({ ...NO_FAULTS, ...opts.faults }));
  const stats = new Stats();
  const nonces = new NonceStore();
  let baseUrl = '';

  const downloadUrls = (instanceId: string, backup: RawBackup) => {
    if (!hasFile(dataset, instanceId, backup)) return { publicUrl: '', intranetUrl: '' };
    const expires = Math.floor(Date.now() / 1000) + ttl;
    const sign = (prefix: string) =>
      presignUrl({
        baseUrl,
        pathname: objectPath(prefix, instanceId, backup),
        expires,
        accessKeyId: OSS_SIGNER_ID,
        secret: ossSignerSecret(accessKeySecret),
      });
    return { publicUrl: sign(PUBLIC_PREFIX), intranetUrl: sign(INTRANET_PREFIX) };
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    if (url.pathname.startsWith('/__admin/'))
      return handleAdmin(req, res, url, { faults, stats, dataset, downloadUrls, policies, taskSeconds });
    if (url.pathname.startsWith(`${PUBLIC_PREFIX}/`) || url.pathname.startsWith(`${INTRANET_PREFIX}/`)) {
      stats.download();
      return handleDownload(req, res, url, { dataset, keys: ossKeys });
    }
    return handleApi(req, res, url, { dataset, keys, nonces, policies, faults, stats, downloadUrls });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      console.error('[emulator] request failed', err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_PORT, host, () => {
      const port = (server.address() as AddressInfo).port;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      baseUrl = opts.publicUrl ?? url;
      resolve({
        url,
        port,
        dataset,
        faults,
        stats,
        policies,
        accessKeyId,
        accessKeySecret,
        restrictedAccessKeyId,
        restrictedAccessKeySecret,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            // Keep-alive sockets (the SDK keeps them) would otherwise hold close() open.
            server.closeAllConnections();
          }),
      });
    });
  });
}
