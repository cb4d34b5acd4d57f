import { isIP } from 'node:net';

// IP addresses as the throttle and the audit log compare them: one spelling per address, IPv4-mapped
// IPv6 (`::ffff:127.0.0.1`, what a dual-stack socket reports) as plain IPv4. Pure.

const V4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/;
const V6_IN_BRACKETS = /^\[([^\]]+)\](?::\d+)?$/;

/** The canonical form of an address (proxies may add a port or brackets), or null when it is none. */
export function normalizeIp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let text = raw.trim();
  text = V6_IN_BRACKETS.exec(text)?.[1] ?? V4_WITH_PORT.exec(text)?.[1] ?? text;
  text = text.replace(/%.*$/, '');
  const version = isIP(text);
  if (version === 4) return text;
  if (version !== 6) return null;
  const canonical = new URL(`http://[${text}]`).hostname.slice(1, -1);
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/**
 * The unit one client controls: an IPv4 address, or an IPv6 /64 (one subscriber gets a whole /64, so
 * counting single IPv6 addresses would give an attacker 2^64 fresh starts).
 */
export function addressGroup(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
