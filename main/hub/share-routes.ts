import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SharedSelection } from '../../preload/contract/index.ts';
import { LINK_EXPIRED_MESSAGE, shareLinkStatus } from '../domain/share-links.ts';
import { readSelectionSheet } from '../services/selection-sheet.ts';
import { hubDb, type StoreDb } from '../store/database.ts';
import { pictureInSelections, selectionHead } from '../store/selection-queries.ts';
import { LIMITS, recordFailure, retryAfter } from './auth/failures.ts';
import { tokenHash } from './auth/tokens.ts';
import { anonymousAuditRow } from './audit.ts';
import { checkoutContactFields } from './checkout-contact.ts';
import { HubRefusal } from './errors.ts';
import type { ShareOpenLog } from './share-opens.ts';
import { sendPicture } from './pictures.ts';
import type { ChangeNotifier } from './sync-routes.ts';

export interface ShareRouteDependencies {
  db: StoreDb;
  clock: () => Date;
  changes: ChangeNotifier;
  opens: ShareOpenLog;
}

/**
 * A token as the buyer page sends it: in a body or a header, never in an address. Any
 * text a link's address held is taken: a malformed or cut-off token is one more link
 * that does not open, and gets the same answer.
 */
const Token = z.string().max(2048);
const TOKEN_HEADER = 'x-share-token';

const CheckoutRequest = z.strictObject({
  token: Token,
  /** Made by the page once per checkout, so a retry never places a second order. */
  orderId: z.uuid(),
  ...checkoutContactFields,
  /** Complete the checkout now (prepayment); otherwise request it. */
  complete: z.boolean().default(false),
});

interface CheckoutAnswer {
  orderId: string;
  status: 'Checkout Requested' | 'Order';
}

/**
 * The anonymous buyer's side of share links. Tokens travel in request bodies and
 * headers, never in a URL, so no access log or Referer carries one. Every link that
 * does not open gets the same answer; guesses are counted per address and refused
 * after a few dozen in 15 minutes, before any lookup.
 */
