import { isCountryCode, normalizedAddress, type AddressFields } from '../../domain/addresses.ts';
import { styleAccess } from '../../domain/catalog-dates.ts';
import { LINK_PAGE_PATH } from '../../domain/customer-order-links.ts';
import { addressRequired, missingForCheckout } from '../../domain/order-states.ts';
import { CUSTOMER_LINK_ORDER_LIMITS } from '../../domain/rate-limit.ts';
import type { ResolvedShippingRate } from '../../domain/shipping-rates.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import {
  catalogGroupIdsOf,
  shippingApplies,
  shippingOptions,
  type ShippingLevels,
} from '../../store/shipping-queries.ts';
import type { BuyerParsedInputOf } from '../../../preload/contract/buyer-api/index.ts';
import { auditRow } from '../audit.ts';
import { invitePersonIn, type SealText } from '../buyer-people.ts';
import { HubRefusal } from '../errors.ts';
import type { HubMail } from '../mail/hub-mail.ts';
import { sealMailText } from '../mail/sealed-text.ts';
import { placeOrder } from '../orders/place-order.ts';
import { startCardPayment, type CardPaymentDependencies } from '../payments/stripe.ts';
import { checkoutOutcome } from './checkout-outcome.ts';
import type { OrderPrincipal } from '../orders/principal.ts';
import type { ChangeNotifier } from '../../store/change-notices.ts';
import {
  addressIssues,
  invalid,
  REQUIREMENT_PATHS,
  reserveOrder,
  type Issue,
} from './checkout-problems.ts';
import { linkCatalogs, visitingBuyer } from './customer-links.ts';
import type { BuyerApiHandlers, LinkVisitor } from './handler-table.ts';
import { inTransaction } from '../../store/transactions.ts';

export interface LinkCheckoutDependencies {
  db: StoreDb;
  /** Told after an order is placed, so desktops pull it. */
  changes: ChangeNotifier;
  /** Seals the invitation an offline buyer's person gets when the buyer becomes theirs. */
  mail: HubMail | null;
  /** The card add-on's Stripe; null on a hub without a key file (no card is offered then). */
  payments: CardPaymentDependencies | null;
}

type LinkCheckout = BuyerParsedInputOf<'customerLink.checkout'>;
type Buyer = Awaited<ReturnType<typeof visitingBuyer>>;

/**
 * The customer order link's checkout: the cart at the logged-in buyer's terms, placed by
 * the order service as an online order (refused per size when stock is short, nothing
 * written), with the link's own checkout settings, which win over its catalogs': the
 * address field ("Show" or "Hide", shown regardless when shipping applies or card payment
 * is chosen), the ways to pay, and shipping from the link's rate groups, falling back
 * to the catalogs' when none of the link's prices the destination. A view-only link takes
 * no order, whatever the page sends. The order keeps the link it came through and who
 * placed it (the buyer person, the offline buyer, or the brand for the buyer).
 */
