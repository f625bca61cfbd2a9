import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  byteRange,
  MAX_MEDIA_NAME,
  MEDIA_KINDS,
  MEDIA_MAX_BYTES,
  type MediaKind,
} from '../domain/media.ts';
import { HubErrorBody } from '../../preload/contract/hub-errors.ts';
import { MediaUpload } from '../../preload/contract/media.ts';
import { requirePermission, type AuthenticatedDevice } from './auth/accounts.ts';
import { HubRefusal } from './errors.ts';
import { storeUpload, videoBytes, videoInfo } from './media.ts';
import type { SyncRouteDependencies } from './sync-routes.ts';

const UploadQuery = z.strictObject({
  kind: z.enum(MEDIA_KINDS),
  name: z
    .string()
    .trim()
    .min(1)
    .max(MAX_MEDIA_NAME * 4),
});

/** Uploads one hub process takes at once. */
const UPLOADS_AT_ONCE = 4;

const errors = {
  400: HubErrorBody,
  401: HubErrorBody,
  403: HubErrorBody,
  413: HubErrorBody,
  415: HubErrorBody,
  426: HubErrorBody,
  429: HubErrorBody,
};

function tooLarge(kind: MediaKind): HubRefusal {
  const max = MEDIA_MAX_BYTES[kind];
  return new HubRefusal(413, 'media_too_large', `The file is larger than ${max} bytes.`, {
    params: { max },
  });
}

/**
 * `POST /api/media?kind=image|video&name=…` with the file as the body, whatever type
 * it claims (its first bytes decide), and `GET /api/media/:id/video`, a video in
 * ranges. The sender is known and allowed before a byte of the body is read, and a
 * body is counted as it arrives: past the kind's limit the upload stops at once and
 * its connection closes, nothing kept.
 */
export function registerMediaRoutes(
  app: FastifyInstance,
  deps: SyncRouteDependencies,
  device: (request: FastifyRequest) => Promise<AuthenticatedDevice>,
): void {
  const uploaders = new WeakMap<FastifyRequest, AuthenticatedDevice>();
  // Each upload is held in memory until judged (a video up to 50 MB): a few at a time.
  let inFlight = 0;

  async function admitUploader(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    try {
      const uploader = await device(request);
      requirePermission(uploader, 'uploadMedia', 'upload pictures and video files');
      const kind = (request.query as { kind?: unknown }).kind;
      const declared = Number(request.headers['content-length'] ?? 0);
      if ((kind === 'image' || kind === 'video') && declared > MEDIA_MAX_BYTES[kind]) {
        throw tooLarge(kind);
      }
      if (inFlight >= UPLOADS_AT_ONCE) {
        throw new HubRefusal(429, 'rate_limited', 'The hub is taking other uploads. Try again.', {
          retryAfterSeconds: 5,
        });
      }
      inFlight++;
      uploaders.set(request, uploader);
    } catch (error) {
      // Nothing of the body is wanted: end the connection instead of reading it to the end.
      void reply.header('connection', 'close');
      throw error;
    }
  }

  /** The upload slot goes with the request that took it, however that request ends. */
  const freeSlot = (request: FastifyRequest) => {
    if (uploaders.delete(request)) inFlight--;
    return Promise.resolve();
  };

  // Its own scope: every content type arrives as the raw stream, for this route alone.
  void app.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, parsed) => parsed(null, payload));
    const api = scope.withTypeProvider<ZodTypeProvider>();

    api.post(
      '/api/media',
      {
        onRequest: admitUploader,
        onResponse: freeSlot,
        onRequestAbort: freeSlot,
        schema: {
          summary: 'Upload a picture (JPEG, PNG, WebP) or video file (MP4, WebM) (admins)',
          description:
            'The file is the body; its type is read from its first bytes. A picture is ' +
            'synced to desktops, a video stays on the hub.',
          tags: ['media'],
          querystring: UploadQuery,
          response: { 201: MediaUpload, ...errors },
        },
      },
      async (request, reply) => {
        const uploader = uploaders.get(request)!;
        const { kind, name } = request.query;
        let bytes: Uint8Array;
        try {
          bytes = await readLimited(request.body as AsyncIterable<Buffer> | undefined, kind);
        } catch (error) {
          void reply.header('connection', 'close');
          throw error;
        }
        const upload = await storeUpload(deps.db, uploader, { kind, name, bytes }, deps.clock());
        deps.changes.notify();
        return reply.code(201).send(upload);
      },
    );
    done();
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/media/:id/video',
    {
      schema: {
        summary: 'An uploaded video file, whole or one byte range (staff)',
        tags: ['media'],
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        response: { 404: HubErrorBody, 416: HubErrorBody, 401: HubErrorBody },
      },
    },
    async (request, reply) => {
      await device(request);
      return sendVideo(deps, request.params.id, request.headers.range, reply);
    },
  );
}

/**
 * A video answered as a browser's player asks for it: whole (200) or the one range of
 * its Range header (206), an impossible range 416; for the buyer pages to reuse.
 */
export async function sendVideo(
  deps: Pick<SyncRouteDependencies, 'db'>,
  id: string,
  rangeHeader: string | undefined,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const video = await videoInfo(deps.db, id);
  if (!video) throw new HubRefusal(404, 'not_found', 'There is no such video.');
  const range = byteRange(rangeHeader, video.size);
  if (range === 'unsatisfiable') {
    void reply.header('content-range', `bytes */${video.size}`);
    throw new HubRefusal(416, 'invalid_input', 'That range is not within the video.');
  }
  const { start, end } = range ?? { start: 0, end: video.size - 1 };
  const bytes = await videoBytes(deps.db, id, start, end);
  void reply.header('accept-ranges', 'bytes').type(video.contentType);
  if (range) {
    void reply.code(206).header('content-range', `bytes ${start}-${end}/${video.size}`);
  }
  return reply.send(bytes);
}

/** The body's bytes, refused the moment they pass the kind's limit. */
async function readLimited(
  body: AsyncIterable<Buffer> | undefined,
  kind: MediaKind,
): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of body) {
    received += chunk.length;
    if (received > MEDIA_MAX_BYTES[kind]) throw tooLarge(kind);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
