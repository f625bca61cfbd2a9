import { isCountryCode, normalizedAddress, type AddressFields } from '../../domain/addresses.ts';
import { checkOrderDeadlines } from '../../domain/catalog-dates.ts';
import { poNumber } from '../../domain/delivery-window.ts';
import {
  missingForCheckout,
  paymentMethodRefusal,
  WITHOUT_CARD_FLOW,
} from '../../domain/order-states.ts';
import type { ResolvedShippingRate } from '../../domain/shipping-rates.ts';
import { LINK_ORDER_LIMITS } from '../../domain/rate-limit.ts';
import { pricedLines, readSelectionSheet } from '../../services/selection-sheet.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import {
  catalogGroupIdsOf,
  shippingApplies,
  shippingOptions,
} from '../../store/shipping-queries.ts';
import type { BuyerParsedInputOf } from '../../../preload/contract/buyer-api/index.ts';
import { HubRefusal } from '../errors.ts';
import { placeOrder } from '../orders/place-order.ts';
import { checkoutOutcome } from './checkout-outcome.ts';
import type { ChangeNotifier } from '../../store/change-notices.ts';
import type { BuyerApiHandlers } from './handler-table.ts';
import { addressIssues, invalid, REQUIREMENT_PATHS, reserveOrder } from './checkout-problems.ts';
import { sharedSelectionHead } from './link-holders.ts';
import { inTransaction } from '../../store/transactions.ts';

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
    // A share link's checkout takes no card payment: that is a customer order link's.
    const payment =
      request.paymentMethod && paymentMethodRefusal(request.paymentMethod, WITHOUT_CARD_FLOW);
    if (payment) {
      throw invalid([{ path: 'paymentMethod', code: payment.code }], {
        method: request.paymentMethod!,
      });
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
    const currency = sheet.totals.total?.currency ?? head.currency ?? '';
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
      await reserveOrder(
        trx,
        [
          { key: `order-link:${link.id}`, limit: LINK_ORDER_LIMITS.perLink },
          { key: `order@${holder.address}`, limit: LINK_ORDER_LIMITS.perAddress },
        ],
        holder.at,
      );
    };
    // A request with nothing but the contact (the brand completes it) has nothing to judge.
    const bare =
      !request.complete &&
      request.shipTo === null &&
      request.billTo === null &&
      request.shippingGroupId === null &&
      request.poNumber === '';
    const placed = await inTransaction(db, async (trx) => {
      // A retry is answered by placeOrder with the first answer, whatever changed since.
      const known =
        !bare &&
        (await hubDb(trx)
          .selectFrom('orders')
          .select('id')
          .where('id', '=', request.orderId)
          .executeTakeFirst());
      const details =
        bare || known
          ? { ...NO_DETAILS, paymentMethod: request.paymentMethod }
          : await checkoutDetails(trx, request, currency, orderedStyleIds(sheet));
      return placeOrder(
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
          currency,
          discountBasisPoints: head.discount_bp,
          lines,
          ...details,
          window: {},
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
      );
    });
    const outcome = await checkoutOutcome(db, placed);
    if (outcome.created) deps.changes.notify();
    return outcome;
  };
}

type CheckoutRequest = BuyerParsedInputOf<'shareLink.checkout'>;

interface CheckoutDetails {
  shipTo: AddressFields | null;
  billTo: AddressFields | null;
  shipping: ResolvedShippingRate | null;
  paymentMethod: CheckoutRequest['paymentMethod'];
  poNumber: string;
}

const NO_DETAILS: CheckoutDetails = {
  shipTo: null,
  billTo: null,
  shipping: null,
  paymentMethod: null,
  poNumber: '',
};

/** The styles a checkout orders: those with units that buyers may still order. */
function orderedStyleIds(sheet: {
  lines: readonly { styleId: string; units: number; orderRefusal: unknown }[];
}): string[] {
  return sheet.lines
    .filter((line) => line.orderRefusal === null && line.units > 0)
    .map((line) => line.styleId);
}

