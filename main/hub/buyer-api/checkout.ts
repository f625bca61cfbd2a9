import type { OrderStatus } from '../../../preload/contract/index.ts';
import { checkOrderDeadlines } from '../../domain/catalog-dates.ts';
import { LINK_ORDER_LIMITS, minutesToWait } from '../../domain/rate-limit.ts';
import { readSelectionSheet } from '../../services/selection-sheet.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { anonymousAuditRow } from '../audit.ts';
import { reserve } from '../auth/limits.ts';
import { HubRefusal } from '../errors.ts';
import type { ChangeNotifier } from '../sync-routes.ts';
import type { BuyerApiHandlers } from './handler-table.ts';
import { sharedSelectionHead } from './link-holders.ts';

export interface CheckoutDependencies {
  db: StoreDb;
  /** Told after an order is placed, so desktops pull it. */
  changes: ChangeNotifier;
}

/**
 * Request Checkout from a share link, or, where the brand takes prepayment, a completed
 * checkout: an order of the selection's priced sizes at the buyer's terms. Placed in one
 * transaction with its lines, its audit row and the limits per link and per address, under
 * the id the page made: a retry gets the first answer and places nothing twice.
 */
export function checkoutHandler(
  deps: CheckoutDependencies,
): BuyerApiHandlers['shareLink.checkout'] {
  const { db } = deps;
  return async (holder, request) => {
    const { link } = holder;
    const head = await sharedSelectionHead(db, holder);
    if (request.complete && !holder.brand.prepaymentCheckout) {
      throw new HubRefusal(
        403,
        'forbidden',
        'This brand does not take prepayment: use Request Checkout and the brand completes it.',
      );
    }
    // The order is the lines buyers may still order; their totals are the sheet's.
    const sheet = await readSelectionSheet(db, head, { now: holder.at, for: 'buyer' });
    const deadlines = checkOrderDeadlines(
      sheet.lines.map((line) => ({
        styleId: line.styleId,
        styleNumber: line.styleNumber,
        ordered: line.units > 0,
        orderable: line.orderRefusal === null,
      })),
      new Set(request.leaveOut),
    );
    const lines = sheet.lines
      .filter((line) => line.orderRefusal === null)
      .flatMap((line) =>
        line.cells.flatMap((cell) =>
          cell.quantity > 0 && cell.unitPrice
            ? [{ skuId: cell.skuId, quantity: cell.quantity, price: cell.unitPrice.amountMinor }]
            : [],
        ),
      );
    const status: OrderStatus = request.complete ? 'Order' : 'Checkout Requested';
    const at = holder.at.toISOString();
    const outcome = await db.transaction().execute(async (trx) => {
      const hub = hubDb(trx);
      const earlier = await hub
        .selectFrom('orders')
        .select(['id', 'status', 'share_link_id'])
        .where('id', '=', request.orderId)
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
        return { value: { orderId: earlier.id, status: earlier.status }, created: false };
      }
      if (!deadlines.ok) {
        throw new HubRefusal(
          409,
          deadlines.code,
          `Orders for ${deadlines.params.styles} closed: their order deadline has passed. Nothing was ordered.`,
          { params: deadlines.params },
        );
      }
      if (lines.length === 0 || !sheet.totals.total) {
        throw new HubRefusal(409, 'conflict', 'This selection has nothing that can be ordered.');
      }
      const wait = await reserve(
        trx,
        [
          { key: `order-link:${link.id}`, limit: LINK_ORDER_LIMITS.perLink },
          { key: `order@${holder.address}`, limit: LINK_ORDER_LIMITS.perAddress },
        ],
        holder.at,
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
          id: request.orderId,
          source: 'share_link',
          selection_id: head.id,
          share_link_id: link.id,
          buyer_id: head.buyer_id,
          status,
          contact_name: request.name,
          contact_email: request.email,
          contact_phone: request.phone,
          note: request.note,
          currency: sheet.totals.total.currency,
          units: sheet.totals.units,
          subtotal_minor: sheet.totals.subtotal!.amountMinor,
          discount_minor: sheet.totals.discount!.amountMinor,
          total_minor: sheet.totals.total.amountMinor,
          created_at: at,
          completed_at: request.complete ? at : null,
          completed_by: null,
        })
        .execute();
      await hub
        .insertInto('order_lines')
        .values(
          lines.map((line) => ({
            order_id: request.orderId,
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
            action: request.complete ? 'order.placed' : 'order.checkoutRequested',
            subject: `order:${request.orderId}`,
            details: { selectionId: head.id, shareLinkId: link.id },
          }),
        )
        .execute();
      return { value: { orderId: request.orderId, status }, created: true };
    });
    if (outcome.created) deps.changes.notify();
    return outcome;
  };
}
