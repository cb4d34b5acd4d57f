// How every launcher starts the console's server (`npm run demo`, the e2e and bench processes); `npm start`
// and `npm run dev` in package.json spell the same flags (server-command.test.ts keeps them equal).
//
// The young generation's semi-spaces are capped at 4 MB (V8's default grows them to 16 MB under load): a
// request's garbage is short-lived and small, so scavenges stay cheap while the server's memory after a
// burst of traffic stays near its working set instead of ~100 MB above it (see `npm run bench`).
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];

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
