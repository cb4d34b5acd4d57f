// A sign-in spray against the built console: a signed-in GET /api/instances measured quiet, then while
// 20 senders post wrong passwords for random usernames, each request from an address of its own
// (127.0.0.0/8 all reaches this host), so neither the per-address nor the per-username throttle stops
// them and every attempt costs a password hash. Run alone, it starts an emulator and the console:
//   npx tsx --conditions=react-server bench/sign-in-spray.ts
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { buildIfNeeded } from '../scripts/build-if-needed';
import { HttpClient, percentile } from './http-client';
import { signIn } from './over-http';
import { startBenchConsole, startEmulator, stopAll } from './processes';

const SENDERS = 20;
const PHASE_SECONDS = 10;
// The measured client asks at a steady pace, so its latency is what a person would see, not a queue of its own.
const PROBE_INTERVAL_MS = 50;

function randomLoopback(): string {
  const b = randomBytes(3);
  return `127.${1 + (b[0]! % 254)}.${b[1]!}.${1 + (b[2]! % 254)}`;
}

/** One request on a new connection from `localAddress`; the status, or 0 when the connection failed. */
function postFrom(
  url: URL,
  localAddress: string,
  headers: Record<string, string>,
  body: string,
): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', headers, localAddress, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

async function csrf(client: HttpClient): Promise<{ token: string; cookie: string }> {
  const res = await client.request('/api/auth/csrf');
  const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  return { token: (JSON.parse(res.body) as { csrfToken: string }).csrfToken, cookie };
}

/** Latencies of the signed-in probe, one request every PROBE_INTERVAL_MS for `seconds`. */
async function probe(
  client: HttpClient,
  cookie: string,
  seconds: number,
): Promise<{ ms: number[]; errors: number }> {
  const ms: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  let next = performance.now();
  while (performance.now() < end) {
    const res = await client.request('/api/instances', { headers: { cookie } });
    if (res.status === 200) ms.push(res.ms);
    else errors++;
    next += PROBE_INTERVAL_MS;
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  return { ms, errors };
}

function spray(consoleUrl: string, token: string, cookie: string) {
  const url = new URL('/api/auth/callback/credentials', consoleUrl);
  const statuses = new Map<number, number>();
  let stopped = false;
  let answered = 0;
  const senders = Array.from({ length: SENDERS }, async () => {
    while (!stopped) {
      const body = new URLSearchParams({
        csrfToken: token,
        username: `spray-${randomBytes(6).toString('hex')}`,
        password: 'wrong-password',
        json: 'true',
      }).toString();
      const status = await postFrom(
        url,
        randomLoopback(),
        { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      );
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      answered++;
    }
  });
  return {
    answered: () => answered,
    statuses,
    stop: async () => {
      stopped = true;
      await Promise.all(senders);
    },
  };
}

const fmt = (ms: number[]) =>
  `p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms`;

export async function runSignInSpray(consoleUrl: string): Promise<string[]> {
  const client = new HttpClient(consoleUrl, 4);
  const cookie = await signIn(client);
  await probe(client, cookie, 1); // warm the route and the instance list
  const quiet = await probe(client, cookie, PHASE_SECONDS);

  const { token, cookie: csrfCookie } = await csrf(client);
  const attack = spray(consoleUrl, token, csrfCookie);
  // Measure once the spray is under way, not while its first requests are still connecting.
  while (attack.answered() < SENDERS) await new Promise((r) => setImmediate(r));
  const t0 = performance.now();
  const before = attack.answered();
  const loud = await probe(client, cookie, PHASE_SECONDS);
  const sprayRate = (attack.answered() - before) / ((performance.now() - t0) / 1000);
  await attack.stop();
  client.close();

  const statuses = [...attack.statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status === 0 ? 'no answer' : status}: ${n}`)
    .join(', ');
  const ratio = percentile(loud.ms, 95) / percentile(quiet.ms, 95);
  return [
    `Sign-in spray: signed-in GET /api/instances every ${PROBE_INTERVAL_MS} ms, ${PHASE_SECONDS} s quiet, then ${PHASE_SECONDS} s under ${SENDERS} senders of wrong sign-ins (random usernames, one address per request)`,
    `  quiet:        ${fmt(quiet.ms)}   (${quiet.ms.length} answers, ${quiet.errors} errors)`,
    `  under spray:  ${fmt(loud.ms)}   (${loud.ms.length} answers, ${loud.errors} errors)`,
    `  spray: ${sprayRate.toFixed(0)} sign-ins/s answered; by status ${statuses}`,
    `  p95 under spray / quiet: ${ratio.toFixed(2)}   (target <= 2)`,
  ];
}

async function main(): Promise<void> {
  buildIfNeeded();
  const emulator = await startEmulator({});
  const server = await startBenchConsole(emulator, 'spray', { API_RATE_LIMIT_PER_MINUTE: '100000' });
  for (const line of await runSignInSpray(server.url)) console.log(line);
}

if (require.main === module) {
  main()
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(stopAll);
}
