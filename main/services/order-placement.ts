import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  OperationError,
  type FieldIssue,
  type PlaceBoothOrderInput,
  type PlacedBoothOrder,
  type PlacementDraft,
  type PlacementGroup,
  type ShippingChoice,
} from '../../preload/contract/index.ts';
import type { AddressKind } from '../domain/addresses.ts';
import {
  boothOrderProblems,
  defaultDeliveryWindow,
  hasBoothOrderProblems,
  unitsOver,
  type BoothOrderProblems,
} from '../domain/booth-order.ts';
import { deviceShortId, formatOrderNumber } from '../domain/order-number.ts';
import { paymentMethodsOffered, WITHOUT_CARD_FLOW } from '../domain/order-states.ts';
import { replicaDb } from '../store/database.ts';
import { selectionHead, type SelectionHeadRow } from '../store/selection-queries.ts';
import { catalogGroupIdsOf, shippingOptions } from '../store/shipping-queries.ts';
import { placeBoothOrder, rateAsAgreed } from '../sync/mutators/order-placement.ts';
import { desktopAvailability } from './availability.ts';
import { readAddressBook, saveAddressLocally } from './buyer-addresses.ts';
import { changeLocally, signedInAccount, type LocalChangeServices } from './local-change.ts';
import { pricedLines, readSelectionSheet, type SelectionSheet } from './selection-sheet.ts';

/**
 * A booth order on the desktop: the selection's sizes at the buyer's terms, placed for
 * its buyer through the replica at once (works with the hub unreachable) and pushed to
 * the hub, which places it for good as a fact (main/sync/mutators/order-placement.ts).
 */

const DOING = 'place orders';

async function requireHead(services: LocalChangeServices, selectionId: string) {
  const head = await selectionHead(services.db, selectionId);
  if (!head) throw new OperationError('not_found', 'This selection no longer exists.');
  if (!head.currency) {
    throw new OperationError('conflict', "This buyer's pricelist has no currency to order in.");
  }
  return { ...head, currency: head.currency };
}

/** The rep's calendar date, in the OS's time zone, as a delivery window counts days. */
function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The lines as the order will hold them, grouped by style and colourway, with availability. */
async function orderGroups(
  services: LocalChangeServices,
  head: SelectionHeadRow & { currency: string },
  sheet: SelectionSheet,
) {
  const lines = pricedLines(sheet.lines);
  const { warehouse, available } = await desktopAvailability(
    services.db,
    head.buyer_id,
    lines.map((line) => line.skuId),
  );
  const groups: PlacementGroup[] = sheet.lines.flatMap((line) => {
    const sizes = line.cells.flatMap((cell) => {
      if (cell.quantity === 0 || !cell.unitPrice) return [];
      const there = warehouse === null ? null : (available.get(cell.skuId) ?? 0);
      return [
        {
          skuId: cell.skuId,
          size: cell.size,
          quantity: cell.quantity,
          unitPrice: cell.unitPrice,
          available: there,
          short: unitsOver(cell.quantity, there),
        },
      ];
    });
    if (sizes.length === 0) return [];
    return [
      {
        styleId: line.styleId,
        styleNumber: line.styleNumber,
        name: line.name,
        colorway: line.colorway,
        sizes,
        units: line.units,
        amount: line.amount ?? { amountMinor: 0, currency: head.currency },
        orderRefusal: line.orderRefusal,
      },
    ];
  });
  return { lines, groups, warehouse };
}

/** Catalogs past their deadline for the styles ordered, each with the styles it closes. */
function pastDeadlineOf(groups: readonly PlacementGroup[]): PlacementDraft['pastDeadline'] {
  const found = new Map<string, { catalog: string; deadline: string; styles: string[] }>();
  for (const group of groups) {
    const refusal = group.orderRefusal;
    if (refusal?.code !== 'deadline_passed') continue;
    const catalog = String(refusal.params.catalog);
    const entry = found.get(catalog) ?? {
      catalog,
      deadline: String(refusal.params.deadline),
      styles: [],
    };
    if (!entry.styles.includes(group.styleNumber)) entry.styles.push(group.styleNumber);
    found.set(catalog, entry);
  }
  return [...found.values()];
}

export async function placementDraft(
  services: LocalChangeServices,
  selectionId: string,
): Promise<PlacementDraft> {
  const head = await requireHead(services, selectionId);
  const now = services.clock();
  const sheet = await readSelectionSheet(services.db, head, { now, for: 'rep' });
  const [{ groups, warehouse }, addresses, buyer, deadlines] = await Promise.all([
    orderGroups(services, head, sheet),
    readAddressBook(services, head.buyer_id),
    services.db
      .selectFrom('buyers')
      .select('country_code')
      .where('id', '=', head.buyer_id)
      .executeTakeFirst(),
    services.db
      .selectFrom('catalog_products as cp')
      .innerJoin('catalogs as c', 'c.id', 'cp.catalog_id')
      .select('c.order_deadline_at')
      .where('cp.product_id', 'in', [
        ...new Set(sheet.lines.filter((line) => line.units > 0).map((line) => line.styleId)),
        '',
      ])
      .execute(),
  ]);
  const window = defaultDeliveryWindow(
    deadlines.map((row) => row.order_deadline_at),
    localDate(now),
  );
  return {
    selectionId,
    buyer: {
      id: head.buyer_id,
      name: head.buyer_name,
      countryCode: buyer?.country_code ?? null,
      currency: head.currency,
      discountBasisPoints: head.discount_bp,
    },
    groups,
    addresses,
    warehouse: warehouse?.name ?? null,
    unitsShort: groups.reduce(
      (sum, group) => sum + group.sizes.reduce((units, size) => units + size.short, 0),
      0,
    ),
    pastDeadline: pastDeadlineOf(groups),
    defaultWindow: { shipStart: window.shipStart!, cancelDate: window.cancelDate! },
    paymentMethods: paymentMethodsOffered(WITHOUT_CARD_FLOW),
  };
}

