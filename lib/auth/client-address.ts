import 'server-only';
import { getConfig } from '@/lib/config';
import { resolveClientAddress } from '@/lib/net/forwarded-client';
import { normalizeIp } from '@/lib/net/ip-address';
import { REMOTE_ADDRESS_HEADER } from '@/lib/net/remote-address-header';

// The client's address as the audit log, the sign-in throttle and the anonymous rate limit see it:
// the socket's (server.ts passes it on), or, behind a proxy in TRUSTED_PROXIES, the client that proxy
// names in X-Forwarded-For. Never a header a client chose itself.

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

export function clientAddress(headers: HeaderSource): string {
  const remote = normalizeIp(header(headers, REMOTE_ADDRESS_HEADER));
  // Only without server.ts (unit tests call route handlers directly; the start-up check refuses the rest).
  if (!remote) return 'unknown';
  return resolveClientAddress(remote, header(headers, 'x-forwarded-for'), getConfig().TRUSTED_PROXIES);
}
