import type { AddressFields } from '../../domain/addresses.ts';
import { addressProblems, normalizedAddress } from '../../domain/addresses.ts';
import { deliveryWindow, poNumber } from '../../domain/delivery-window.ts';
import type { Id } from '../../domain/model.ts';
import type { OrderSource, PaymentMethod } from '../../domain/order-states.ts';
import type { DtcQuote } from '../../domain/dtc-checkout.ts';
import { orderTotals, type OrderTotals } from '../../domain/order-totals.ts';
import { shippingCharge, type ResolvedShippingRate } from '../../domain/shipping-rates.ts';
import {
  allocateOrder,
  checkOnlineOrder,
  unitsShort,
  type AllocatedLine,
} from '../../domain/stock.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import type { OrderStatus } from '../../../preload/contract/orders.ts';
import { auditRow } from '../audit.ts';
import { HubRefusal } from '../errors.ts';
import { enqueueOrderConfirmation } from './confirmation-mail.ts';
import { takeOrderNumber } from './order-numbers.ts';
import { principalAuditActor, principalRecord, type OrderPrincipal } from './principal.ts';
import { orderRefusal, stockRefusal } from './refusals.ts';
import {
  marketWarehouse,
  readAvailability,
  shippingWarehouse,
  writeAllocations,
} from './stock-allocation.ts';

/** One SKU at the buyer's unit price, as the caller priced it (one line per SKU). */
export interface PricedLine {
  readonly skuId: Id;
  readonly quantity: number;
  readonly unitPriceMinor: number;
  /** The tax rate it is sold at (a DTC order's); 0 where no tax is charged. */
  readonly taxRateBp?: number;
}

/**
 * What a DTC order carries beyond a wholesale one (main/domain/dtc-checkout.ts): the
 * customer and link, the market whose warehouse ships it (there is no buyer to find it
 * by), and the basket's totals as the domain priced them: special prices' savings as the
 * discount, and the tax inside the prices or added to them.
 */
export interface DtcOrderFacts {
  readonly customerId: Id;
  readonly linkId: Id;
  readonly marketId: Id;
  readonly totals: Pick<
    DtcQuote,
    'subtotalMinor' | 'discountMinor' | 'goodsTotalMinor' | 'taxMinor' | 'taxIncluded'
  >;
}

export interface PlaceOrderRequest {
  /** The idempotency key: a uuid the client made; a retry with it gets the first answer. */
  readonly orderId: Id;
  readonly source: OrderSource;
  /**
   * An online checkout is a request, refused per short size with nothing written; a
   * booth order is a fact, accepted and flagged with the units it is short.
   */
  readonly online: boolean;
  /** Where the order starts: a share link's request, or a placed order. */
  readonly status: Extract<OrderStatus, 'Checkout Requested' | 'Order'>;
  /** The wholesale buyer; null for a DTC order (with `dtc`). */
  readonly buyerId: Id | null;
  readonly selectionId: Id;
  readonly shareLinkId: Id | null;
  /** The customer order link it comes through; absent for other sources. */
  readonly customerOrderLinkId?: Id | null;
  /** A DTC checkout link's order: its customer, link, market and totals. */
  readonly dtc?: DtcOrderFacts;
  /** 'pending' while a card payment it waits for is under way; 'none' otherwise. */
  readonly paymentStatus?: 'none' | 'pending';
  readonly currency: string;
  readonly discountBasisPoints: number;
  readonly lines: readonly PricedLine[];
  readonly shipTo: AddressFields | null;
  readonly billTo: AddressFields | null;
  readonly shipping: ResolvedShippingRate | null;
  readonly paymentMethod: PaymentMethod | null;
  readonly window: { readonly shipStart?: string | null; readonly cancelDate?: string | null };
  readonly poNumber: string;
  readonly note: string;
  readonly contact: { readonly name: string; readonly email: string; readonly phone: string };
  /** The buyer's name as who approved a booth order; '' online. */
  readonly approvedBy: string;
  /** When it was placed: the hub's clock online, the device's for a booth order (a fact). */
  readonly placedAt: string;
  /** The audit row's action and details, in the source's words. */
  readonly audit: { readonly action: string; readonly details: Record<string, unknown> };
}

export interface PlacedOrder {
  orderId: Id;
  number: string | null;
  status: OrderStatus;
  unitsShort: number;
}

/**
 * Checks a source makes in the placing transaction once the order is known to be new
 * (a share link's limits per link and per address): a refusal rolls everything back.
 */
