import http from 'node:http';
import { performance } from 'node:perf_hooks';

// A small keep-alive HTTP client for load: a fixed number of sockets, latencies in milliseconds.

export interface Sample {
  status: number;
  ms: number;
}

export class HttpClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly base: string,
    connections: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }

  request(
    path: string,
    {
      method = 'GET',
      headers = {},
      body,
    }: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; ms: number }> {
    const url = new URL(path, this.base);
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - t0,
          }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      if (body) req.write(body);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** `workers` loops calling `next` until `seconds` have passed; every answer's status and latency. */
export async function load(
  seconds: number,
  workers: number,
  next: (worker: number) => Promise<Sample>,
): Promise<{ samples: Sample[]; elapsed: number }> {
  const samples: Sample[] = [];
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      while (performance.now() < end) samples.push(await next(w));
    }),
  );
  return { samples, elapsed: (performance.now() - t0) / 1000 };
}

export function summary({ samples, elapsed }: { samples: Sample[]; elapsed: number }) {
  const ms = samples.map((s) => s.ms);
  return {
    requests: samples.length,
    perSecond: samples.length / elapsed,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    errors: samples.filter((s) => s.status !== 200).length,
  };
}
