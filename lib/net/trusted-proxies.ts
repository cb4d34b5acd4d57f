import { BlockList, isIP } from 'node:net';
import { normalizeIp } from './ip-address';

// TRUSTED_PROXIES: the reverse proxies in front of the console, as addresses or CIDRs (IPv4 and IPv6).
// Only a connection from one of them may say, in X-Forwarded-For, who the client is. Pure.

export class TrustedProxies {
  private constructor(
    private readonly list: BlockList,
    readonly entries: readonly string[],
  ) {}

  /** Comma- or space-separated entries; throws naming the first entry that is not an address or CIDR. */
  static parse(text: string): TrustedProxies {
    const list = new BlockList();
    const entries = text.split(/[\s,]+/).filter(Boolean);
    for (const entry of entries) {
      const [raw, prefixText, extra] = entry.split('/');
      const address = normalizeIp(raw);
      const version = address ? isIP(address) : 0;
      const type = version === 6 ? 'ipv6' : 'ipv4';
      const prefix = Number(prefixText);
      if (!address || extra !== undefined) throw new Error(`"${entry}" is not an IP address or CIDR`);
      if (prefixText === undefined) list.addAddress(address, type);
      else if (/^\d+$/.test(prefixText) && prefix <= (version === 6 ? 128 : 32))
        list.addSubnet(address, prefix, type);
      else throw new Error(`"${entry}" has a bad prefix length`);
    }
    return new TrustedProxies(list, entries);
  }

  has(address: string): boolean {
    const version = isIP(address);
    return version !== 0 && this.list.check(address, version === 6 ? 'ipv6' : 'ipv4');
  }
}