/**
 * The rates a booth order of a selection may choose from: the rate groups of the catalogs
 * holding its styles, else the brand's default (a booth order has no link).
 */
export async function shippingChoice(
  services: LocalChangeServices,
  destination: { selectionId: string; country: string; currency: string },
): Promise<ShippingChoice> {
  const lines = await services.db
    .selectFrom('selection_lines')
    .select('sku_id')
    .where('selection_id', '=', destination.selectionId)
    .where('quantity', '>', 0)
    .execute();
  const catalogGroupIds = await catalogGroupIdsOf(services.db, {
    skuIds: lines.map((line) => line.sku_id),
  });
  const options = await shippingOptions(
    services.db,
    { country: destination.country.trim().toUpperCase(), currency: destination.currency },
    { catalogGroupIds },
  );
  if (options.ok) return { ok: true, rates: options.rates };
  return {
    ok: false,
    code: 'no_shipping_rate',
    params: { country: String(options.params.country), currency: String(options.params.currency) },
  };
}

/** Each problem at its field, with the domain's code for the dialog to word. */
function issuesOf(problems: BoothOrderProblems): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const kind of ['shipTo', 'billTo'] as const) {
    for (const [field, problem] of Object.entries(problems[kind])) {
      issues.push({
        path: `${kind}.${field}`,
        message: `${kind}.${field}: ${problem.code}`,
        code: problem.code,
        ...('params' in problem ? { params: { ...problem.params } } : {}),
      });
    }
  }
  for (const [field, problem] of Object.entries(problems.fields)) {
    issues.push({
      path: field,
      message: `${field}: ${problem.code}`,
      code: problem.code,
      params: { ...problem.params },
    });
  }
  return issues;
}

export async function placeOrderLocally(
  services: LocalChangeServices,
  input: z.output<typeof PlaceBoothOrderInput>,
): Promise<PlacedBoothOrder> {
  const account = signedInAccount(services, DOING);
  const head = await requireHead(services, input.selectionId);
  const sheet = await readSelectionSheet(services.db, head, { now: services.clock(), for: 'rep' });
  const lines = pricedLines(sheet.lines);
  if (lines.length === 0) {
    throw new OperationError('invalid_input', 'This selection has nothing that can be ordered.', [
      { path: 'lines', message: 'nothing_to_order', code: 'nothing_to_order' },
    ]);
  }
  const late = sheet.lines.some(
    (line) => line.units > 0 && line.orderRefusal?.code === 'deadline_passed',
  );
  const choice = await shippingChoice(services, {
    selectionId: input.selectionId,
    country: input.shipTo.country,
    currency: head.currency,
  });
  const rate = choice.ok
    ? (choice.rates.find((option) => option.groupId === input.shippingGroupId) ?? null)
    : null;
  const problems = boothOrderProblems({ ...input, shipping: rate, currency: head.currency });
  const issues = issuesOf(problems);
  if (late && !input.acknowledgeDeadlines) {
    issues.push({
      path: 'acknowledgeDeadlines',
      message: 'acknowledgeDeadlines: deadline_passed',
      code: 'deadline_passed',
    });
  }
  if (hasBoothOrderProblems(problems) || issues.length > 0) {
    throw new OperationError(
      'invalid_input',
      'Check the order: some fields need attention.',
      issues,
    );
  }
  const { next_seq: seq } = await replicaDb(services.db)
    .selectFrom('sync_state')
    .select('next_seq')
    .executeTakeFirstOrThrow();
  const orderId = uuidv7();
  const number = formatOrderNumber({
    kind: 'provisional',
    deviceShortId: deviceShortId(account.deviceId),
    sequence: seq,
  });
  await changeLocally(
    services,
    placeBoothOrder,
    {
      orderId,
      selectionId: head.id,
      buyerId: head.buyer_id,
      provisionalNumber: number,
      currency: head.currency,
      discountBasisPoints: head.discount_bp,
      lines,
      shipTo: input.shipTo,
      billTo: input.billTo,
      shipping: rate && rateAsAgreed(rate),
      paymentMethod: input.paymentMethod,
      shipStart: input.shipStart,
      cancelDate: input.cancelDate,
      poNumber: input.poNumber,
      note: input.note,
      approvedBy: input.approvedBy,
    },
    { field: 'lines', doing: DOING },
  );
  // Typed addresses the rep asked to keep: after the order, which must not wait on them.
  const keep: [AddressKind, boolean, typeof input.shipTo][] = [
    ['ship_to', input.saveShipTo, input.shipTo],
    ['bill_to', input.saveBillTo, input.billTo],
  ];
  for (const [kind, save, address] of keep) {
    if (!save) continue;
    // A buyer has one bill-to: a new one typed here takes its place.
    const billTo =
      kind === 'bill_to' ? (await readAddressBook(services, head.buyer_id)).billTo : null;
    await saveAddressLocally(services, {
      buyerId: head.buyer_id,
      kind,
      address,
      ...(billTo ? { id: billTo.id } : {}),
    });
  }
  return { orderId, number, waitingToSync: true };
}
