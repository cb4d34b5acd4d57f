import { z } from 'zod';

export const faultConfigSchema = z.strictObject({
  /** Added before every API response. */
  latencyMs: z.number().int().min(0).max(120_000),
  /** Share (0..1) of API requests answered with InternalError 500 / ServiceUnavailable 503. */
  errorRate: z.number().min(0).max(1),
  /** Throttling.User above this many API requests per second; 0 = off. */
  throttleRps: z.number().int().min(0),
  /** Share of successful API responses whose JSON body is cut off. */
  malformedRate: z.number().min(0).max(1),
  /** Share of API requests whose socket is destroyed without an answer. */
  resetRate: z.number().min(0).max(1),
  /** Seeds fault decisions so a run is reproducible; null = seeded from the clock. */
  seed: z.number().int().nullable(),
  /** Only these actions are affected; empty = all. */
  actions: z.array(z.string().min(1)),
});

export type FaultConfig = z.infer<typeof faultConfigSchema>;

export const faultPatchSchema = faultConfigSchema.partial();

export const NO_FAULTS: FaultConfig = {
  latencyMs: 0,
  errorRate: 0,
  throttleRps: 0,
  malformedRate: 0,
  resetRate: 0,
  seed: null,
  actions: [],
};

/** Describes the first problem so a 400 can name the field. */
export function describeIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: '', message: 'Invalid fault config.' };
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const field = keys.length > 0 ? keys.join(',') : issue.path.join('.');
  return { field, message: issue.message };
}

function num(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got "${raw}"`);
  return n;
}

/** `EMULATOR_*` fault variables; unset ones are left out so defaults apply. */
export function faultsFromEnv(env: NodeJS.ProcessEnv): Partial<FaultConfig> {
  const entries: Array<[keyof FaultConfig, unknown]> = [
    ['latencyMs', num(env, 'EMULATOR_LATENCY_MS')],
    ['errorRate', num(env, 'EMULATOR_ERROR_RATE')],
    ['throttleRps', num(env, 'EMULATOR_THROTTLE_RPS')],
    ['malformedRate', num(env, 'EMULATOR_MALFORMED_RATE')],
    ['resetRate', num(env, 'EMULATOR_RESET_RATE')],
    ['seed', num(env, 'EMULATOR_FAULT_SEED')],
    [
      'actions',
      env.EMULATOR_FAULT_ACTIONS ? env.EMULATOR_FAULT_ACTIONS.split(',').map((s) => s.trim()) : undefined,
    ],
  ];
  const patch = Object.fromEntries(entries.filter(([, v]) => v !== undefined));
  const parsed = faultPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const { field, message } = describeIssue(parsed.error);
    throw new Error(`Invalid fault environment (${field}): ${message}`);
  }
  return parsed.data;
}