export type PlacementGuard = (trx: StoreDb) => Promise<void>;

/**
 * Places an order, for every source, in the caller's transaction (one BEGIN IMMEDIATE,
 * so no read here can be overtaken by another writer): a known id answers the first
 * answer, or `conflict` when it belongs to another source, link or buyer; otherwise
 * the source's guard runs, the request is checked (lines, totals, addresses, window,
 * PO), stock is checked and allocated in the warehouse the buyer's market ships from,
 * the brand's next number taken, and the order, its lines, allocations, first state and
 * audit row written. `created` tells the caller whether to notify desktops.
 */
export async function placeOrder(
  trx: StoreDb,
  principal: OrderPrincipal,
  request: PlaceOrderRequest,
  guard: PlacementGuard = async () => {},
): Promise<{ value: PlacedOrder; created: boolean }> {
  const hub = hubDb(trx);
  // Read first, inside the transaction: BEGIN IMMEDIATE holds the write lock from here, so
  // no concurrent try with this id (another hub process included) can insert between
  // this read and the insert below, and a retry is answered before a number is taken.
  // The primary key stays the backstop. (A PostgreSQL store would insert on conflict
  // first instead; the design's "Durability and concurrency".)
  const earlier = await hub
    .selectFrom('orders')
    .select([
      'id',
      'number',
      'status',
      'units_short',
      'source',
      'share_link_id',
      'customer_order_link_id',
      'dtc_link_id',
      'buyer_id',
    ])
    .where('id', '=', request.orderId)
    .executeTakeFirst();
  if (earlier) {
    // An id placed through another door says nothing about that order.
    if (
      earlier.source !== request.source ||
      earlier.share_link_id !== request.shareLinkId ||
      earlier.customer_order_link_id !== (request.customerOrderLinkId ?? null) ||
      earlier.dtc_link_id !== (request.dtc?.linkId ?? null) ||
      earlier.buyer_id !== request.buyerId
    ) {
      throw new HubRefusal(409, 'conflict', 'This order cannot be placed. Reload and try again.');
    }
    const value = {
      orderId: earlier.id,
      number: earlier.number,
      status: earlier.status,
      unitsShort: earlier.units_short,
    };
    return { value, created: false };
  }

  // The source's own refusals (its limits, its deadlines) come before the request's rules:
  // they say why better than "nothing that can be ordered" does.
  await guard(trx);
  const checked = checkRequest(request);

  const warehouseId = request.dtc
    ? await marketWarehouse(trx, request.dtc.marketId)
    : await shippingWarehouse(trx, request.buyerId!);
  let allocated: AllocatedLine[] = [];
  if (warehouseId !== null) {
    const skuIds = request.lines.map((line) => line.skuId);
    const { sizes, available } = await readAvailability(trx, warehouseId, skuIds);
    const stockLines = request.lines.map((line) => ({
      skuId: line.skuId,
      size: sizes.get(line.skuId) ?? '',
      quantity: line.quantity,
    }));
    if (request.online) {
      const check = checkOnlineOrder(stockLines, available);
      if (!check.ok) throw stockRefusal(check.refusals);
    }
    allocated = allocateOrder(stockLines, available).lines;
  }
  const short = unitsShort(allocated);
  const number = await takeOrderNumber(trx, request.placedAt);
  const placedBy = principalRecord(principal);
  const { totals } = checked;
  await hub
    .insertInto('orders')
    .values({
      id: request.orderId,
      number,
      source: request.source,
      selection_id: request.selectionId,
      share_link_id: request.shareLinkId,
      customer_order_link_id: request.customerOrderLinkId ?? null,
      payment_status: request.paymentStatus ?? 'none',
      buyer_id: request.buyerId,
      dtc_customer_id: request.dtc?.customerId ?? null,
      dtc_link_id: request.dtc?.linkId ?? null,
      tax_minor: totals.taxMinor,
      tax_included: request.dtc?.totals.taxIncluded ? 1 : 0,
      status: request.status,
      contact_name: request.contact.name,
      contact_email: request.contact.email,
      contact_phone: request.contact.phone,
      note: request.note,
      currency: totals.currency,
      units: totals.units,
      subtotal_minor: totals.subtotalMinor,
      discount_minor: totals.discountMinor,
      shipping_minor: totals.shippingMinor,
      total_minor: totals.totalMinor,
      shipping_rate_name: request.shipping?.groupName ?? '',
      payment_method: request.paymentMethod,
      ship_to: checked.shipTo && JSON.stringify(checked.shipTo),
      bill_to: checked.billTo && JSON.stringify(checked.billTo),
      ship_start: checked.window.shipStart,
      cancel_date: checked.window.cancelDate,
      po_number: checked.poNumber ?? '',
      approved_by: request.approvedBy,
      placed_by_kind: placedBy.kind,
      placed_by: placedBy.id,
      units_short: short,
      created_at: request.placedAt,
      completed_at: request.status === 'Order' ? request.placedAt : null,
      completed_by: null,
    })
    .execute();
  await hub
    .insertInto('order_lines')
    .values(
      request.lines.map((line) => ({
        order_id: request.orderId,
        sku_id: line.skuId,
        quantity: line.quantity,
        unit_price_minor: line.unitPriceMinor,
        tax_rate_bp: line.taxRateBp ?? 0,
      })),
    )
    .execute();
  if (warehouseId !== null) await writeAllocations(trx, request.orderId, warehouseId, allocated);
  await hub
    .insertInto('order_events')
    .values({
      id: `${request.orderId}:0`,
      order_id: request.orderId,
      at: request.placedAt,
      actor_kind: placedBy.kind,
      actor_id: placedBy.id,
      from_state: null,
      to_state: request.status,
    })
    .execute();
  await hub
    .insertInto('audit_log')
    .values(
      auditRow({
        at: request.placedAt,
        actor: principalAuditActor(principal),
        action: request.audit.action,
        subject: `order:${request.orderId}`,
        details: { ...request.audit.details, number, unitsShort: short },
      }),
    )
    .execute();
  // The buyer's confirmation mail commits with the order (the sender wakes on the change notice).
  await enqueueOrderConfirmation(trx, request.orderId, request.status, request.placedAt);
  const value = { orderId: request.orderId, number, status: request.status, unitsShort: short };
  return { value, created: true };
}

