import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const OpenApiDocument = z
  .looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string() }) })
  .meta({ id: 'OpenApiDocument' });

/**
 * GET /api/openapi.json: the hub API in OpenAPI 3, written by @fastify/swagger from the
 * zod schemas every route declares (main/hub/server.ts registers it).
 */
export function registerOpenApiDocument(app: FastifyInstance): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/openapi.json',
    {
      schema: {
        summary: 'This document: the hub API in OpenAPI 3',
        tags: ['hub'],
        response: { 200: OpenApiDocument },
      },
    },
    () => app.swagger() as z.infer<typeof OpenApiDocument>,
  );
}
