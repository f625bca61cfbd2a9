import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** What `npm run hub -- ...` asks for. */
export interface HubArgs {
  dataDir: string;
  port: number;
  host: string;
  demo: boolean;
  help: boolean;
}

export const DEFAULT_HUB_PORT = 8787;
export const DEFAULT_HUB_HOST = '127.0.0.1';

export const HUB_USAGE =
  'Usage: npm run hub -- --data DIR [--port PORT] [--host HOST] [--demo]\n' +
  `  --data DIR    folder for the hub's database (hub.sqlite); created if missing\n` +
  `  --port PORT   0 to 65535; 0 picks a free port (default ${DEFAULT_HUB_PORT})\n` +
  `  --host HOST   address to listen on (default ${DEFAULT_HUB_HOST}; 0.0.0.0 for the local network)\n` +
  '  --demo        fill an empty store with the demo brand';

/** A command line the hub cannot run with; its message says what to change. */
export class HubArgsError extends Error {}

/**
 * Reads the hub's command line. Pure: throws HubArgsError with a readable message
 * instead of exiting, so it can be tested and reused.
 */
export function parseHubArgs(argv: readonly string[], cwd = process.cwd()): HubArgs {
  let values: { data?: string; port?: string; host?: string; demo?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new HubArgsError(readableParseError(error));
  }
  if (values.help) {
    return {
      dataDir: '',
      port: DEFAULT_HUB_PORT,
      host: DEFAULT_HUB_HOST,
      demo: false,
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
    port,
    host,
    demo: values.demo ?? false,
    help: false,
  };
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_HUB_PORT;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) {
    throw new HubArgsError(`--port must be a whole number from 0 to 65535, not "${raw}".`);
  }
  return port;
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
