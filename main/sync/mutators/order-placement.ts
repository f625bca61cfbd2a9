import type { Transaction } from 'kysely';
import { z } from 'zod';
import {
  boothOrderProblems,
  hasBoothOrderProblems,
  type BoothOrderProblems,
} from '../../domain/booth-order.ts';
import { normalizedAddress } from '../../domain/addresses.ts';
import { deliveryWindow, poNumber } from '../../domain/delivery-window.ts';
import { isProvisionalOrderNumber } from '../../domain/order-number.ts';
import { PAYMENT_METHODS } from '../../domain/order-states.ts';
import { MAX_ORDER_LINES, orderTotals } from '../../domain/order-totals.ts';
import { can } from '../../domain/permissions.ts';
import { isValidQuantity, MAX_QUANTITY } from '../../domain/selections.ts';
import type { ResolvedShippingRate } from '../../domain/shipping-rates.ts';
import { placeOrder } from '../../hub/orders/place-order.ts';
import { hubDb } from '../../store/database.ts';
import type { StoreSchema } from '../../store/schema.ts';
import { catalogGroupIdsOf, shippingOptions } from '../../store/shipping-queries.ts';
import { MutationRefused, mutator, type MutationContext } from './mutator.ts';
import { Address } from './buyer-addresses.ts';
import { editableSelection } from './selections.ts';

/**
 * A booth order: what the buyer agreed to in front of the rep, placed on the desktop at
 * once (provisional number, "Waiting to sync") and on the hub for good by the order
 * service, as a fact: accepted, with what no longer fits (stock, prices, shipping)
 * flagged for a person rather than refused. The arguments take any string: a field too
 * long is the domain's to judge (main/domain/booth-order.ts) before the replica writes
 * anything, never a malformed push that would hold the outbox up.
 */
const id = z.string().min(1).max(64);

const Amount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const PlaceBoothOrderArgs = z.strictObject({
  /** The idempotency key: the hub places an id once, however often the push comes. */
  orderId: z.uuid(),
  selectionId: id,
  buyerId: id,
  /** `P-<device>-<n>`, what the rep and buyer read until the hub numbers the order. */
  provisionalNumber: z.string().max(64),
  currency: z.string().max(8),
  discountBasisPoints: z.number().int().nonnegative().max(10_000),
  /** One per SKU, at the unit price the buyer agreed to (a fact, even if the pricelist moved). */
  lines: z
    .array(z.strictObject({ skuId: id, quantity: z.number().int(), unitPriceMinor: Amount }))
    .min(1)
    .max(MAX_ORDER_LINES),
  shipTo: Address,
  billTo: Address,
  /** The rate the buyer agreed to: its group, and the amount and threshold as offered then. */
  shipping: z
    .strictObject({
      groupId: id,
      groupName: z.string().max(200),
      country: z.string().max(2),
      currency: z.string().max(8),
      amountMinor: Amount,
      freeFromMinor: Amount.nullable(),
    })
    .nullable(),
  paymentMethod: z.enum(PAYMENT_METHODS),
  shipStart: z.string(),
  cancelDate: z.string(),
  poNumber: z.string(),
  note: z.string(),
  approvedBy: z.string(),
});
export type PlaceBoothOrderArgs = z.infer<typeof PlaceBoothOrderArgs>;

/** A rate offered at the booth as the order's arguments keep it: what the buyer agreed to. */
export function rateAsAgreed(
  rate: ResolvedShippingRate,
): NonNullable<PlaceBoothOrderArgs['shipping']> {
  return {
    groupId: rate.groupId,
    groupName: rate.groupName,
    country: rate.country,
    currency: rate.currency,
    amountMinor: rate.amountMinor,
    freeFromMinor: rate.freeFromMinor,
  };
}

/** The problems as a refusal's reason words them: `shipTo.country: country_required; poNumber: …`. */
function describe(problems: BoothOrderProblems): string {
  return [
    ...Object.entries(problems.shipTo).map(([field, p]) => `shipTo.${field}: ${p.code}`),
    ...Object.entries(problems.billTo).map(([field, p]) => `billTo.${field}: ${p.code}`),
    ...Object.entries(problems.fields).map(([field, p]) => `${field}: ${p.code}`),
  ].join('; ');
}

