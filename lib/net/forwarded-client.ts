import { normalizeIp } from './ip-address';
import type { TrustedProxies } from './trusted-proxies';

/**
 * Who the client is, given the socket's address and X-Forwarded-For. A client may write anything in
 * that header, so it counts only when the connection comes from a trusted proxy; then each proxy has
 * appended the address it saw, and the right-most address that is not a trusted proxy is the client.
 * Pure.
 */
export function resolveClientAddress(
  remote: string,
  forwardedFor: string | null | undefined,
  trusted: TrustedProxies,
): string {
  if (!trusted.has(remote)) return remote;
  const hops = (forwardedFor ?? '').split(',');
  let client = remote;
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!hops[i]!.trim()) continue;
    const hop = normalizeIp(hops[i]);
    // Only a trusted proxy could have written this hop, and it is not an address: stop at that proxy.
    if (!hop) return client;
    client = hop;
    if (!trusted.has(hop)) return hop;
  }
  return client;
}
