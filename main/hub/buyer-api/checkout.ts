import { checkOrderDeadlines } from '../../domain/catalog-dates.ts';
import { LINK_ORDER_LIMITS, minutesToWait } from '../../domain/rate-limit.ts';
import { pricedLines, readSelectionSheet } from '../../services/selection-sheet.ts';
import type { StoreDb } from '../../store/database.ts';
import { reserve } from '../auth/limits.ts';
import { HubRefusal } from '../errors.ts';
import { placeOrder } from '../orders/place-order.ts';
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
 * checkout: an order of the selection's priced sizes at the buyer's terms, placed by the
 * order service (main/hub/orders/) as an online order: refused per size when stock is
 * short, with nothing written. The limits per link and per address are taken in the same
 * transaction, under the id the page made: a retry gets the first answer and places
 * nothing twice.
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
    const lines = pricedLines(sheet.lines.filter((line) => line.orderRefusal === null));
    const status = request.complete ? 'Order' : 'Checkout Requested';
    const at = holder.at.toISOString();
    // Deadlines and limits concern only orders that are new: a retry is answered before them.
    const withinLimits = async (trx: StoreDb) => {
      if (!deadlines.ok) {
        throw new HubRefusal(
          409,
          deadlines.code,
          `Orders for ${deadlines.params.styles} closed: their order deadline has passed. Nothing was ordered.`,
          { params: deadlines.params },
        );
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
    };
    const placed = await db.transaction().execute((trx) =>
      placeOrder(
        trx,
        { kind: 'linkHolder', linkId: link.id, address: holder.address },
        {
          orderId: request.orderId,
          source: 'share_link',
          online: true,
          status,
          buyerId: head.buyer_id,
          selectionId: head.id,
          shareLinkId: link.id,
          currency: sheet.totals.total?.currency ?? head.currency ?? '',
          discountBasisPoints: head.discount_bp,
          lines,
          shipTo: null,
          billTo: null,
          shipping: null,
          paymentMethod: null,
          window: {},
          poNumber: '',
          note: request.note,
          contact: { name: request.name, email: request.email, phone: request.phone },
          approvedBy: '',
          placedAt: at,
          audit: {
            action: request.complete ? 'order.placed' : 'order.checkoutRequested',
            details: { selectionId: head.id, shareLinkId: link.id },
          },
        },
        withinLimits,
      ),
    );
    const outcome = {
      value: { orderId: placed.value.orderId, status: placed.value.status },
      created: placed.created,
    };
    if (outcome.created) deps.changes.notify();
    return outcome;
  };
}
