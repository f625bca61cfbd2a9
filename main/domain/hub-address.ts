/**
 * Where buyers reach the hub. Every link, QR code and email carries one of these
 * addresses, never a loopback address a buyer's phone cannot reach.
 */

export const PUBLIC_ADDRESS_MAX_LENGTH = 200;

/** Why an address is not one buyers can use; each screen says it in its own language. */
export type PublicAddressProblem =
  'empty' | 'too_long' | 'not_an_address' | 'not_http' | 'credentials' | 'path' | 'loopback';

/** The English words, for the command line and the hub's refusals. */
export const PUBLIC_ADDRESS_MESSAGES: Record<PublicAddressProblem, string> = {
  empty: 'Type the address buyers use, or leave it empty',
  too_long: `An address is at most ${PUBLIC_ADDRESS_MAX_LENGTH} characters`,
  not_an_address: 'Type the whole address, like https://showroom.brand.com',
  not_http: 'The address starts with https:// (or http://)',
  credentials: 'The address carries no user name or password',
  path: 'The buyer pages sit at the root: leave out everything after the host',
  loopback: 'Buyers cannot reach this computer’s own loopback address',
};

/** The parsed public address: its origin (scheme, host and port, no path). */
export type ParsedPublicAddress =
  { ok: true; origin: string } | { ok: false; problem: PublicAddressProblem; reason: string };

const refused = (problem: PublicAddressProblem): ParsedPublicAddress => ({
  ok: false,
  problem,
  reason: PUBLIC_ADDRESS_MESSAGES[problem],
});

/**
 * "Public address" as an admin types it (or `--public-url` gives it): the address
 * buyers use, e.g. https://showroom.brand.com behind the brand's TLS proxy. The buyer
 * pages live at its root, so it has no path; loopback is refused, since no buyer can
 * reach it.
 */
export function parsePublicAddress(text: string): ParsedPublicAddress {
  const trimmed = text.trim();
  if (trimmed === '') return refused('empty');
  if (trimmed.length > PUBLIC_ADDRESS_MAX_LENGTH) {
    return refused('too_long');
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return refused('not_an_address');
  }
  if (scheme !== 'https' && scheme !== 'http') {
    return refused('not_http');
  }
  const rest = trimmed.slice(scheme.length + 3);
  const authority = /^[^/?#]*/.exec(rest)![0];
  if (authority.includes('@')) {
    return refused('credentials');
  }
  if (rest.slice(authority.length) !== '' && rest.slice(authority.length) !== '/') {
    return refused('path');
  }
  const hostAndPort =
    /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?::(\d{1,5}))?$/i.exec(
      authority,
    );
  const port = hostAndPort?.[2] === undefined ? null : Number(hostAndPort[2]);
  if (!hostAndPort || (port !== null && (port < 1 || port > 65_535))) {
    return refused('not_an_address');
  }
  const host = hostAndPort[1]!.toLowerCase();
  if (isLoopbackHost(host)) {
    return refused('loopback');
  }
  const defaultPort = scheme === 'https' ? 443 : 80;
  return {
    ok: true,
    origin: `${scheme}://${host}${port === null || port === defaultPort ? '' : `:${port}`}`,
  };
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * How far the links a desktop makes reach, which the Share Link modal says in words:
 * - network: the built-in hub serves buyers on this computer's local network;
 * - public: the brand's public address;
 * - hub: the standalone hub's address, as this desktop reaches it;
 * - thisComputer: the built-in hub on loopback only: the link opens on this computer alone.
 */
export type LinkReach = 'network' | 'public' | 'hub' | 'thisComputer';

/**
 * The built-in hub's local-network addresses in the order a rep would pick them: home
 * and booth Wi-Fi ranges (192.168/16) first, then the other private ranges, then the rest.
 */
export function preferredNetworkAddresses(addresses: readonly string[]): string[] {
  const rank = (address: string) => {
    const host = /^https?:\/\/([^/:]+)/.exec(address)?.[1] ?? address;
    if (host.startsWith('192.168.')) return 0;
    if (host.startsWith('10.')) return 1;
    if (/^172\.(1[6-9]|2\d|3[01])\./.test(host)) return 2;
    return 3;
  };
  return [...addresses].sort((a, b) => rank(a) - rank(b));
}