/** The order's rules, judged the same on the desktop as the dialog judged them. */
function checkedOrder(args: PlaceBoothOrderArgs) {
  const skus = new Set<string>();
  for (const line of args.lines) {
    if (!isValidQuantity(line.quantity) || line.quantity === 0 || skus.has(line.skuId)) {
      throw new MutationRefused(
        'invalid_input',
        `Each size is ordered once, 1 to ${MAX_QUANTITY.toLocaleString('en')} units.`,
      );
    }
    skus.add(line.skuId);
  }
  const problems = boothOrderProblems(args);
  if (hasBoothOrderProblems(problems)) {
    throw new MutationRefused(
      'invalid_input',
      `This order is not complete (${describe(problems)}).`,
    );
  }
  const totals = orderTotals({
    currency: args.currency,
    lines: args.lines,
    discountBasisPoints: args.discountBasisPoints,
    shipping: args.shipping,
  });
  if (!totals.ok) throw new MutationRefused('invalid_input', 'This order is too large to place.');
  const window = deliveryWindow({ shipStart: args.shipStart, cancelDate: args.cancelDate });
  const po = poNumber(args.poNumber);
  if (!window.ok || !po.ok) throw new MutationRefused('invalid_input', 'Not a valid order.');
  return { totals: totals.totals, window: window.window, poNumber: po.poNumber };
}

/**
 * Who may place it: who may change the selection (its rep, or an admin). On the hub a
 * selection deleted since the booth does not undo what the buyer agreed to.
 */
async function mayPlaceOnHub(
  db: Transaction<StoreSchema>,
  args: PlaceBoothOrderArgs,
  context: MutationContext,
): Promise<void> {
  const selection = await db
    .selectFrom('selections')
    .select('owner_id')
    .where('id', '=', args.selectionId)
    .executeTakeFirst();
  if (
    selection &&
    selection.owner_id !== context.userId &&
    !can(context.role, 'changeAnySelection')
  ) {
    throw new MutationRefused(
      'forbidden',
      'Only the rep who made this selection, or an admin, can place its order.',
    );
  }
}

export const placeBoothOrder = mutator({
  name: 'order.place.v1',
  args: PlaceBoothOrderArgs,
  subject: (args) => `order:${args.orderId}`,
  summary: (args) => `Place order ${args.provisionalNumber}`,
  auditArgs: (args) => ({
    orderId: args.orderId,
    selectionId: args.selectionId,
    buyerId: args.buyerId,
    provisionalNumber: args.provisionalNumber,
    lines: args.lines.length,
  }),
  async apply(tx, args, context) {
    const selection = await editableSelection(tx, args.selectionId, context);
    if (selection.buyer_id !== args.buyerId) {
      throw new MutationRefused('conflict', "This order is not for the selection's buyer.");
    }
    if (!isProvisionalOrderNumber(args.provisionalNumber)) {
      throw new MutationRefused('invalid_input', 'A booth order starts with a provisional number.');
    }
    const earlier = await tx.db
      .selectFrom('orders')
      .select('id')
      .where('id', '=', args.orderId)
      .executeTakeFirst();
    if (earlier) throw new MutationRefused('conflict', 'This order was already placed.');
    const { totals, window, poNumber: po } = checkedOrder(args);
    const buyer = await tx.db
      .selectFrom('buyers')
      .select('contact_email')
      .where('id', '=', args.buyerId)
      .executeTakeFirst();
    // What the rep sees until the hub's answer arrives by pull and replaces it whole.
    await tx.put('orders', {
      id: args.orderId,
      source: 'booth',
      selection_id: args.selectionId,
      share_link_id: null,
      buyer_id: args.buyerId,
      status: 'Order',
      contact_name: args.approvedBy.trim(),
      contact_email: buyer?.contact_email ?? '',
      contact_phone: args.shipTo.phone.trim(),
      note: args.note,
      currency: totals.currency,
      units: totals.units,
      subtotal_minor: totals.subtotalMinor,
      discount_minor: totals.discountMinor,
      shipping_minor: totals.shippingMinor,
      total_minor: totals.totalMinor,
      shipping_rate_name: args.shipping?.groupName ?? '',
      payment_method: args.paymentMethod,
      ship_to: JSON.stringify(normalizedAddress(args.shipTo)),
      bill_to: JSON.stringify(normalizedAddress(args.billTo)),
      ship_start: window.shipStart,
      cancel_date: window.cancelDate,
      po_number: po ?? '',
      approved_by: args.approvedBy.trim(),
      placed_by_kind: 'staff',
      placed_by: context.userId,
      units_short: 0,
      created_at: context.madeAt,
      completed_at: context.madeAt,
      completed_by: null,
      number: args.provisionalNumber,
    });
    await tx.putAll(
      'order_lines',
      args.lines.map((line) => ({
        order_id: args.orderId,
        sku_id: line.skuId,
        quantity: line.quantity,
        unit_price_minor: line.unitPriceMinor,
      })),
    );
  },
  async applyOnHub(trx, args, context) {
    const hub = hubDb(trx);
    const buyer = await hub
      .selectFrom('buyers')
      .select(['contact_email', 'pricelist_id'])
      .where('id', '=', args.buyerId)
      .executeTakeFirst();
    const repriced = await repricedLines(trx, buyer?.pricelist_id ?? null, args.lines);
    const shipping = await agreedShipping(trx, args);
    const placed = await placeOrder(
      trx,
      { kind: 'staff', userId: context.userId, role: context.role, device: context.device },
      {
        orderId: args.orderId,
        source: 'booth',
        online: false,
        status: 'Order',
        buyerId: args.buyerId,
        selectionId: args.selectionId,
        shareLinkId: null,
        currency: args.currency,
        discountBasisPoints: args.discountBasisPoints,
        lines: args.lines,
        shipTo: args.shipTo,
        billTo: args.billTo,
        shipping: shipping.rate,
        paymentMethod: args.paymentMethod,
        window: { shipStart: args.shipStart, cancelDate: args.cancelDate },
        poNumber: args.poNumber,
        note: args.note,
        contact: {
          name: args.approvedBy.trim(),
          email: buyer?.contact_email ?? '',
          phone: args.shipTo.phone.trim(),
        },
        approvedBy: args.approvedBy.trim(),
        // A fact: placed when the buyer agreed, on the device's clock.
        placedAt: context.madeAt,
        audit: {
          action: 'order.placed',
          details: {
            selectionId: args.selectionId,
            provisionalNumber: args.provisionalNumber,
            ...(repriced.length > 0 ? { repricedLines: repriced } : {}),
            ...(shipping.changed ? { shippingChanged: shipping.changed } : {}),
          },
        },
      },
      // Only for an order that is new: a known id gets its first answer, however it was sent.
      async () => {
        await mayPlaceOnHub(trx, args, context);
        // The hub judges again, never trusting what was sent; placeOrder recomputes the
        // totals from the lines, the rate and the buyer's discount.
        checkedOrder(args);
      },
    );
    return { number: placed.value.number, unitsShort: placed.value.unitsShort };
  },
});

