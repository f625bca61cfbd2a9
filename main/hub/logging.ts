import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

/**
 * The hub's structured logs. Share-link tokens travel in the path (`/s/<token>`) and a
 * raw token in a log is a defect (docs/ARCHITECTURE.md, Security), so every path the hub logs goes
 * through `redactUrl`, query strings are never logged, and credentials in headers are
 * censored should anything ever log them.
 */

const SECRET_HEADERS = ['authorization', 'cookie', 'set-cookie', 'proxy-authorization'];

export const REDACTED = '[redacted]';

/**
 * The path as it may appear in a log: no query string, no fragment, and nothing after a
 * `/s/` segment (a share link's token) or a `/dtc/` one (a DTC checkout link's basket and
 * hash), matched case-insensitively and also when percent-encoded, so no spelling of a
 * link leaks its token.
 */
export function redactUrl(url: string): string {
  const cut = url.search(/[?#]/);
  const path = cut === -1 ? url : url.slice(0, cut);
  const share = /(^|\/)(?:s|%73|%53)(?:\/|%2f)/i.exec(path);
  const dtc = /(^|\/)(?:d|%64|%44)(?:t|%74|%54)(?:c|%63|%43)(?:\/|%2f)/i.exec(path);
  const first = [share, dtc].filter((match) => match !== null).sort((a, b) => a.index - b.index)[0];
  if (!first) return path;
  const segment = first === share ? 's' : 'dtc';
  return `${path.slice(0, first.index)}${first[1]}${segment}/${REDACTED}`;
}

export interface HubLoggerOptions {
  /** Where the JSON lines go; stdout when omitted. */
  destination?: DestinationStream;
  level?: LevelWithSilent;
}

/** A pino logger with the hub's redaction and request/response serializers. */
export function createHubLogger(options: HubLoggerOptions = {}): Logger {
  const headerPaths = SECRET_HEADERS.flatMap((name) => [
    `req.headers["${name}"]`,
    `res.headers["${name}"]`,
    `headers["${name}"]`,
  ]);
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'trunkshow-hub' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: headerPaths, censor: REDACTED },
      serializers: {
        req: (request: { method?: string; url?: string; id?: string }) => ({
          method: request.method,
          path: redactUrl(request.url ?? ''),
        }),
        res: (reply: { statusCode?: number }) => ({ status: reply.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * Fastify's request log lines, reshaped: one line per request, when it completes, with
 * method, redacted path, status and duration. Fastify's own "incoming request" and
 * "route not found" lines are dropped (the latter writes the raw URL).
 */
export class HubLogController extends LogController {
  override incomingRequest(): void {}

  override routeNotFound(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      path: redactUrl(request.url),
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else reply.log.info(line, 'request');
  }
}
