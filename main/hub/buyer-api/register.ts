import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { z } from 'zod';
import {
  buyerRoutes,
  buyerSchemas,
  type BuyerOperationName,
  type BuyerRoute,
} from '../../../preload/contract/buyer-api/index.ts';
import { COMMON_REFUSALS, pathParams } from '../../../preload/contract/buyer-api/routes.ts';
import { HubErrorBody } from '../../../preload/contract/hub-errors.ts';
import { preferredEncoding } from '../shared-selections.ts';
import type {
  AnswerWanted,
  BuyerApiCallers,
  BuyerApiHandlers,
  PictureAnswer,
  PreparedAnswer,
  SessionGrant,
  Visitor,
} from './handler-table.ts';
import { clearSession, sessionOf, setSession } from './session-cookie.ts';

/**
 * Mounts the buyer API (preload/contract/buyer-api/) on Fastify: one route per operation,
 * its input validated and its output serialized by the contract's schemas (the hub's
 * zod compilers, set in main/hub/server.ts), who calls looked up before the handler runs,
 * and the answer sent as its route declares. Refusals thrown anywhere reach the hub's
 * error handler (main/hub/errors.ts); security headers and `cache-control: no-store` come
 * from the hook every hub answer passes (main/hub/security-headers.ts). Nothing here knows
 * what an operation means.
 */
export function registerBuyerApi(
  app: FastifyInstance,
  handlers: BuyerApiHandlers,
  callers: BuyerApiCallers,
): void {
  for (const name of Object.keys(buyerRoutes) as BuyerOperationName[]) {
    mount(app, name, handlers, callers);
  }
}

type AnyHandler = (actor: unknown, input: object, wanted: AnswerWanted) => Promise<unknown>;

function mount(
  app: FastifyInstance,
  name: BuyerOperationName,
  handlers: BuyerApiHandlers,
  callers: BuyerApiCallers,
): void {
  const route: BuyerRoute = buyerRoutes[name];
  const parts = inputParts(name, route, buyerSchemas[name].input);
  const handler = handlers[name] as AnyHandler;
  app.route({
    method: route.method,
    url: route.path,
    schema: {
      summary: route.summary,
      tags: [route.tag],
      ...parts.schemas,
      response: responses(name, route),
    },
    handler: async (request, reply) => {
      const visitor: Visitor = {
        kind: 'visitor',
        address: request.ip,
        session: sessionOf(request),
        linkVisit: sessionOf(request, 'link'),
        origin: `${request.protocol}://${request.host}`,
      };
      const input = parts.read(request);
      const actor =
        route.caller === 'linkHolder'
          ? await callers.linkHolder((input as { token: string }).token, visitor)
          : route.caller === 'buyer'
            ? await callers.buyer(visitor)
            : route.caller === 'customerLink'
              ? await callers.customerLink((input as { token: string }).token, visitor)
              : visitor;
      const encoding =
        route.answer === 'prepared'
          ? preferredEncoding(request.headers['accept-encoding'])
          : 'identity';
      let answer = await handler(actor, input, { encoding });
      if (route.session === 'starts') {
        const started = answer as { value: unknown; session: SessionGrant };
        // A call that starts nothing new (a wrong passcode was refused before) sends no cookie.
        if (started.session) setSession(request, reply, started.session, route.cookie);
        answer = started.value;
      }
      if (route.session === 'ends') clearSession(request, reply, route.cookie);
      return send(reply, route, answer);
    },
  });
}

/**
 * Where each input field travels: `:name` in the path, the headers the route names, and
 * the rest in a JSON body. Each part is validated with its slice of the input schema, so
 * a refusal names the part and the field as the request has them; the handler gets the
 * parts joined back into one input.
 */
function inputParts(name: string, route: BuyerRoute, input: z.ZodObject) {
  const fields = Object.keys(input.shape);
  const inPath = pathParams(route.path);
  const inHeaders = Object.entries(route.headers ?? {});
  const elsewhere = [...inPath, ...inHeaders.map(([field]) => field)];
  const inBody = fields.filter((field) => !elsewhere.includes(field));
  const stray = elsewhere.find((field) => !fields.includes(field));
  if (stray) throw new Error(`Buyer API ${name}: "${stray}" is not a field of its input.`);
  if (route.method === 'GET' && inBody.length > 0) {
    throw new Error(`Buyer API ${name}: a GET has no body for ${inBody.join(', ')}.`);
  }
  const only = (keys: string[]) =>
    Object.fromEntries(keys.map((key) => [key, true])) as Parameters<z.ZodObject['pick']>[0];
  const schemas: FastifySchema = {};
  if (inPath.length > 0) schemas.params = input.pick(only(inPath));
  // Loose: the other headers stay on the request (cookies, Accept-Encoding).
  if (inHeaders.length > 0) {
    schemas.headers = z.looseObject(
      Object.fromEntries(inHeaders.map(([field, header]) => [header, input.shape[field]!])),
    );
  }
  // An operation with no body fields reads no body, whatever is sent.
  // The whole input when it all travels in the body, so its OpenAPI examples stay with it.
  if (inBody.length > 0) {
    schemas.body = elsewhere.length > 0 ? input.omit(only(elsewhere)) : input;
  }
  return {
    schemas,
    read(request: FastifyRequest): object {
      const headers = request.headers as Record<string, unknown>;
      return {
        ...(inBody.length > 0 ? (request.body as object) : {}),
        ...(inPath.length > 0 ? (request.params as object) : {}),
        ...Object.fromEntries(inHeaders.map(([field, header]) => [field, headers[header]])),
      };
    },
  };
}

/** Each status an operation answers with, and its schema: for serializing and for OpenAPI. */
function responses(name: BuyerOperationName, route: BuyerRoute) {
  const schemas = buyerSchemas[name];
  const json = (description: string, schema: z.ZodType) => ({
    description,
    content: { 'application/json': { schema } },
  });
  const output = 'output' in schemas ? schemas.output : null;
  const success = {
    json: output && { 200: json('Done', output) },
    created: output && {
      200: json('Done earlier: the first answer again', output),
      201: json('Done', output),
    },
    prepared: output && { 200: json('Done; compressed as Accept-Encoding allows', output) },
    picture: {
      200: {
        description: 'The picture',
        content: { 'image/*': { schema: z.string().meta({ format: 'binary' }) } },
      },
    },
    none: { 204: z.null().describe('Done') },
  }[route.answer];
  const codesByStatus = new Map<number, string[]>();
  for (const [code, status] of Object.entries({ ...route.refusals, ...COMMON_REFUSALS })) {
    codesByStatus.set(status, [...(codesByStatus.get(status) ?? []), code]);
  }
  const refusals = Object.fromEntries(
    [...codesByStatus].map(([status, codes]) => [status, json(codes.join(', '), HubErrorBody)]),
  );
  return { ...success, ...refusals };
}

function send(reply: FastifyReply, route: BuyerRoute, answer: unknown) {
  switch (route.answer) {
    case 'json':
      return answer;
    case 'created': {
      const { value, created } = answer as { value: unknown; created: boolean };
      reply.code(created ? 201 : 200);
      return value;
    }
    case 'prepared': {
      const { body, encoding } = answer as PreparedAnswer;
      if (encoding !== 'identity') reply.header('content-encoding', encoding);
      return reply
        .header('vary', 'accept-encoding')
        .type('application/json; charset=utf-8')
        .send(body);
    }
    case 'picture': {
      const { contentType, bytes } = answer as PictureAnswer;
      return reply.type(contentType).send(Buffer.from(bytes));
    }
    case 'none':
      return reply.code(204).send();
  }
}
