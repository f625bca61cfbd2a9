import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { HubErrorBody, HubErrorCode } from '../../preload/contract/hub-errors.ts';

// The refusal's shape and codes are part of the contract (preload/contract/hub-errors.ts):
// the buyer pages read them too. Here is how the hub makes and sends them.

type ErrorExtra = Omit<HubErrorBody['error'], 'code' | 'message'>;

export function errorBody(
  code: HubErrorCode,
  message: string,
  extra: ErrorExtra = {},
): HubErrorBody {
  return { error: { code, message, ...extra } };
}

/**
 * Thrown by a route or service to refuse with a status, a code and words a person can
 * read; a rule's refusal also carries its `params` (and `refusals`, when there are
 * several), which pages translate instead of showing the English message.
 */
export class HubRefusal extends Error {
  readonly status: number;
  readonly code: HubErrorCode;
  readonly extra: ErrorExtra;
  constructor(status: number, code: HubErrorCode, message: string, extra: ErrorExtra = {}) {
    super(message);
    this.name = 'HubRefusal';
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

interface Classified {
  status: number;
  code: HubErrorCode;
  message: string;
  extra?: ErrorExtra;
}

/** Maps an error thrown anywhere in a request to the status and body the client gets. */
export function classifyError(error: FastifyError | HubRefusal): Classified {
  if (error instanceof HubRefusal) {
    return { status: error.status, code: error.code, message: error.message, extra: error.extra };
  }
  if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
    const where = error.validationContext ? `${error.validationContext}` : 'request';
    const issues = (error.validation ?? []).map((issue) => ({
      path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      code: issue.keyword,
      message: issue.message ?? 'invalid',
    }));
    const details = issues
      .slice(0, 5)
      .map(({ path, message }) => (path ? `${path}: ${message}` : message))
      .join('; ');
    return {
      status: 400,
      code: 'invalid_input',
      message: `The ${where} is not valid${details ? `: ${details}` : ''}.`,
      extra: { issues: issues.map(({ path, code }) => ({ path, code })) },
    };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'invalid_json',
        message: 'The request says it carries JSON but its body is empty.',
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: 'payload_too_large',
        message: 'The request body is too large.',
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'unsupported_media_type',
        message: 'Send the request body as JSON (Content-Type: application/json).',
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 400,
        code: 'invalid_input',
        message: 'The request body does not match its Content-Length.',
      };
    case 'FST_ERR_BAD_URL':
      return { status: 400, code: 'invalid_input', message: 'The address is not valid.' };
    // SQLite busy; on PostgreSQL a conflict still lost after its retries, a lock or
    // connection not to be had, the server restarting or shutting down. Each passes, and
    // the client tries again.
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
    case '40001':
    case '40P01':
    case '55P03':
    case '53300':
    case '57P01':
    case '57P03':
    case '08000':
    case '08003':
    case '08006':
      return {
        status: 503,
        code: 'unavailable',
        message: 'The hub is busy. Try again in a moment.',
      };
    case 'FST_ERR_ASYNC_CONSTRAINT':
      return { status: 400, code: 'invalid_input', message: 'The request could not be routed.' };
  }
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    return {
      status,
      code: status === 404 ? 'not_found' : status === 413 ? 'payload_too_large' : 'invalid_input',
      message: `The request could not be read: ${error.message}`,
    };
  }
  if (status === 503) {
    return { status, code: 'unavailable', message: 'The hub is busy or stopping. Try again.' };
  }
  return {
    status: 500,
    code: 'internal',
    message: 'Something went wrong on the hub. Nothing was changed; try again.',
  };
}

export function handleError(
  error: FastifyError | HubRefusal,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const classified = classifyError(error);
  if (classified.status >= 500 && classified.status !== 503) {
    request.log.error({ err: error }, 'request failed in the hub');
  }
  if (classified.extra?.retryAfterSeconds !== undefined) {
    void reply.header('retry-after', String(classified.extra.retryAfterSeconds));
  }
  return reply
    .code(classified.status)
    .type('application/json; charset=utf-8')
    .send(errorBody(classified.code, classified.message, classified.extra));
}