export function customerLinkCheckoutHandlers(
  deps: LinkCheckoutDependencies,
): Pick<BuyerApiHandlers, 'customerLink.shippingOptions' | 'customerLink.checkout'> {
  const { db } = deps;
  return {
    async 'customerLink.shippingOptions'(actor, { country: typed, skuIds }) {
      const buyer = await visitingBuyer(db, actor);
      const country = typed.toUpperCase();
      if (country !== '' && !isCountryCode(country)) {
        throw invalid([{ path: 'country', code: 'country_unknown' }]);
      }
      const levels = await shippingLevels(db, actor, skuIds);
      const applies = await shippingApplies(db, levels);
      const options =
        country === ''
          ? null
          : await shippingOptions(db, { country, currency: buyer.currency }, levels);
      return {
        shippingApplies: applies,
        currency: buyer.currency,
        rates: (options?.ok ? options.rates : []).map((rate) => ({
          groupId: rate.groupId,
          name: rate.groupName,
          amountMinor: rate.amountMinor,
          freeFromMinor: rate.freeFromMinor,
        })),
      };
    },

    async 'customerLink.checkout'(actor, request) {
      const buyer = await visitingBuyer(db, actor);
      if (actor.link.viewOnly) {
        throw new HubRefusal(
          403,
          'forbidden',
          'This link is for browsing only: it takes no orders.',
        );
      }
      if (!actor.link.paymentMethods.includes(request.paymentMethod)) {
        throw invalid([{ path: 'paymentMethod', code: 'payment_method_not_offered' }]);
      }
      const cart = await pricedCart(db, actor, buyer, request.lines);
      const at = actor.at.toISOString();
      const visit = actor.visit!;
      const principal = principalOf(actor, buyer.id);
      const placed = await inTransaction(db, async (trx) => {
        const known = await hubDb(trx)
          .selectFrom('orders')
          .select('id')
          .where('id', '=', request.orderId)
          .executeTakeFirst();
        const levels = await shippingLevels(trx, actor, cart.skuIds);
        const details = known
          ? { shipTo: null, billTo: null, shipping: null }
          : await checkoutDetails(trx, actor, request, buyer.currency, levels);
        const outcome = await placeOrder(
          trx,
          principal,
          {
            orderId: request.orderId,
            source: 'customer_order_link',
            online: true,
            status: 'Order',
            buyerId: buyer.id,
            selectionId: selectionIdOf(request.orderId),
            shareLinkId: null,
            customerOrderLinkId: actor.link.id,
            currency: buyer.currency,
            discountBasisPoints: buyer.discount_bp,
            lines: cart.lines,
            ...details,
            paymentMethod: request.paymentMethod,
            window: {},
            paymentStatus: request.paymentMethod === 'stripe_card' ? 'pending' : 'none',
            poNumber: request.poNumber,
            note: request.note,
            contact: { name: request.name, email: request.email, phone: request.phone },
            approvedBy: '',
            placedAt: at,
            audit: {
              action: 'order.placed',
              details: {
                customerOrderLinkId: actor.link.id,
                logIn: visit.method,
                onBehalfOf: visit.onBehalfOf,
              },
            },
          },
          async (orderTrx) => {
            if (cart.closed.length > 0) {
              throw new HubRefusal(
                409,
                'deadline_passed',
                `Orders for ${cart.closed.join(', ')} closed: their order deadline has passed. Nothing was ordered.`,
                { params: { styles: cart.closed.join(', ') } },
              );
            }
            await reserveOrder(
              orderTrx,
              [
                {
                  key: `order-buyer:${buyer.id}`,
                  limit: CUSTOMER_LINK_ORDER_LIMITS.perBuyer,
                },
                { key: `order@${actor.address}`, limit: CUSTOMER_LINK_ORDER_LIMITS.perAddress },
              ],
              actor.at,
            );
          },
        );
        if (outcome.created) {
          await keepAsSelection(trx, actor, buyer, request, at);
          if (actor.link.offlineBuyerTransition && visit.method === 'offlineBuyer') {
            await transitionOfflineBuyer(trx, deps, actor, buyer.id, request, actor.at);
          }
        }
        return outcome;
      });
      const answer = await checkoutOutcome(db, placed);
      if (answer.created) deps.changes.notify();
      if (request.paymentMethod !== 'stripe_card') return answer;
      // The order stands, its payment pending; the buyer pays on Stripe's page next.
      if (!deps.payments) {
        throw new HubRefusal(
          409,
          'payment_method_not_offered',
          'This hub takes no card payments.',
          {
            params: { method: 'stripe_card' },
          },
        );
      }
      const back = `${actor.origin}${LINK_PAGE_PATH}`;
      const payment = await startCardPayment(deps.payments, {
        orderId: placed.value.orderId,
        successUrl: `${back}?payment=paid`,
        cancelUrl: `${back}?payment=cancelled`,
      });
      return { ...answer, value: { ...answer.value, cardPaymentUrl: payment.url } };
    },
  };
}

/** Who places the order, as the visit logged in. */
function principalOf(actor: LinkVisitor, buyerId: string): OrderPrincipal {
  const visit = actor.visit!;
  const where = { linkId: actor.link.id, address: actor.address };
  if (visit.onBehalfOf !== null || visit.method === 'brandCredentials') {
    const staff = { staffUserId: visit.onBehalfOf, device: visit.onBehalfDevice };
    return { kind: 'brandForBuyer', buyerId, ...staff, ...where };
  }
  if (visit.method === 'offlineBuyer') return { kind: 'offlineBuyer', buyerId, ...where };
  return { kind: 'buyer', buyerUserId: visit.buyerUserId!, address: actor.address };
}

