import { normalizedAddress } from '../../domain/addresses.ts';
import { DTC_CHECKOUT_PATH_PREFIX } from '../../domain/dtc.ts';
import {
  quoteDtcBasket,
  type DtcBasketChoice,
  type DtcCheckoutRefusal,
  type DtcQuote,
} from '../../domain/dtc-checkout.ts';
import { paymentMethodRefusal } from '../../domain/order-states.ts';
import type { Refusal } from '../../domain/refusal.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { catalogGroupIdsOf, shippingOptions } from '../../store/shipping-queries.ts';
import type { BuyerParsedInputOf } from '../../../preload/contract/buyer-api/index.ts';
import { dtcRoutes } from '../../../preload/contract/buyer-api/dtc-routes.ts';
import { HubRefusal } from '../errors.ts';
import { placeOrder } from '../orders/place-order.ts';
import { startCardPayment, type CardPaymentDependencies } from '../payments/stripe.ts';
import { checkoutOutcome } from './checkout-outcome.ts';
import { addressIssues, invalid } from './checkout-problems.ts';
import {
  claimOf,
  dtcLinkNotValid,
  type DtcClaimDependencies,
  type DtcClaimRow,
} from './dtc-claims.ts';
import type { BuyerApiHandlers } from './handler-table.ts';
import { inTransaction } from '../../store/transactions.ts';

/**
 * A claimed DTC basket's quote and purchase. The quote prices the basket as the customer
 * wants it for a country and says every problem (main/domain/dtc-checkout.ts); the
 * purchase prices it again inside its transaction and places it through the order
 * service as an online order (stock checked in the market's warehouse, refused per size
 * when short, nothing written), under the order id the client made, so a retry gets the
 * first answer. One order a claim. The link's first purchase kills the link and deletes
 * its selection, in the order's transaction, each by one guarded write, so exactly once
 * however many customers buy at the same moment; a customer who claimed before can still
 * buy their copy (as stock allows). A link the brand killed sells nothing more.
 */

export interface DtcPurchaseDependencies extends DtcClaimDependencies {
  /** The card add-on's Stripe; null on a hub without a key file (no card is offered then). */
  payments: CardPaymentDependencies | null;
}

type Quote = BuyerParsedInputOf<'dtc.quote'>;

/** Where Stripe sends the customer back to, on the hub's own page (the storefront's own is its business). */
const PAYMENT_RETURN = `${DTC_CHECKOUT_PATH_PREFIX}payment`;

