import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSV_FILE_MAX_BYTES, type CatalogImportReport } from '../../preload/contract/index.ts';
import { can } from '../domain/permissions.ts';
import { importCatalogCsv } from '../services/catalog-import.ts';
import type { AuthenticatedDevice } from './auth/accounts.ts';
import { HubErrorBody, HubRefusal } from './errors.ts';
import type { SyncRouteDependencies } from './sync-routes.ts';

/**
 * `POST /api/catalog/import?name=products.csv` with the file as a `text/csv` body: one
 * file per request, products before prices before stock (the desktop sends them in
 * that order). Who sends it is settled before a byte of the body is read: a stranger's
 * upload is refused at once and its connection closed, never buffered. An admin's file
 * is parsed as it arrives, at most one import at a time per hub process.
 */
const CSV_TYPE = 'text/csv';

export function registerCatalogImport(
  app: FastifyInstance,
  deps: SyncRouteDependencies,
  device: (request: FastifyRequest) => Promise<AuthenticatedDevice>,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // The body stays a stream: the route reads it itself, once the sender is known.
  app.addContentTypeParser(CSV_TYPE, (_request, payload, done) => done(null, payload));
  const importers = new WeakMap<FastifyRequest, AuthenticatedDevice>();
  let importing = false;

  async function admitImporter(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    try {
      const admin = await device(request);
      if (!can(admin.role, 'importCatalog')) {
        throw new HubRefusal(403, 'forbidden', 'Only an admin can import the catalog.');
      }
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > CSV_FILE_MAX_BYTES) {
        throw new HubRefusal(413, 'payload_too_large', 'A CSV file is at most 50 MB.');
      }
      if (importing) {
        throw new HubRefusal(
          409,
          'conflict',
          'Another catalog import is running on the hub. Try again when it is done.',
        );
      }
      importing = true;
      importers.set(request, admin);
    } catch (error) {
      // Nothing of the body is wanted: end the connection instead of reading it to the end.
      void reply.header('connection', 'close');
      throw error;
    }
  }

  /** The import slot goes with the request that took it, however that request ends. */
  const freeSlot = (request: FastifyRequest) => {
    if (importers.delete(request)) importing = false;
    return Promise.resolve();
  };

  api.post(
    '/api/catalog/import',
    {
      onRequest: admitImporter,
      onResponse: freeSlot,
      onRequestAbort: freeSlot,
      schema: {
        summary: 'Import one products, prices or stock CSV file into the catalog (admins)',
        description: `The file is the body, as ${CSV_TYPE}; each file is all or nothing.`,
        tags: ['catalog'],
        querystring: z.strictObject({ name: z.string().trim().min(1).max(255) }),
        consumes: [CSV_TYPE],
        response: { 200: z.object({ files: z.array(z.unknown()) }), 413: HubErrorBody },
      },
    },
    async (request, reply): Promise<CatalogImportReport> => {
      const admin = importers.get(request)!;
      if (request.headers['content-type']?.split(';')[0]?.trim() !== CSV_TYPE) {
        void reply.header('connection', 'close');
        throw new HubRefusal(415, 'unsupported_media_type', `Send the file as ${CSV_TYPE}.`);
      }
      const report = await importCatalogCsv(
        deps.db,
        { kind: 'staff', userId: admin.userId, role: admin.role, device: admin.id },
        {
          files: [
            { name: request.query.name, content: limited(request.body as AsyncIterable<Buffer>) },
          ],
        },
      );
      if (report.files.some((file) => file.imported)) deps.changes.notify();
      return report;
    },
  );
}

/** The body's bytes, refused past the largest file an import takes. */
async function* limited(body: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  let received = 0;
  for await (const chunk of body) {
    received += chunk.length;
    if (received > CSV_FILE_MAX_BYTES) {
      throw new HubRefusal(413, 'payload_too_large', 'A CSV file is at most 50 MB.');
    }
    yield chunk;
  }
}
