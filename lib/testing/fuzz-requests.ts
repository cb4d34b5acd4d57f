import type { Rng } from '@/emulator/seed/prng';
import { HOSTILE_DATES, HOSTILE_VALUES, RAW_QUERY_JUNK } from './hostile-values';

// Generated requests for the route fuzz test: each field left out, valid, or hostile; sometimes a key twice,
// an unknown key, or raw text that does not percent-decode. Deterministic for a seed.

export type FuzzRoute = 'backups' | 'export' | 'refresh' | 'download' | 'audit' | 'script';

export interface FuzzCase {
  route: FuzzRoute;
  params: Record<string, string>;
  /** The raw query string, without '?'. */
  query: string;
}

export interface FuzzContext {
  instanceIds: readonly string[];
  backupIds: readonly string[];
  /** Job ids of a classic cluster and set ids (`cb-…`), for the download-all script. */
  jobIds: readonly string[];
  /** Ranges (ISO) the index is meant to hold, so valid listings rarely start new syncs. */
  ranges: readonly { start: string; end: string }[];
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

type Field = (ctx: FuzzContext, rng: Rng) => string;

const listOf =
  (...values: string[]): Field =>
  (_ctx, rng) =>
    pick(rng, values);

const LISTING: Record<string, Field> = {
  status: listOf('Success', 'Failed', 'Success,Failed'),
  type: listOf('FullBackup', 'IncrementalBackup'),
  mode: listOf('Automated', 'Manual'),
  method: listOf('Physical', 'Logical'),
  node: listOf('r-uf6cluster000001-db-0', 'r-uf6cluster000001-db-0,r-uf6cluster000001-db-1'),
  q: listOf('336', '1', 'job'),
  sort: listOf('startTime.desc', 'size.asc', 'jobId.desc'),
  page: listOf('1', '2', '40'),
  pageSize: listOf('30', '50', '100'),
};

const FIELDS: Record<FuzzRoute, Record<string, Field>> = {
  backups: LISTING,
  export: { ...LISTING, format: listOf('csv', 'json') },
  refresh: {},
  download: { variant: listOf('public', 'intranet'), format: listOf('json', 'redirect') },
  script: { variant: listOf('public', 'intranet'), confirm: listOf('incomplete') },
  audit: {
    action: listOf('download', 'denied', 'export'),
    user: listOf('tester', 'nobody'),
    from: listOf('2026-11-01', '2020-01-01T08:00Z'),
    to: listOf('2030-11-01', '2030-01-01T08:00+08:00'),
    page: listOf('1', '3'),
    pageSize: listOf('1', '100', '500'),
    format: listOf('json', 'csv'),
  },
};

const DATED: readonly FuzzRoute[] = ['backups', 'export', 'refresh'];

/** encodeURIComponent refuses lone surrogates; those go in as they are, and URL makes them U+FFFD. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value;
  }
}

function hostile(rng: Rng, dated: boolean): string {
  return dated && rng() < 0.5 ? pick(rng, HOSTILE_DATES) : pick(rng, HOSTILE_VALUES);
}

function pathParams(route: FuzzRoute, ctx: FuzzContext, rng: Rng, clean: boolean): Record<string, string> {
  if (route === 'audit') return {};
  const instanceId = clean || rng() < 0.75 ? pick(rng, ctx.instanceIds) : hostile(rng, false);
  if (route === 'script')
    return { instanceId, jobId: clean || rng() < 0.7 ? pick(rng, ctx.jobIds) : hostile(rng, false) };
  if (route !== 'download') return { instanceId };
  return { instanceId, backupId: clean || rng() < 0.7 ? pick(rng, ctx.backupIds) : hostile(rng, false) };
}

export function generateCase(ctx: FuzzContext, rng: Rng): FuzzCase {
  const route = pick(rng, ['backups', 'export', 'refresh', 'download', 'audit', 'script'] as const);
  // A quarter of the cases are well-formed throughout, so valid requests are exercised among the hostile.
  const clean = rng() < 0.25;
  const roll = () => (clean ? rng() * 0.8 : rng());
  const pairs: string[] = [];
  const add = (key: string, value: string) => pairs.push(`${encode(key)}=${encode(value)}`);

  if (DATED.includes(route)) {
    const range = pick(rng, ctx.ranges);
    for (const key of ['start', 'end'] as const) {
      const r = clean ? 0 : rng();
      if (r < 0.7) add(key, range[key]);
      else if (r < 0.95) add(key, hostile(rng, true));
    }
  }
  for (const [key, valid] of Object.entries(FIELDS[route])) {
    const r = roll();
    if (r < 0.45) continue;
    add(key, r < 0.8 ? valid(ctx, rng) : hostile(rng, key === 'from' || key === 'to'));
  }
  if (!clean && rng() < 0.1 && pairs.length > 0) pairs.push(pick(rng, pairs));
  if (!clean && rng() < 0.1)
    add(pick(rng, ['foo', '__proto__', 'constructor', 'Action', 'start ', 'START']), 'x');
  if (!clean && rng() < 0.1) pairs.push(pick(rng, RAW_QUERY_JUNK));
  // Shuffled, so no parameter always comes first.
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
  }
  return { route, params: pathParams(route, ctx, rng, clean), query: pairs.join('&') };
}

/** A short form of a case for a failure message (hostile values can be 100 KB). */
export function describeCase(c: FuzzCase): string {
  const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 120)}…(${s.length} chars)` : s);
  return `${c.route} ${clip(JSON.stringify(c.params))} ?${clip(c.query)}`;
}
