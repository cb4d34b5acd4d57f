// How every launcher starts the console's server (`npm run demo`, the e2e and bench processes); `npm start`
// and `npm run dev` in package.json spell the same command (server-command.test.ts keeps them equal).
// Memory, measured by `npm run bench` (RSS after 50 sign-ins and 4,000 listings at 50 concurrent: about
// 450 MB with Node's defaults, about 160 MB with these):
// - V8 favours size over speed (a heap that grows less eagerly before a full collection; the live set
//   of a busy server is ~70 MB) and keeps the young generation's semi-spaces at 4 MB (not 16).
// - glibc's malloc keeps a fixed mmap threshold: each sign-in's scrypt takes 16 MB, and with glibc's
//   sliding threshold every thread that ever hashed would keep that much in its arena for good.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--optimize-for-size'];
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
