import 'server-only';
import { z } from 'zod';
import { TrustedProxies } from '@/lib/net/trusted-proxies';

// The one place that reads process.env for server code. Parsed lazily and once, so a bad value
// fails with a message naming the variable instead of surfacing later as a confusing upstream error.

const commaList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[a-z]{2}(-[a-z0-9]+)+$/, 'expected region ids such as cn-hangzhou')));

const intInRange = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const schema = z.object({
  /** Overrides the region endpoint, e.g. `http://127.0.0.1:4010` for the emulator. */
  KVSTORE_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as http://127.0.0.1:4010' })
    .optional(),
  /** Regions to list instances from; when unset, DescribeRegions decides. */
  KVSTORE_REGIONS: commaList.optional(),
  /** Region used for region-less calls (DescribeRegions) and the SDK's default. */
  KVSTORE_DEFAULT_REGION: z.string().default('cn-hangzhou'),
  KVSTORE_TIMEOUT_MS: intInRange(1_000, 120_000, 15_000),
  KVSTORE_MAX_RETRIES: intInRange(0, 10, 3),
  /** Upstream budget: calls to Alibaba Cloud in any rolling second, shared by every request and the warmer. */
  KVSTORE_MAX_QPS: intInRange(1, 1_000, 25),
  /** Upstream calls in flight at once (the burst); at most KVSTORE_MAX_QPS. Defaults to KVSTORE_MAX_QPS. */
  KVSTORE_BURST: z.coerce.number().int().min(1).max(1_000).optional(),
  /** No API answer waits on Alibaba Cloud longer than this; a longer sync goes on in the background. */
  KVSTORE_DEADLINE_MS: intInRange(500, 120_000, 10_000),

  /** Where the backup index (SQLite) lives. */
  DATA_DIR: z.string().default('./data'),
  /**
   * `postgres://user:password@host:5432/db`: every piece of shared state (index, audit log, sessions, throttles,
   * rate limits, the upstream budget) lives there instead of SQLite and memory, so several replicas can serve.
   */
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(
      z
        .string()
        .regex(
          /^postgres(ql)?:\/\/./,
          'expected a PostgreSQL URL such as postgres://user:password@host:5432/kvstore',
        )
        .optional(),
    ),
  /** Connections each replica keeps to PostgreSQL. */
  DATABASE_POOL_SIZE: intInRange(2, 200, 10),
  /** The recent edge of an indexed range is synced again once it is older than this. */
  INDEX_FRESH_SECONDS: intInRange(1, 86_400, 60),
  /** How far back from a sync the index still expects running backups to finish (the overlap re-read). */
  INDEX_EDGE_MINUTES: intInRange(1, 7 * 24 * 60, 360),
  /** Keep every instance's recent days fresh in the background; on by default in demo mode. */
  INDEX_WARM: z
    .enum(['0', '1', 'true', 'false', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v === '1' || v === 'true')),
  /** How many recent days the warmer keeps fresh. */
  INDEX_WARM_DAYS: intInRange(1, 3_650, 7),

  /** Verify each instance's latest successful backup on this schedule (lib/verify/scheduler.ts). */
  VERIFY_SCHEDULE: z
    .enum(['off', 'hourly', 'daily', 'weekly', ''], { error: 'expected off, hourly, daily or weekly' })
    .default('off')
    .transform((v) => (v === '' ? 'off' : v)),
  /** Backup files read at once by verifications, manual and scheduled together. */
  VERIFY_MAX_CONCURRENT: intInRange(1, 16, 1),
  /** The most bytes a second all verifications together read (0: no limit). */
  VERIFY_MAX_BYTES_PER_SECOND: z.coerce
    .number({ error: 'expected a whole number of bytes a second, 0 for no limit' })
    .int('expected a whole number of bytes a second, 0 for no limit')
    .min(0, 'expected a whole number of bytes a second, 0 for no limit')
    .default(0),
  /** Which presigned URL verifications read: `intranet` when the console runs on ECS in the instances' region. */
  VERIFY_NETWORK: z.enum(['public', 'intranet'], { error: 'expected public or intranet' }).default('public'),

  /** Set by `npm run demo`: the three demo users are allowed, and only then. */
  KVSTORE_DEMO: z
    .enum(['0', '1', 'true', 'false', ''])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  NEXTAUTH_SECRET: z.string().optional(),
  AUTH_USERS_FILE: z.string().optional(),
  OIDC_ISSUER: z
    .url({ error: 'expected the issuer URL, such as https://login.example.com/realms/ops' })
    .optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  /** The ID-token claim that lists the user's groups. */
  OIDC_GROUPS_CLAIM: z.string().default('groups'),
  /** `group=role` pairs, comma separated: `redis-admins=admin,redis-ops=downloader,*=viewer`. */
  OIDC_ROLE_MAP: z.string().default(''),
  /** `group=glob|glob` pairs, comma separated: `team-hz=r-bp1*|r-bp2*`. Groups not listed see every instance. */
  OIDC_SCOPE_MAP: z.string().default(''),
  AUDIT_DB_PATH: z.string().default('./data/audit.db'),
  AUDIT_RETENTION_DAYS: intInRange(1, 3_650, 365),
  /** Reverse proxies whose X-Forwarded-For names the client: addresses or CIDRs, comma separated. */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((text, ctx) => {
      try {
        return TrustedProxies.parse(text);
      } catch (err) {
        ctx.addIssue({
          code: 'custom',
          message: `${(err as Error).message}; expected addresses or CIDRs such as 10.0.0.5, 10.1.0.0/16, fd00::/8`,
        });
        return z.NEVER;
      }
    }),
  /** Password hashes computed at once (default: half the cores, at most 3; see lib/auth/hash-queue.ts). */
  AUTH_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** Sign-ins that may wait for a hash; more are answered 429 at once. */
  AUTH_HASH_QUEUE: intInRange(0, 10_000, 64),
  /** API requests one user may make per minute. */
  API_RATE_LIMIT_PER_MINUTE: intInRange(10, 100_000, 600),

  /** Where health alerts go (Late, Failing, recovered); unset: alerts are recorded but not sent. */
  ALERT_WEBHOOK_URL: z
    .url({
      protocol: /^https?$/,
      error: 'expected an http(s) URL such as https://oapi.dingtalk.com/robot/send?access_token=…',
    })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ALERT_WEBHOOK_FORMAT: z
    .enum(['json', 'dingtalk', 'feishu', 'slack'], { error: 'expected json, dingtalk, feishu or slack' })
    .default('json'),
  /** Signs each alert: an HMAC-SHA256 header (json), DingTalk's signed URL, Feishu's signed body. */
  ALERT_WEBHOOK_SECRET: z.string().optional(),
  /** The console's public URL (next-auth's own setting); alerts link to the instance's page with it. */
  NEXTAUTH_URL: z.string().optional(),
  /** `GET /api/metrics` answers only `Authorization: Bearer <METRICS_TOKEN>`; unset: the route does not exist. */
  METRICS_TOKEN: z
    .string()
    .min(16, 'expected at least 16 characters (openssl rand -hex 32)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

export type Config = z.infer<typeof schema>;

const refined = schema.refine((c) => c.KVSTORE_BURST === undefined || c.KVSTORE_BURST <= c.KVSTORE_MAX_QPS, {
  path: ['KVSTORE_BURST'],
  error: 'expected at most KVSTORE_MAX_QPS',
});

let cached: Config | undefined;

export function getConfig(): Config {
  if (!cached) {
    const parsed = refined.safeParse(process.env);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid configuration: ${issues}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** For tests that change the environment between cases. */
export function resetConfigForTests(): void {
  cached = undefined;
}