export function registerShareRoutes(app: FastifyInstance, deps: ShareRouteDependencies): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;

  /** The live link a token names, or the one refusal every other token gets. */
  async function liveLink(token: string, request: FastifyRequest) {
    const now = clock();
    const guessKey = `share-token:${request.ip}`;
    const wait = await retryAfter(db, guessKey, LIMITS.token, now);
    if (wait > 0) {
      throw new HubRefusal(
        429,
        'rate_limited',
        'Too many links that do not open were tried from here. Try again later.',
        { retryAfterSeconds: Math.ceil(wait / 1000) },
      );
    }
    const hub = hubDb(db);
    const [link, settings] = await Promise.all([
      hub
        .selectFrom('share_links')
        .selectAll()
        .where('token_hash', '=', tokenHash(token))
        .executeTakeFirst(),
      hub.selectFrom('brand_settings').selectAll().executeTakeFirst(),
    ]);
    if (!link) await recordFailure(db, [guessKey], now);
    const status = link
      ? shareLinkStatus(
          { expiresAt: link.expires_at, revokedAt: link.revoked_at },
          now,
          Boolean(settings?.share_links_enabled),
        )
      : null;
    const head = link && status === 'live' ? await selectionHead(db, link.selection_id) : null;
    if (!link || !head) throw new HubRefusal(404, 'link_expired', LINK_EXPIRED_MESSAGE);
    return {
      link,
      head,
      brand: settings?.name ?? '',
      prepayment: Boolean(settings?.prepayment_checkout),
      now,
    };
  }

  api.post(
    '/api/share/open',
    {
      schema: {
        summary: 'The selection a share link opens; counts the open',
        tags: ['share links'],
        body: z.strictObject({ token: Token }),
      },
    },
    async (request, reply): Promise<SharedSelection> => {
      const { link, head, brand, prepayment, now } = await liveLink(request.body.token, request);
      deps.opens.record({ linkId: link.id, selectionId: link.selection_id, at: now.toISOString() });
      const sheet = await readSelectionSheet(db, head);
      reply.header('cache-control', 'no-store');
      return {
        brand,
        name: head.name,
        notes: head.notes,
        buyer: head.buyer_name,
        language: head.language,
        expiresAt: link.expires_at,
        prepaymentCheckout: prepayment,
        lines: sheet.lines,
        totals: sheet.totals,
      };
    },
  );

  api.post(
    '/api/share/checkout',
    {
      schema: {
        summary:
          'Request Checkout for a shared selection, or, with prepayment checkout, complete it',
        tags: ['share links'],
        body: CheckoutRequest,
      },
    },
    async (request, reply): Promise<CheckoutAnswer> => {
      const body = request.body;
      const { link, head, prepayment, now } = await liveLink(body.token, request);
      if (body.complete && !prepayment) {
        throw new HubRefusal(
          403,
          'forbidden',
          'This brand does not take prepayment: use Request Checkout and the brand completes it.',
        );
      }
      const hub = hubDb(db);
      const earlier = await hub
        .selectFrom('orders')
        .select(['id', 'status'])
        .where('id', '=', body.orderId)
        .executeTakeFirst();
      // A retried request (a lost answer, a double tap) gets the first answer.
      if (earlier) return { orderId: earlier.id, status: earlier.status };
      const sheet = await readSelectionSheet(db, head);
      const lines = sheet.lines.flatMap((line) =>
        line.cells.flatMap((cell) =>
          cell.quantity > 0 && cell.unitPrice
            ? [{ skuId: cell.skuId, quantity: cell.quantity, price: cell.unitPrice.amountMinor }]
            : [],
        ),
      );
      if (lines.length === 0 || !sheet.totals.total) {
        throw new HubRefusal(409, 'conflict', 'This selection has nothing that can be ordered.');
      }
      const status = body.complete ? 'Order' : 'Checkout Requested';
      const at = now.toISOString();
      await db.transaction().execute(async (trx) => {
        await hubDb(trx)
          .insertInto('orders')
          .values({
            id: body.orderId,
            source: 'share_link',
            selection_id: head.id,
            share_link_id: link.id,
            buyer_id: head.buyer_id,
            status,
            contact_name: body.name,
            contact_email: body.email,
            contact_phone: body.phone,
            note: body.note,
            currency: sheet.totals.total!.currency,
            units: sheet.totals.units,
            subtotal_minor: sheet.totals.subtotal!.amountMinor,
            discount_minor: sheet.totals.discount!.amountMinor,
            total_minor: sheet.totals.total!.amountMinor,
            created_at: at,
            completed_at: body.complete ? at : null,
            completed_by: null,
          })
          .execute();
        await hubDb(trx)
          .insertInto('order_lines')
          .values(
            lines.map((line) => ({
              order_id: body.orderId,
              sku_id: line.skuId,
              quantity: line.quantity,
              unit_price_minor: line.price,
            })),
          )
          .execute();
        await hubDb(trx)
          .insertInto('audit_log')
          .values(
            anonymousAuditRow({
              at,
              action: body.complete ? 'order.placed' : 'order.checkoutRequested',
              subject: `order:${body.orderId}`,
              details: { selectionId: head.id, shareLinkId: link.id },
            }),
          )
          .execute();
      });
      deps.changes.notify();
      reply.code(201);
      return { orderId: body.orderId, status };
    },
  );

  api.get(
    '/api/share/pictures/:id',
    {
      schema: {
        summary: "A picture of a shared selection's styles; the token goes in x-share-token",
        tags: ['share links'],
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        headers: z.object({ [TOKEN_HEADER]: Token }),
      },
    },
    async (request, reply) => {
      const { link } = await liveLink(request.headers[TOKEN_HEADER], request);
      const picture = await pictureInSelections(db, request.params.id, {
        selectionId: link.selection_id,
      });
      return sendPicture(reply, picture, 'This selection has no such picture.');
    },
  );
}
