import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { parsePublicAddress } from '../domain/hub-address.ts';

/** What `npm run hub -- ...` asks for. */
export interface HubArgs {
  dataDir: string;
  /** A PostgreSQL connection string, or null: the store is a SQLite file in dataDir. */
  postgres: string | null;
  port: number;
  host: string;
  demo: boolean;
  /** The address buyers use (its origin), or null: links then use the hub's own. */
  publicUrl: string | null;
  /** Proxies whose forwarded headers are believed; empty: none. */
  trustProxy: string[];
  /** Mount the routes only benchmarks use (main/hub/bench-routes.ts); never in production. */
  benchRoutes: boolean;
  /** Where Stripe's API is reached (an origin), or null: Stripe's own. */
  stripeApi: string | null;
  help: boolean;
}

export const DEFAULT_HUB_PORT = 8787;
export const DEFAULT_HUB_HOST = '127.0.0.1';

export const HUB_USAGE =
  'Usage: npm run hub -- --data DIR [--postgres URL] [--port PORT] [--host HOST] [--public-url URL] [--trust-proxy ADDRESSES] [--stripe-api URL] [--demo]\n' +
  `  --data DIR               folder for the hub's database (hub.sqlite) and the keys that seal its\n` +
  '                           secrets; created if missing. Instances sharing one PostgreSQL database\n' +
  '                           need the same keys: give each a copy of one folder\n' +
  '  --postgres URL           keep the store in PostgreSQL, e.g. postgres://hub@db.internal:5432/brand,\n' +
  '                           instead of hub.sqlite; several instances may serve one database\n' +
  `  --port PORT              0 to 65535; 0 picks a free port (default ${DEFAULT_HUB_PORT})\n` +
  `  --host HOST              address to listen on (default ${DEFAULT_HUB_HOST}; 0.0.0.0 for the local network)\n` +
  '  --public-url URL         the address buyers use, e.g. https://showroom.brand.com; every link,\n' +
  '                           QR code and email carries it\n' +
  '  --trust-proxy ADDRESSES  the proxies in front of the hub, comma-separated addresses or CIDR\n' +
  '                           ranges (or loopback, linklocal, uniquelocal): the client address and\n' +
  '                           HTTPS are then read from their X-Forwarded-For and X-Forwarded-Proto\n' +
  "  --stripe-api URL         where Stripe's API is reached, e.g. http://127.0.0.1:12111 for a local\n" +
  '                           stand-in in tests (default https://api.stripe.com)\n' +
  '  --demo                   fill an empty store with the demo brand\n' +
  '  --bench-routes           for benchmarks only: also answer POST /api/bench/insert, a bare\n' +
  '                           durable write (npm run bench); never on a hub buyers use';

/** A command line the hub cannot run with; its message says what to change. */
export class HubArgsError extends Error {}

/**
 * Reads the hub's command line. Pure: throws HubArgsError with a readable message
 * instead of exiting, so it can be tested and reused.
 */
export function parseHubArgs(argv: readonly string[], cwd = process.cwd()): HubArgs {
  const values = readOptions(argv, {
    data: { type: 'string' },
    postgres: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'public-url': { type: 'string' },
    'trust-proxy': { type: 'string' },
    'stripe-api': { type: 'string' },
    demo: { type: 'boolean' },
    'bench-routes': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    return {
      dataDir: '',
      postgres: null,
      port: DEFAULT_HUB_PORT,
      host: DEFAULT_HUB_HOST,
      demo: false,
      publicUrl: null,
      trustProxy: [],
      benchRoutes: false,
      stripeApi: null,
      help: true,
    };
  }
  if (values.data === undefined || values.data.trim() === '') {
    throw new HubArgsError('--data is required: the folder where the hub keeps its database.');
  }
  const port = parsePort(values.port);
  const host = values.host ?? DEFAULT_HUB_HOST;
  if (host.trim() === '' || /\s/.test(host)) {
    throw new HubArgsError(`--host must be an address such as 127.0.0.1, not "${host}".`);
  }
  return {
    dataDir: resolve(cwd, values.data),
    postgres: values.postgres === undefined ? null : postgresUrl(values.postgres),
    port,
    host,
    demo: values.demo ?? false,
    publicUrl: values['public-url'] === undefined ? null : publicUrl(values['public-url']),
    trustProxy: values['trust-proxy'] === undefined ? [] : trustedProxies(values['trust-proxy']),
    benchRoutes: values['bench-routes'] ?? false,
    stripeApi: values['stripe-api'] === undefined ? null : stripeApi(values['stripe-api']),
    help: false,
  };
}

/** `raw` if it is a PostgreSQL connection string naming a database (a HubArgsError if not). */
export function postgresUrl(raw: string): string {
  const url = URL.parse(raw);
  if (!url || !['postgres:', 'postgresql:'].includes(url.protocol) || url.pathname.length < 2) {
    throw new HubArgsError(
      '--postgres takes a connection string with a database, such as postgres://hub@127.0.0.1:5432/brand.',
    );
  }
  return raw;
}

function stripeApi(raw: string): string {
  const url = URL.parse(raw);
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search) {
    throw new HubArgsError(
      `--stripe-api takes an origin such as http://127.0.0.1:12111, not "${raw}".`,
    );
  }
  return url.origin;
}

function publicUrl(raw: string): string {
  const parsed = parsePublicAddress(raw);
  if (!parsed.ok) throw new HubArgsError(`--public-url: ${parsed.reason}, not "${raw}".`);
  return parsed.origin;
}

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustedProxies(raw: string): string[] {
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const prefixFits =
      prefix === undefined ||
      (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (!(PROXY_KEYWORDS.has(entry) || (family !== 0 && prefixFits && rest.length === 0))) {
      throw new HubArgsError(
        `--trust-proxy takes addresses or CIDR ranges separated by commas, like 10.0.0.2,10.1.0.0/16; "${entry}" is neither.`,
      );
    }
  }
  return entries;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_HUB_PORT;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) {
    throw new HubArgsError(`--port must be a whole number from 0 to 65535, not "${raw}".`);
  }
  return port;
}

/**
 * The options of one of the hub's commands (every setting named, no positionals), or a
 * HubArgsError saying in a person's words what was wrong with them.
 */
export function readOptions<const T extends ParseArgsOptionsConfig>(
  argv: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new HubArgsError(readableParseError(error));
  }
}

function readableParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${option ?? message}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test(message)
        ? `${option ?? 'An option'} does not take a value.`
        : `${option ?? 'An option'} needs a value.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Unexpected argument "${/'([^']*)'/.exec(message)?.[1] ?? ''}": give every setting with its --option.`;
    default:
      return message;
  }
}