/** The selection an order through a link is kept as, for the link's maker to see: one per order. */
const selectionIdOf = (orderId: string) => `link-order-${orderId}`;

/**
 * The cart priced at the buyer's pricelist: every SKU must be of a style in the link's
 * open catalogs and have a price there (a cart from an older page, or made up, is
 * refused at its line); styles past their order deadline are named for the refusal.
 */
async function pricedCart(
  db: StoreDb,
  actor: LinkVisitor,
  buyer: Buyer,
  lines: LinkCheckout['lines'],
) {
  const skuIds = lines.map((line) => line.skuId);
  const repeated = skuIds.findIndex((id, index) => skuIds.indexOf(id) !== index);
  if (repeated !== -1) throw invalid([{ path: `lines.${repeated}.skuId`, code: 'sku_repeated' }]);
  const { visible } = await linkCatalogs(db, actor);
  const catalogIds = visible.map((catalog) => catalog.id);
  const rows =
    catalogIds.length === 0
      ? []
      : await db
          .selectFrom('skus as s')
          .innerJoin('products as p', 'p.id', 's.product_id')
          .innerJoin('prices as pr', (join) =>
            join.onRef('pr.sku_id', '=', 's.id').on('pr.pricelist_id', '=', buyer.pricelist_id),
          )
          .innerJoin('catalog_products as cp', 'cp.product_id', 's.product_id')
          .select([
            's.id',
            'p.id as style_id',
            'p.style_number',
            'pr.wholesale_minor',
            'cp.catalog_id',
          ])
          .where('s.id', 'in', skuIds)
          .where('cp.catalog_id', 'in', catalogIds)
          .execute();
  const bySku = Map.groupBy(rows, (row) => row.id);
  const issues: Issue[] = [];
  lines.forEach((line, index) => {
    if (!bySku.has(line.skuId))
      issues.push({ path: `lines.${index}.skuId`, code: 'sku_not_in_link' });
  });
  if (issues.length > 0) throw invalid(issues);
  const catalogsById = new Map(visible.map((catalog) => [catalog.id, catalog]));
  const closed = new Set<string>();
  for (const skuRows of bySku.values()) {
    const access = styleAccess(
      skuRows.map((row) => catalogsById.get(row.catalog_id)!),
      actor.at,
    );
    if (!access.orderable) closed.add(skuRows[0]!.style_number);
  }
  return {
    skuIds,
    closed: [...closed].sort(),
    lines: lines.map((line) => ({
      skuId: line.skuId,
      quantity: line.quantity,
      unitPriceMinor: bySku.get(line.skuId)![0]!.wholesale_minor,
    })),
  };
}

/** The link's rate groups first, then the groups of the catalogs holding the cart's styles. */
async function shippingLevels(
  db: StoreDb,
  actor: LinkVisitor,
  skuIds: readonly string[],
): Promise<ShippingLevels> {
  return {
    linkGroupIds: actor.link.shippingRateGroupIds,
    catalogGroupIds: skuIds.length > 0 ? await catalogGroupIdsOf(db, { skuIds }) : [],
  };
}

/**
 * The address, shipping and PO judged by the domain's rules in the placing transaction,
 * each problem at its field. With "Hide the address input field in checkout" and no
 * reason to force it, the order keeps no address ("Address information will not be
 * registered to the created order").
 */
