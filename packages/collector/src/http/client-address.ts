import { BlockList, isIP } from 'node:net';
import { CollectorError } from '../errors';

/**
 * How far to trust `X-Forwarded-For`: `false` (default) uses the socket's peer; a number is how
 * many proxies stand in front of the collector; a list names the proxies (addresses or CIDR
 * ranges). `true` means one proxy. The client is the right-most address no trusted proxy
 * added: proxies append, so anything left of that was written by the client itself.
 */
export type TrustProxy = boolean | number | string[];

export type AddressResolver = (
  socketAddress: string | undefined,
  forwarded: string | null,
) => string;

export function addressResolver(trust: TrustProxy | undefined): AddressResolver {
  if (trust === undefined || trust === false || trust === 0) {
    return (socket) => socket ?? 'unknown';
  }
  if (trust === true || typeof trust === 'number') {
    const hops = trust === true ? 1 : trust;
    if (!Number.isInteger(hops) || hops < 0 || hops > 16) {
      throw new CollectorError('invalid_config', 'trustProxy must be a hop count from 0 to 16');
    }
    return (socket, forwarded) => {
      const chain = [...entries(forwarded), socket ?? 'unknown'];
      return chain[Math.max(0, chain.length - 1 - hops)]!;
    };
  }
  const trusted = trustedList(trust);
  return (socket, forwarded) => {
    const chain = [...entries(forwarded), socket ?? 'unknown'];
    for (let i = chain.length - 1; i > 0; i--) {
      if (!isTrusted(trusted, chain[i]!)) return chain[i]!;
    }
    return chain[0]!;
  };
}

/** Whether an address is one of the listed proxies (addresses or CIDR ranges). */
export function proxyMatcher(items: string[]): (address: string) => boolean {
  const list = trustedList(items);
  return (address) => isTrusted(list, address);
}

function entries(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((s) => s.trim().slice(0, 64))
    .filter(Boolean)
    .slice(-32);
}

function trustedList(items: string[]): BlockList {
  const list = new BlockList();
  for (const item of items) {
    const [address, prefix] = item.split('/') as [string, string | undefined];
    const type = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    if (
      type === 0 ||
      (bits !== undefined &&
        (!Number.isInteger(bits) || bits < 0 || bits > (type === 4 ? 32 : 128)))
    ) {
      throw new CollectorError(
        'invalid_config',
        `trustProxy: "${item}" is not an IP address or CIDR range`,
      );
    }
    const family = type === 4 ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, bits, family);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const plain = mapped ? mapped[1]! : address;
  const type = isIP(plain);
  return type !== 0 && list.check(plain, type === 4 ? 'ipv4' : 'ipv6');
}