/** The request's own rules, before anything is read or written; each refusal names its rule. */
function checkRequest(request: PlaceOrderRequest) {
  if (request.lines.length === 0) {
    throw new HubRefusal(409, 'conflict', 'This selection has nothing that can be ordered.');
  }
  const totals = orderTotals({
    currency: request.currency,
    lines: request.lines,
    discountBasisPoints: request.discountBasisPoints,
    shipping: request.shipping,
  });
  if (!totals.ok) throw orderRefusal(totals, 'This order is too large to place in one piece.');
  if (request.dtc && request.dtc.totals.subtotalMinor !== totals.totals.subtotalMinor) {
    throw new Error('A DTC order’s lines do not add up to the subtotal it was priced at');
  }
  const window = deliveryWindow(request.window);
  if (!window.ok) throw orderRefusal(window, 'The delivery window is not valid.', 400);
  const po = poNumber(request.poNumber);
  if (!po.ok) throw orderRefusal(po, 'The PO number is not valid.', 400);
  return {
    totals: request.dtc
      ? dtcTotals(totals.totals, request.dtc, request.shipping)
      : withoutTax(totals.totals),
    window: window.window,
    poNumber: po.poNumber,
    shipTo: checkedAddress('shipTo', request.shipTo),
    billTo: checkedAddress('billTo', request.billTo),
  };
}

function withoutTax(totals: OrderTotals): OrderTotals & { taxMinor: number } {
  return { ...totals, taxMinor: 0 };
}

/** A DTC order's totals: the special prices' savings as its discount, its tax added or inside. */
function dtcTotals(
  lines: OrderTotals,
  dtc: DtcOrderFacts,
  shipping: ResolvedShippingRate | null,
): OrderTotals & { taxMinor: number } {
  const { discountMinor, goodsTotalMinor, taxMinor, taxIncluded } = dtc.totals;
  const shippingMinor = shipping ? shippingCharge(shipping, goodsTotalMinor) : 0;
  return {
    ...lines,
    discountMinor,
    goodsTotalMinor,
    shippingMinor,
    totalMinor: goodsTotalMinor + (taxIncluded ? 0 : taxMinor) + shippingMinor,
    taxMinor,
  };
}

/** An address snapshot as the order keeps it, or every field's problem at its path. */
function checkedAddress(path: string, address: AddressFields | null): AddressFields | null {
  if (address === null) return null;
  const problems = Object.entries(addressProblems(address));
  if (problems.length > 0) {
    throw new HubRefusal(400, 'invalid_input', `The ${path} address is not complete.`, {
      issues: problems.map(([field, problem]) => ({
        path: `${path}.${field}`,
        code: problem.code,
      })),
    });
  }
  return normalizedAddress(address);
}
