import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerOrderLinkState, type LinkVideo } from '../../domain/customer-order-links.ts';
import { HubErrorBody } from '../../../preload/contract/hub-errors.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { tokenHash } from '../auth/tokens.ts';
import { HubRefusal } from '../errors.ts';
import { sendVideo } from '../media-routes.ts';
import { sessionOf } from './session-cookie.ts';

/**
 * The video file a customer order link shows, streamed as a browser's player asks for
 * it (ranges). A `<video>` cannot send the link's token in a header, so the visit's
 * cookie alone decides: a visit logged in to a live link whose video this is. Outside
 * the buyer API's JSON contract (routes.ts) because its answer is a byte range.
 */
export function registerCustomerLinkVideos(
  app: FastifyInstance,
  deps: { db: StoreDb; clock: () => Date },
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/link/videos/:id',
    {
      schema: {
        summary:
          "A customer order link's uploaded video, for a visit logged in to it (Range supported)",
        tags: ['customer order links'],
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        response: { 404: HubErrorBody, 416: HubErrorBody },
      },
    },
    async (request, reply) => {
      const cookie = sessionOf(request, 'link');
      const now = deps.clock();
      const visit =
        cookie &&
        (await hubDb(deps.db)
          .selectFrom('customer_link_sessions as s')
          .innerJoin('customer_order_links as l', 'l.id', 's.link_id')
          .select(['l.video', 'l.release_at', 'l.expires_at', 'l.disabled_at', 's.buyer_id'])
          .where('s.token_hash', '=', tokenHash(cookie))
          .where('s.expires_at', '>', now.toISOString())
          .executeTakeFirst());
      const video = visit && visit.video ? (JSON.parse(visit.video) as LinkVideo) : null;
      const shown =
        visit &&
        visit.buyer_id !== null &&
        video?.kind === 'file' &&
        video.mediaId === request.params.id &&
        customerOrderLinkState(
          {
            releaseAt: visit.release_at,
            expiresAt: visit.expires_at,
            disabledAt: visit.disabled_at,
          },
          now,
        ) === 'live';
      if (!shown) throw new HubRefusal(404, 'not_found', 'This link has no such video.');
      return sendVideo(deps, request.params.id, request.headers.range, reply);
    },
  );
}
