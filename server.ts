// The console's HTTP server (`npm start`, `npm run demo`, `npm run dev`): Next.js behind a plain
// node:http server, because Next.js gives route handlers no way to the socket (no request.ip, and it
// fills in X-Forwarded-For only when the client sent none). Each request gets its socket's address in
// a header of ours, replacing any copy a client sent; lib/auth/client-address.ts reads it.
//   node --import tsx server.ts [--port 3000] [--hostname 0.0.0.0] [--dev]
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { answerBadPath, decodesCleanly } from './lib/net/bad-path';
import { normalizeIp } from './lib/net/ip-address';
import { existingProcessSingleton } from './lib/process-singleton';
import { markRemoteAddressServer, REMOTE_ADDRESS_HEADER } from './lib/net/remote-address-header';

const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p' },
    hostname: { type: 'string', short: 'H' },
    dev: { type: 'boolean', default: false },
  },
  strict: true,
});

async function main(): Promise<void> {
  const dev = values.dev;
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = values.hostname ?? '0.0.0.0';
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Invalid port "${values.port}"`);
  // As `next start` and `next dev` do; React picks its build from this when Next.js first loads it.
  (process.env as Record<string, string>).NODE_ENV = dev ? 'development' : 'production';
  markRemoteAddressServer();
  // tsx turns source maps on for this file; left on, Node would parse the maps of every Next.js chunk
  // (tens of MB more memory, slower start, dearer stack traces) for nothing the server needs.
  process.setSourceMapsEnabled(false);

  const { default: next } = await import('next');
  const app = next({ dev, hostname, port, dir: __dirname });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The static security headers, from the one place that lists them.
  const nextConfig = createRequire(__filename)('./next.config.js') as {
    headers(): Promise<{ headers: { key: string; value: string }[] }[]>;
  };
  const securityHeaders = Object.fromEntries(
    (await nextConfig.headers()).flatMap((rule) => rule.headers).map((h) => [h.key, h.value]),
  );

  const server = createServer((req, res) => {
    req.headers[REMOTE_ADDRESS_HEADER] = normalizeIp(req.socket.remoteAddress) ?? 'unknown';
    if (!decodesCleanly(req.url ?? '/')) {
      console.warn(
        `[server] 400: a path that does not percent-decode: ${JSON.stringify(req.url?.slice(0, 200))}`,
      );
      answerBadPath(res, req.url ?? '/', securityHeaders);
      return;
    }
    handle(req, res).catch((err: unknown) => {
      console.error('[server] unhandled error:', err instanceof Error ? err.message : err);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  if (dev) server.on('upgrade', app.getUpgradeHandler());

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Stopping (${signal})…`);
    server.close();
    server.closeAllConnections();
    // Audit rows still in their 100 ms batch are written before the process goes (lib/audit/audit-log.ts).
    const auditBatch = existingProcessSingleton<{ flush(): Promise<void> }>('audit-batch');
    void Promise.resolve(auditBatch?.flush())
      .catch(() => undefined)
      .then(() => app.close())
      .finally(() => process.exit(0));
    // Whatever Next.js still holds open must not keep a stopping server alive.
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  console.log(`Ready on http://${hostname}:${port}${dev ? ' (development)' : ''}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
