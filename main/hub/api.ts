import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StoreDb } from '../store/database.ts';
import { HubErrorBody } from './errors.ts';
import { readHubStatus } from './status.ts';

/**
 * The hub's /api routes. Each declares its input and output with zod: Fastify
 * validates and serializes with them and the OpenAPI document is generated from them.
 * Routes only translate HTTP to a call and back.
 */
export const HealthResponse = z
  .object({
    status: z.literal('ok'),
    version: z.string().describe('The hub release (package.json version).'),
    schemaVersion: z.string().describe('The last store migration this hub runs.'),
    brand: z.string().nullable().describe('The brand name, or null before one is set up.'),
    uptimeSeconds: z.number().int().nonnegative(),
  })
  .meta({ id: 'Health' });

export const OpenApiDocument = z
  .looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string() }) })
  .meta({ id: 'OpenApiDocument' });

export interface ApiDependencies {
  db: StoreDb;
  clock: () => Date;
  startedAt: Date;
  version: string;
}

export function registerApiRoutes(app: FastifyInstance, deps: ApiDependencies): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/health',
    {
      schema: {
        summary: 'Whether the hub is up, and what it runs',
        tags: ['hub'],
        response: { 200: HealthResponse, 503: HubErrorBody },
      },
    },
    () =>
      readHubStatus(deps.db, {
        startedAt: deps.startedAt,
        now: deps.clock(),
        version: deps.version,
      }),
  );

  api.get(
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