/**
 * The address, shipping, payment and PO of a checkout, judged by the domain's rules in
 * the placing transaction: every problem at its field, and the shipping rate resolved
 * again for the address's country and the order's currency from the rate groups of the
 * catalogs holding the ordered styles, else the brand's default (a share link sets no
 * groups of its own). Completing a checkout needs what missingForCheckout names; a
 * request may leave them to the brand.
 */
async function checkoutDetails(
  trx: StoreDb,
  request: CheckoutRequest,
  currency: string,
  styleIds: readonly string[],
): Promise<CheckoutDetails> {
  const levels = { catalogGroupIds: await catalogGroupIdsOf(trx, { productIds: styleIds }) };
  const issues = [
    ...addressIssues('shipTo', request.shipTo),
    ...addressIssues('billTo', request.billTo),
  ];
  const po = poNumber(request.poNumber);
  if (!po.ok) issues.push({ path: 'poNumber', code: po.code });
  const applies = await shippingApplies(trx, levels);
  if (request.complete) {
    const missing = missingForCheckout({
      hasAddress: request.shipTo !== null,
      hasShippingRate: request.shippingGroupId !== null,
      paymentMethod: request.paymentMethod,
      shippingApplies: applies,
      addressAsked: false,
    });
    for (const requirement of missing) {
      if (!issues.some((issue) => issue.path.startsWith(REQUIREMENT_PATHS[requirement]))) {
        issues.push({ path: REQUIREMENT_PATHS[requirement], code: 'required' });
      }
    }
  }
  if (request.shippingGroupId !== null && request.shipTo === null) {
    issues.push({ path: 'shipTo', code: 'required' });
  }
  if (issues.length > 0) throw invalid(issues);

  const shipTo = request.shipTo && normalizedAddress(request.shipTo);
  let shipping: ResolvedShippingRate | null = null;
  if (shipTo && applies && (request.complete || request.shippingGroupId !== null)) {
    const options = await shippingOptions(trx, { country: shipTo.country, currency }, levels);
    const rate = options.ok
      ? options.rates.find((found) => found.groupId === request.shippingGroupId)
      : undefined;
    if (!rate) {
      throw invalid([{ path: 'shippingGroupId', code: 'no_shipping_rate' }], {
        country: shipTo.country,
        currency,
      });
    }
    shipping = rate;
  }
  return {
    shipTo,
    billTo: request.billTo && normalizedAddress(request.billTo),
    shipping,
    paymentMethod: request.paymentMethod,
    poNumber: request.poNumber,
  };
}

/**
 * What a share link's checkout offers for shipping: whether rate groups apply (its catalogs' or the brand's)
 * (the page then asks the address) and, for a country, the rates in the order's currency.
 * A country that is not one answers `invalid_input` at `country`.
 */
export function shippingOptionsHandler(
  deps: CheckoutDependencies,
): BuyerApiHandlers['shareLink.shippingOptions'] {
  const { db } = deps;
  return async (holder, request) => {
    const head = await sharedSelectionHead(db, holder);
    const sheet = await readSelectionSheet(db, head, { now: holder.at, for: 'buyer' });
    const currency = sheet.totals.total?.currency ?? head.currency ?? '';
    const country = request.country.toUpperCase();
    if (country !== '' && !isCountryCode(country)) {
      throw invalid([{ path: 'country', code: 'country_unknown' }]);
    }
    const levels = {
      catalogGroupIds: await catalogGroupIdsOf(db, { productIds: orderedStyleIds(sheet) }),
    };
    const applies = await shippingApplies(db, levels);
    const options =
      country === '' ? null : await shippingOptions(db, { country, currency }, levels);
    return {
      shippingApplies: applies,
      currency,
      rates: (options?.ok ? options.rates : []).map((rate) => ({
        groupId: rate.groupId,
        name: rate.groupName,
        amountMinor: rate.amountMinor,
        freeFromMinor: rate.freeFromMinor,
      })),
    };
  };
}