export function dtcPurchaseHandlers(
  deps: DtcPurchaseDependencies,
): Pick<BuyerApiHandlers, 'dtc.quote' | 'dtc.purchase'> {
  const { db } = deps;
  return {
    async 'dtc.quote'(visitor, request) {
      const claim = await claimOf(deps, request.claimToken, visitor.address);
      return quoteAnswer(await quoteClaim(db, claim, request));
    },

    async 'dtc.purchase'(visitor, request) {
      const claim = await claimOf(deps, request.claimToken, visitor.address);
      const issues = [
        ...addressIssues('shipTo', request.shipTo),
        ...addressIssues('billTo', request.billTo),
      ];
      if (issues.length > 0) throw invalid(issues);
      const brand = await db
        .selectFrom('brand_settings')
        .select('stripe_card_enabled')
        .executeTakeFirst();
      const payment = paymentMethodRefusal(request.paymentMethod, {
        stripeCardEnabled: brand?.stripe_card_enabled === 1 && deps.payments !== null,
        cardFlow: true,
      });
      if (payment) {
        throw invalid([{ path: 'paymentMethod', code: payment.code }], {
          method: request.paymentMethod,
        });
      }
      const shipTo = normalizedAddress(request.shipTo);
      const placedAt = deps.clock().toISOString();
      const placed = await inTransaction(db, async (trx) => {
        const hub = hubDb(trx);
        const known = await hub
          .selectFrom('orders')
          .select('id')
          .where('id', '=', request.orderId)
          .executeTakeFirst();
        await mayBuy(trx, claim, request.orderId, known !== undefined);
        const quote = await quoteClaim(trx, claim, { ...request, country: shipTo.country });
        if (!known && quote.problems.length > 0) throw basketRefusal(quote.problems);
        const outcome = await placeOrder(
          trx,
          { kind: 'linkHolder', linkId: claim.linkId, address: visitor.address },
          {
            orderId: request.orderId,
            source: 'dtc_link',
            online: true,
            status: 'Order',
            buyerId: null,
            selectionId: claim.selectionId,
            shareLinkId: null,
            dtc: {
              customerId: claim.customerId,
              linkId: claim.linkId,
              marketId: claim.marketId,
              totals: quote,
            },
            paymentStatus: request.paymentMethod === 'stripe_card' ? 'pending' : 'none',
            currency: quote.currency,
            discountBasisPoints: 0,
            lines: quote.lines,
            shipTo,
            billTo: request.billTo && normalizedAddress(request.billTo),
            shipping: quote.shipping,
            paymentMethod: request.paymentMethod,
            window: {},
            poNumber: '',
            note: request.note,
            contact: { name: request.name, email: request.email, phone: request.phone },
            approvedBy: '',
            placedAt,
            audit: {
              action: 'order.placed',
              details: { dtcLinkId: claim.linkId, dtcClaimId: claim.id },
            },
          },
        );
        if (outcome.created) await recordPurchase(trx, claim, request.orderId, placedAt);
        return { ...outcome, quote };
      });
      if (placed.created) deps.changes.notify();
      const outcome = await checkoutOutcome(db, placed);
      const answer = {
        ...outcome.value,
        totals: { ...outcome.value.totals, ...outcome.tax },
      };
      if (request.paymentMethod !== 'stripe_card')
        return { value: answer, created: placed.created };
      // The order stands, its payment pending; the customer pays on Stripe's page next.
      const back = `${visitor.origin}${PAYMENT_RETURN}`;
      const started = await startCardPayment(deps.payments!, {
        orderId: placed.value.orderId,
        successUrl: `${back}?result=paid`,
        cancelUrl: `${back}?result=cancelled`,
      });
      return { value: { ...answer, cardPaymentUrl: started.url }, created: placed.created };
    },
  };
}

/**
 * Whether the claim may be bought now, read in the placing transaction: a known order id
 * is this claim's own purchase retried (another claim's says nothing of it); otherwise
 * not bought already under another order id (one order a claim), and its link not killed.
 */
async function mayBuy(
  trx: StoreDb,
  claim: DtcClaimRow,
  orderId: string,
  known: boolean,
): Promise<void> {
  const now = await hubDb(trx)
    .selectFrom('dtc_claims as c')
    .innerJoin('dtc_links as l', 'l.id', 'c.link_id')
    .select(['c.order_id', 'l.killed_at'])
    .where('c.id', '=', claim.id)
    .executeTakeFirstOrThrow();
  if (known) {
    if (now.order_id === orderId) return;
    throw new HubRefusal(409, 'conflict', 'This order cannot be placed. Reload and try again.');
  }
  if (now.killed_at !== null) throw dtcLinkNotValid();
  if (now.order_id !== null && now.order_id !== orderId) {
    throw new HubRefusal(
      409,
      'dtc_claim_purchased',
      'This basket was bought already. Open the link again to see what is left.',
      { params: { orderId: now.order_id } },
    );
  }
}

/**
 * What the purchase writes besides the order, in its transaction: the claim's order, and
 * for the link's first purchase the link's death and its selection's deletion, each one
 * guarded write that only the first purchase gets through.
 */
