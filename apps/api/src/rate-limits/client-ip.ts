import { isIPv6 } from 'node:net';
import type { Request } from 'express';

/** The eight groups of an IPv6 address, `::` expanded. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

/**
 * Who a request counts as for per-IP limits: its client address as Express computes it (the socket,
 * or X-Forwarded-For only through proxies TRUST_PROXY names). An IPv4-mapped address is the IPv4
 * address; an IPv6 client counts as its /64, the block one subscriber is usually given, so rotating
 * through it gains nothing.
 */
export function clientIp(req: Pick<Request, 'ip' | 'socket'>): string {
  let address = (req.ip ?? req.socket?.remoteAddress ?? 'unknown').trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1];
  if (isIPv6(address) && !address.includes('.')) return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
  return address;
}
