// How every launcher starts the console's server (`npm run demo`, the e2e and bench processes); `npm start`
// and `npm run dev` in package.json spell the same command (server-command.test.ts keeps them equal).
// Memory, measured by `npm run bench` (RSS after 50 sign-ins and 4,000 listings at 50 concurrent: about
// 450 MB with Node's defaults, about 210 MB with these):
// - V8's heap grows by 30% after a full collection, not by its speed-first factor (up to 4x): the live set
//   of a busy server is ~70 MB. `--optimize-for-size` kept memory as low but cost a fifth of the
//   throughput (50 users listing: p95 300 ms with it, 250 ms with this). The young generation's
//   semi-spaces stay at 4 MB (not 16).
// - glibc's malloc keeps a fixed mmap threshold: each sign-in's scrypt takes 16 MB, and with glibc's
//   sliding threshold every thread that ever hashed would keep that much in its arena for good.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=30'];
export const SERVER_ENV = { GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=131072' };

/** Node's arguments for the built console on `port` (loopback unless told otherwise). */
export function serverNodeArgs(port: number, hostname = '127.0.0.1'): string[] {
  return [
    ...SERVER_NODE_FLAGS,
    '--import',
    'tsx',
    'server.ts',
    '--port',
    String(port),
    '--hostname',
    hostname,
  ];
}

/** `npm start` as package.json spells it. */
export function npmStartCommand(dev = false): string {
  const env = Object.entries(SERVER_ENV).map(([k, v]) => `${k}=${v}`);
  return [
    ...env,
    'exec node',
    ...SERVER_NODE_FLAGS,
    '--import tsx server.ts',
    ...(dev ? ['--dev'] : []),
  ].join(' ');
}