async function checkoutDetails(
  trx: StoreDb,
  actor: LinkVisitor,
  request: LinkCheckout,
  currency: string,
  levels: ShippingLevels,
): Promise<{
  shipTo: AddressFields | null;
  billTo: AddressFields | null;
  shipping: ResolvedShippingRate | null;
}> {
  const applies = await shippingApplies(trx, levels);
  const facts = {
    shippingApplies: applies,
    paymentMethod: request.paymentMethod,
    addressAsked: actor.link.addressField === 'show',
  };
  if (!addressRequired(facts)) return { shipTo: null, billTo: null, shipping: null };
  const issues = [
    ...addressIssues('shipTo', request.shipTo),
    ...addressIssues('billTo', request.billTo),
  ];
  const missing = missingForCheckout({
    ...facts,
    hasAddress: request.shipTo !== null,
    hasShippingRate: request.shippingGroupId !== null,
  });
  for (const requirement of missing) {
    if (!issues.some((issue) => issue.path.startsWith(REQUIREMENT_PATHS[requirement]))) {
      issues.push({ path: REQUIREMENT_PATHS[requirement], code: 'required' });
    }
  }
  if (issues.length > 0) throw invalid(issues);
  const shipTo = normalizedAddress(request.shipTo!);
  let shipping: ResolvedShippingRate | null = null;
  if (applies) {
    const options = await shippingOptions(trx, { country: shipTo.country, currency }, levels);
    shipping =
      (options.ok
        ? options.rates.find((rate) => rate.groupId === request.shippingGroupId)
        : null) ?? null;
    if (!shipping) {
      throw invalid([{ path: 'shippingGroupId', code: 'no_shipping_rate' }], {
        country: shipTo.country,
        currency,
      });
    }
  }
  return { shipTo, billTo: request.billTo && normalizedAddress(request.billTo), shipping };
}

/**
 * The order's lines as a selection of the link's maker for the buyer, named for the
 * link, so the rep who made the link finds the order with their buyers' and the order
 * confirmation names them, as for every other order. A new selection under an id no rep's
 * change can name (`link-order-…`, theirs are UUIDs), so it needs no selection guard.
 */
async function keepAsSelection(
  trx: StoreDb,
  actor: LinkVisitor,
  buyer: Buyer,
  request: LinkCheckout,
  at: string,
): Promise<void> {
  const hub = hubDb(trx);
  const id = selectionIdOf(request.orderId);
  await hub
    .insertInto('selections')
    .values({
      id,
      buyer_id: buyer.id,
      owner_id: actor.link.createdBy,
      name: actor.link.name,
      notes: '',
      created_at: at,
      updated_at: at,
    })
    .execute();
  await hub
    .insertInto('selection_lines')
    .values(
      request.lines.map((line) => ({
        selection_id: id,
        sku_id: line.skuId,
        quantity: line.quantity,
        added_at: at,
      })),
    )
    .execute();
}

/**
 * "Transition offline buyers to customer-owned buyers on order completion": the offline
 * buyer becomes the customer's, its log-in for links (the brand's) goes, and the person
 * who ordered gets an account for it, invited to set a password, from which they see
 * its orders and catalogs. In the order's transaction: the order and the move stand or
 * fall together.
 */
async function transitionOfflineBuyer(
  trx: StoreDb,
  deps: LinkCheckoutDependencies,
  actor: LinkVisitor,
  buyerId: string,
  request: LinkCheckout,
  now: Date,
): Promise<void> {
  const hub = hubDb(trx);
  const moved = await hub
    .updateTable('buyers')
    .set({ kind: 'customer_owned', updated_at: now.toISOString() })
    .where('id', '=', buyerId)
    .where('kind', '=', 'offline')
    .returning(['id', 'name', 'language'])
    .executeTakeFirst();
  if (!moved) return;
  await hub
    .deleteFrom('buyer_credentials')
    .where('buyer_id', '=', buyerId)
    .where('kind', '=', 'offline_email')
    .execute();
  const maker = await hub
    .selectFrom('staff_users')
    .select(['id', 'name'])
    .where('id', '=', actor.link.createdBy)
    .executeTakeFirstOrThrow();
  const seal: SealText | null = deps.mail ? (text) => sealMailText(deps.mail!.secrets, text) : null;
  const person = { name: request.name, email: request.email.toLowerCase() };
  const invited = seal
    ? await invitePersonIn(
        trx,
        { userId: maker.id, name: maker.name, device: null },
        moved,
        person,
        actor.origin,
        seal,
        now,
      )
    : 'not_invited';
  await hub
    .insertInto('audit_log')
    .values(
      auditRow({
        at: now.toISOString(),
        actor: { kind: 'system' },
        action: 'buyer.transitioned',
        subject: `buyer:${buyerId}`,
        details: {
          customerOrderLinkId: actor.link.id,
          orderId: request.orderId,
          email: person.email,
          invited,
        },
      }),
    )
    .execute();
}
