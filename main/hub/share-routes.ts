import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SharedSelection } from '../../preload/contract/index.ts';
import { LINK_EXPIRED_MESSAGE, shareLinkStatus } from '../domain/share-links.ts';
import { readSelectionSheet } from '../services/selection-sheet.ts';
import { hubDb, type StoreDb } from '../store/database.ts';
import { pictureInSelections, selectionHead } from '../store/selection-queries.ts';
import { LINK_ORDER_LIMITS, minutesToWait, TOKEN_GUESS_LIMIT } from '../domain/rate-limit.ts';
import { recordHit, reserve, waitFor } from './auth/limits.ts';
import { tokenHash } from './auth/tokens.ts';
import { anonymousAuditRow } from './audit.ts';
import { checkoutContactFields } from './checkout-contact.ts';
import { HubRefusal } from './errors.ts';
import type { ShareOpenLog } from './share-opens.ts';
import { dataVersion, preferredEncoding, type SharedSelectionCache } from './shared-selections.ts';
import { sendPicture } from './pictures.ts';
import type { ChangeNotifier } from './sync-routes.ts';

export interface ShareRouteDependencies {
  db: StoreDb;
  clock: () => Date;
  changes: ChangeNotifier;
  opens: ShareOpenLog;
  sharedSelections: SharedSelectionCache;
}

const expired = () => new HubRefusal(404, 'link_expired', LINK_EXPIRED_MESSAGE);

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
 * does not open gets the same answer. Tokens that name no link are counted per address
 * and refused after a few dozen in 15 minutes; a real link always opens, whatever
 * others tried from the same address.
 */
export function registerShareRoutes(app: FastifyInstance, deps: ShareRouteDependencies): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;

  /** Counts a token that names no link; refuses once this address has tried too many. */
  async function unknownToken(request: FastifyRequest, now: Date): Promise<void> {
    const guesses = { key: `share-token@${request.ip}`, limit: TOKEN_GUESS_LIMIT };
    const wait = await waitFor(db, guesses, now);
    if (wait > 0) {
      throw new HubRefusal(
        429,
        'rate_limited',
        'Too many links that do not open were tried from here. Try again later.',
        { retryAfterSeconds: Math.ceil(wait / 1000) },
      );
    }
    await recordHit(db, guesses.key, now);
  }

  /** The link a token names if it is live now, with the brand's settings; else the one refusal. */
  async function linkOpenNow(token: string, request: FastifyRequest) {
    const now = clock();
    const hub = hubDb(db);
    const found = await hub
      .selectFrom('share_links')
      .selectAll()
      .select(dataVersion().as('data_version'))
      .where('token_hash', '=', tokenHash(token))
      .executeTakeFirst();
    if (!found) {
      await unknownToken(request, now);
      throw expired();
    }
    const { data_version: version, ...link } = found;
    const settings = await deps.sharedSelections.brand(version ?? 0, () =>
      hub.selectFrom('brand_settings').selectAll().executeTakeFirst(),
    );
    const status = shareLinkStatus(
      { expiresAt: link.expires_at, revokedAt: link.revoked_at },
      now,
      Boolean(settings?.share_links_enabled),
    );
    if (status !== 'live') throw expired();
    return {
      link,
      brand: settings?.name ?? '',
      prepayment: Boolean(settings?.prepayment_checkout),
      now,
      version: version ?? 0,
    };
  }

  /** A live link and the selection it opens. */
  async function liveLink(token: string, request: FastifyRequest) {
    const open = await linkOpenNow(token, request);
    const head = await selectionHead(db, open.link.selection_id);
    if (!head) throw expired();
    return { ...open, head };
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
    async (request, reply) => {
      const { link, brand, prepayment, now, version } = await linkOpenNow(
        request.body.token,
        request,
      );
      const encoding = preferredEncoding(request.headers['accept-encoding']);
      const answer = await deps.sharedSelections.answer(link.id, version, encoding, async () => {
        const head = await selectionHead(db, link.selection_id);
        if (!head) return null;
        const sheet = await readSelectionSheet(db, head);
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
        } satisfies SharedSelection;
      });
      if (answer === null) throw expired();
      deps.opens.record({ linkId: link.id, at: now.toISOString() });
      if (encoding !== 'identity') reply.header('content-encoding', encoding);
      return reply
        .header('cache-control', 'no-store')
        .header('vary', 'accept-encoding')
        .type('application/json; charset=utf-8')
        .send(answer);
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
      const sheet = await readSelectionSheet(db, head);
      const lines = sheet.lines.flatMap((line) =>
        line.cells.flatMap((cell) =>
          cell.quantity > 0 && cell.unitPrice
            ? [{ skuId: cell.skuId, quantity: cell.quantity, price: cell.unitPrice.amountMinor }]
            : [],
        ),
      );
      const status: CheckoutAnswer['status'] = body.complete ? 'Order' : 'Checkout Requested';
      const at = now.toISOString();
      const outcome = await db.transaction().execute(async (trx) => {
        const hub = hubDb(trx);
        const earlier = await hub
          .selectFrom('orders')
          .select(['id', 'status', 'share_link_id'])
          .where('id', '=', body.orderId)
          .executeTakeFirst();
        // A retried request (a lost answer, a double tap) gets the first answer; an id
        // placed through another link says nothing about that order.
        if (earlier) {
          if (earlier.share_link_id !== link.id) {
            throw new HubRefusal(
              409,
              'conflict',
              'This checkout cannot be placed. Reload the page and try again.',
            );
          }
          return { orderId: earlier.id, status: earlier.status, placed: false };
        }
        if (lines.length === 0 || !sheet.totals.total) {
          throw new HubRefusal(409, 'conflict', 'This selection has nothing that can be ordered.');
        }
        const wait = await reserve(
          trx,
          [
            { key: `order-link:${link.id}`, limit: LINK_ORDER_LIMITS.perLink },
            { key: `order@${request.ip}`, limit: LINK_ORDER_LIMITS.perAddress },
          ],
          now,
        );
        if (wait > 0) {
          const minutes = minutesToWait(wait);
          throw new HubRefusal(
            429,
            'rate_limited',
            `Too many orders were placed through this link or from here. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
            { retryAfterSeconds: Math.ceil(wait / 1000) },
          );
        }
        await hub
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
            currency: sheet.totals.total.currency,
            units: sheet.totals.units,
            subtotal_minor: sheet.totals.subtotal!.amountMinor,
            discount_minor: sheet.totals.discount!.amountMinor,
            total_minor: sheet.totals.total.amountMinor,
            created_at: at,
            completed_at: body.complete ? at : null,
            completed_by: null,
          })
          .execute();
        await hub
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
        await hub
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
        return { orderId: body.orderId, status, placed: true };
      });
      if (!outcome.placed) return { orderId: outcome.orderId, status: outcome.status };
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
