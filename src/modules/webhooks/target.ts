import { lookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError } from '../../http/errors.js';

/**
 * SSRF protection for webhook targets (docs/integrations.md). A target may only resolve to public unicast
 * addresses: loopback, private, link-local (cloud metadata at 169.254.169.254), unique-local, carrier-grade NAT,
 * multicast, reserved and unspecified ranges are refused, unless WEBHOOK_ALLOW_PRIVATE_TARGETS=true. The check runs
 * when a URL is saved and again on every delivery, on the very address the connection uses (guardedLookup), so a
 * name that later resolves inside the network (DNS rebinding) is refused too.
 */

/** Whether an address is a public unicast one. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  return ip.range() === 'unicast';
}

/** The URL if it may be a webhook target: http(s), and (unless private targets are allowed) only public addresses. */
export async function assertWebhookTarget(raw: string, allowPrivate: boolean): Promise<URL> {
  const refuse = (why: string) => new AppError('validation_failed', `The webhook URL ${why}`, { 'body.url': why });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('must be http or https');
  if (url.username || url.password) throw refuse('must not carry credentials');
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host) ? [host] : await lookup(host, { all: true, verbatim: true }).then((a) => a.map((x) => x.address), () => []);
  if (addresses.length === 0) throw refuse('has a host name that does not resolve');
  if (!addresses.every(isPublicAddress)) throw refuse('points inside the network (private, loopback or link-local address)');
  return url;
}

/** A DNS lookup for the delivery's connection that refuses non-public addresses (unless allowed). */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true, verbatim: true }).then(
      (found) => {
        const usable = allowPrivate ? found : found.filter((a) => isPublicAddress(a.address));
        if (usable.length === 0) {
          callback(Object.assign(new Error(`${hostname} resolves to no public address`), { code: 'EADDRNOTAVAIL' }), '', 4);
          return;
        }
        if (options.all) (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 4),
    );
  };
}