/** At most this many repriced lines are named in the audit row; the count says the rest. */
const MAX_REPRICED_NAMED = 50;

/**
 * Lines whose agreed unit price differs from the buyer's pricelist today (changed or
 * withdrawn since the booth): kept as agreed, named in the audit row for a person.
 */
async function repricedLines(
  trx: Transaction<StoreSchema>,
  pricelistId: string | null,
  lines: PlaceBoothOrderArgs['lines'],
) {
  if (pricelistId === null) return [];
  const prices = new Map<string, number>();
  for (let start = 0; start < lines.length; start += 10_000) {
    const rows = await hubDb(trx)
      .selectFrom('prices')
      .select(['sku_id', 'wholesale_minor'])
      .where('pricelist_id', '=', pricelistId)
      .where(
        'sku_id',
        'in',
        lines.slice(start, start + 10_000).map((line) => line.skuId),
      )
      .execute();
    for (const row of rows) prices.set(row.sku_id, row.wholesale_minor);
  }
  const differing = lines
    .filter((line) => prices.get(line.skuId) !== line.unitPriceMinor)
    .map((line) => ({
      skuId: line.skuId,
      agreedMinor: line.unitPriceMinor,
      pricelistMinor: prices.get(line.skuId) ?? null,
    }));
  return differing.length > MAX_REPRICED_NAMED
    ? [...differing.slice(0, MAX_REPRICED_NAMED), { more: differing.length - MAX_REPRICED_NAMED }]
    : differing;
}

/**
 * The shipping the order keeps. The buyer agreed to a rate at the booth, so that rate
 * (its amount and free-from threshold) is what the order is charged, as its unit prices
 * are; the hub re-resolves the group for the ship-to country and currency only to notice
 * that it has changed or gone since, and says so in the audit row.
 */
async function agreedShipping(
  trx: Transaction<StoreSchema>,
  args: PlaceBoothOrderArgs,
): Promise<{ rate: ResolvedShippingRate | null; changed: Record<string, unknown> | null }> {
  if (args.shipping === null) return { rate: null, changed: null };
  const agreed: ResolvedShippingRate = { ...args.shipping, source: 'brand' };
  const catalogGroupIds = await catalogGroupIdsOf(trx, {
    skuIds: args.lines.filter((line) => line.quantity > 0).map((line) => line.skuId),
  });
  const options = await shippingOptions(
    trx,
    { country: args.shipping.country, currency: args.shipping.currency },
    { catalogGroupIds },
  );
  const current = options.ok
    ? options.rates.find((rate) => rate.groupId === args.shipping!.groupId)
    : undefined;
  if (!current) return { rate: agreed, changed: { groupId: agreed.groupId, now: null } };
  const agreedSource = { ...agreed, source: current.source };
  if (
    current.amountMinor === agreed.amountMinor &&
    current.freeFromMinor === agreed.freeFromMinor &&
    current.groupName === agreed.groupName
  ) {
    return { rate: agreedSource, changed: null };
  }
  return {
    rate: agreedSource,
    changed: {
      groupId: agreed.groupId,
      now: { amountMinor: current.amountMinor, freeFromMinor: current.freeFromMinor },
    },
  };
}
