// server.ts puts each request's socket address in this header, replacing whatever a client sent, because
// Next.js gives route handlers no other way to the socket. Pure: server.ts and the app both import it.

export const REMOTE_ADDRESS_HEADER = 'x-kvb-remote-address';

const MARK = Symbol.for('kvstore-backups.remote-address-server');

/** server.ts says it is in front, so the start-up check knows the header can be believed. */
export function markRemoteAddressServer(): void {
  (globalThis as Record<symbol, unknown>)[MARK] = true;
}

export function isBehindRemoteAddressServer(): boolean {
  return (globalThis as Record<symbol, unknown>)[MARK] === true;
}