async function recordPurchase(
  trx: StoreDb,
  claim: DtcClaimRow,
  orderId: string,
  at: string,
): Promise<void> {
  const hub = hubDb(trx);
  const bought = await hub
    .updateTable('dtc_claims')
    .set({ order_id: orderId })
    .where('id', '=', claim.id)
    .where('order_id', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!bought) throw new Error(`Claim ${claim.id} was bought twice in one transaction`);
  const first = await hub
    .updateTable('dtc_links')
    .set({ purchased_at: at, purchase_order_id: orderId })
    .where('id', '=', claim.linkId)
    .where('purchased_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!first) return;
  await hub
    .updateTable('dtc_selections')
    .set({ deleted_at: at, deleted_by_order_id: orderId, updated_at: at })
    .where('id', '=', claim.selectionId)
    .where('deleted_at', 'is', null)
    .execute();
}

/** The claim's basket priced by the domain for what the customer asks, from the store's facts. */
async function quoteClaim(
  db: StoreDb,
  claim: DtcClaimRow,
  request: Pick<Quote, 'lines' | 'country' | 'shippingGroupId'>,
): Promise<DtcQuote> {
  const skuIds = claim.lines.map((line) => line.skuId);
  const { country } = request;
  const [prices, market, countries, tax, shipping] = await Promise.all([
    skuIds.length === 0
      ? []
      : db
          .selectFrom('prices')
          .select(['sku_id', 'retail_minor'])
          .where('pricelist_id', '=', claim.pricelistId)
          .where('sku_id', 'in', skuIds)
          .execute(),
    db
      .selectFrom('markets')
      .select('prices_include_tax')
      .where('id', '=', claim.marketId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('market_countries')
      .select('country_code')
      .where('market_id', '=', claim.marketId)
      .execute(),
    country === null
      ? undefined
      : db
          .selectFrom('tax_rates')
          .select('rate_bp')
          .where('country_code', '=', country)
          .executeTakeFirst(),
    country === null || claim.options.ignoreShipping
      ? null
      : catalogGroupIdsOf(db, { skuIds }).then((catalogGroupIds) =>
          shippingOptions(db, { country, currency: claim.currency }, { catalogGroupIds }),
        ),
  ]);
  const choice: DtcBasketChoice = {
    lines: request.lines,
    country,
    shippingGroupId: request.shippingGroupId,
  };
  return quoteDtcBasket(
    {
      saved: claim.lines,
      options: claim.options,
      currency: claim.currency,
      retailMinor: new Map(prices.map((price) => [price.sku_id, price.retail_minor])),
      marketCountries: countries.map((row) => row.country_code),
      pricesIncludeTax: market.prices_include_tax === 1,
      taxRateBp: tax?.rate_bp ?? null,
      shipping,
    },
    choice,
  );
}

function quoteAnswer(quote: DtcQuote) {
  return {
    currency: quote.currency,
    lines: quote.lines.map((line) => ({
      skuId: line.skuId,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      specialQuantity: line.specialQuantity,
      specialPriceMinor: line.specialPriceMinor,
      amountMinor: line.amountMinor,
      taxRateBp: line.taxRateBp,
      taxMinor: line.taxMinor,
    })),
    units: quote.units,
    subtotalMinor: quote.subtotalMinor,
    discountMinor: quote.discountMinor,
    taxMinor: quote.taxMinor,
    taxIncluded: quote.taxIncluded,
    shippingRates: quote.shippingRates.map((rate) => ({
      groupId: rate.groupId,
      name: rate.groupName,
      amountMinor: rate.amountMinor,
      freeFromMinor: rate.freeFromMinor,
    })),
    shippingGroupId: quote.shipping?.groupId ?? null,
    shippingMinor: quote.shippingMinor,
    totalMinor: quote.totalMinor,
    problems: quote.problems.map(({ code, params }) => ({ code, params })),
  };
}

/**
 * A basket that cannot be bought as asked: the first problem's code (its status as the
 * route declares) and params at the top, every problem in `refusals`, nothing written.
 */
function basketRefusal(problems: readonly Refusal<DtcCheckoutRefusal>[]): HubRefusal {
  const [first] = problems;
  const status = dtcRoutes['dtc.purchase'].refusals[first!.code];
  return new HubRefusal(
    status,
    first!.code,
    `This basket cannot be bought as asked (${problems.map((p) => p.code).join(', ')}). Nothing was ordered.`,
    { params: first!.params, refusals: problems.map(({ code, params }) => ({ code, params })) },
  );
}
