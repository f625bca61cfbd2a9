import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { dtcCustomerName } from '../domain/dtc-customers.ts';
import { dtcSelectionProblems } from '../domain/dtc-selections.ts';
import {
  OperationError,
  type DtcOrderRow,
  type DtcScannedSku,
  type DtcSelectionDetail,
  type DtcSelectionSaveInput,
  type DtcSelectionSummary,
  type FieldIssue,
} from '../../preload/contract/index.ts';
import { replicaDb } from '../store/database.ts';
import { skuByBarcode } from '../store/selection-queries.ts';
import {
  createDtcSelection,
  dtcSelectionSubject,
  saveDtcSelection,
} from '../sync/mutators/dtc-selections.ts';
import { dtcLinksOf } from './dtc-links.ts';
import { changeLocally, type LocalChangeServices } from './local-change.ts';
import { listRefusals } from './sync.ts';

/**
 * DTC selections on the desktop: a customer's basket in one market, at the retail
 * prices of the pricelist fixed when it was made, with special prices per line. The
 * editor keeps what is typed until "Save" sends the name and every line at once.
 */
const DOING = 'make DTC selections';

function summaryQuery(services: LocalChangeServices) {
  return replicaDb(services.db)
    .selectFrom('dtc_selections as s')
    .innerJoin('dtc_customers as c', 'c.id', 's.customer_id')
    .innerJoin('markets as m', 'm.id', 's.market_id')
    .innerJoin('pricelists as p', 'p.id', 's.pricelist_id')
    .leftJoin('staff_users as u', 'u.id', 's.owner_id')
    .leftJoin('orders as o', 'o.id', 's.deleted_by_order_id')
    .select((eb) => [
      's.id',
      's.name',
      's.customer_id',
      'c.first_name',
      'c.last_name',
      'm.name as market_name',
      'p.currency',
      's.updated_at',
      's.deleted_at',
      's.deleted_by_order_id',
      'o.number as order_number',
      eb.fn.coalesce('u.name', sql<string>`''`).as('owner_name'),
      eb
        .selectFrom('dtc_selection_lines as l')
        .leftJoin('prices as pr', (join) =>
          join.onRef('pr.sku_id', '=', 'l.sku_id').onRef('pr.pricelist_id', '=', 's.pricelist_id'),
        )
        .select(
          sql<string>`count(*) || ':' || coalesce(sum(l.quantity), 0) || ':' ||
            coalesce(sum(l.quantity * coalesce(l.special_price_minor, pr.retail_minor, 0)), 0)`.as(
            'sums',
          ),
        )
        .whereRef('l.selection_id', '=', 's.id')
        .as('sums'),
    ]);
}

/** The selections this person sees (their own; an admin every one), newest change first. */
export async function dtcSelectionSummaries(
  services: LocalChangeServices,
  filter: { customerId: string },
): Promise<DtcSelectionSummary[]> {
  const rows = await summaryQuery(services)
    .where('s.customer_id', '=', filter.customerId)
    .orderBy('s.updated_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
  return rows.map((row) => {
    const [lines, units, total] = (row.sums ?? '0:0:0').split(':').map(Number);
    return {
      id: row.id,
      name: row.name,
      customerId: row.customer_id,
      customerName: dtcCustomerName({ firstName: row.first_name, lastName: row.last_name }),
      marketName: row.market_name,
      currency: row.currency,
      lines: lines ?? 0,
      units: units ?? 0,
      total: { amountMinor: total ?? 0, currency: row.currency },
      owner: row.owner_name,
      updatedAt: row.updated_at,
      deletedAt: row.deleted_at,
      deletedByOrder: row.deleted_by_order_id
        ? { id: row.deleted_by_order_id, number: row.order_number }
        : null,
    };
  });
}

/** The newest orders the Orders tab lists. */
export const DTC_ORDERS_SHOWN = 500;

/**
 * Orders bought through DTC checkout links: an order's selection is a DTC selection
 * (true of every such order, whatever columns the hub adds for them), newest first.
 */
export async function dtcOrders(
  services: LocalChangeServices,
  filter: { customerId?: string } = {},
): Promise<DtcOrderRow[]> {
  let query = replicaDb(services.db)
    .selectFrom('orders as o')
    .innerJoin('dtc_selections as s', 's.id', 'o.selection_id')
    .innerJoin('dtc_customers as c', 'c.id', 's.customer_id')
    .select([
      'o.id',
      'o.number',
      'o.status',
      'o.total_minor',
      'o.currency',
      'o.created_at',
      'o.contact_name',
      'o.payment_status',
      's.customer_id',
      's.name as selection_name',
      'c.first_name',
      'c.last_name',
    ]);
  if (filter.customerId) query = query.where('s.customer_id', '=', filter.customerId);
  const rows = await query
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(DTC_ORDERS_SHOWN)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    status: row.status,
    customerId: row.customer_id,
    customerName: dtcCustomerName({ firstName: row.first_name, lastName: row.last_name }),
    boughtBy: row.contact_name,
    payment: row.payment_status,
    selectionName: row.selection_name,
    total: { amountMinor: row.total_minor, currency: row.currency },
    createdAt: row.created_at,
  }));
}

export async function openDtcSelection(
  services: LocalChangeServices,
  id: string,
): Promise<DtcSelectionDetail> {
  const db = replicaDb(services.db);
  const head = await db
    .selectFrom('dtc_selections as s')
    .innerJoin('dtc_customers as c', 'c.id', 's.customer_id')
    .innerJoin('markets as m', 'm.id', 's.market_id')
    .innerJoin('pricelists as p', 'p.id', 's.pricelist_id')
    .leftJoin('staff_users as u', 'u.id', 's.owner_id')
    .leftJoin('orders as o', 'o.id', 's.deleted_by_order_id')
    .selectAll('s')
    .select([
      'c.first_name',
      'c.last_name',
      'c.email',
      'm.name as market_name',
      'p.name as pricelist_name',
      'p.currency',
      'u.name as owner_name',
      'o.number as order_number',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!head) throw new OperationError('not_found', 'This selection no longer exists.');
  const [lines, links, refusals, waiting] = await Promise.all([
    db
      .selectFrom('dtc_selection_lines as l')
      .innerJoin('skus as k', 'k.id', 'l.sku_id')
      .innerJoin('products as pr', 'pr.id', 'k.product_id')
      .innerJoin('colorways as cw', 'cw.id', 'k.colorway_id')
      .leftJoin('prices as price', (join) =>
        join
          .onRef('price.sku_id', '=', 'l.sku_id')
          .on('price.pricelist_id', '=', head.pricelist_id),
      )
      .select([
        'l.sku_id as skuId',
        'pr.id as styleId',
        'pr.style_number as styleNumber',
        'pr.name',
        'cw.name as colour',
        'cw.color_hex as colorHex',
        'k.size',
        'l.quantity',
        'price.retail_minor as retailMinor',
        'l.special_price_minor as specialPriceMinor',
      ])
      .where('l.selection_id', '=', id)
      .orderBy('l.added_at')
      .orderBy('pr.style_number')
      .orderBy('cw.position')
      .orderBy('k.position')
      .execute(),
    dtcLinksOf(services, id),
    listRefusals(services.db, dtcSelectionSubject(id)),
    db
      .selectFrom('outbox')
      .select('seq')
      .where('subject', '=', dtcSelectionSubject(id))
      .limit(1)
      .executeTakeFirst(),
  ]);
  return {
    id: head.id,
    name: head.name,
    customer: {
      id: head.customer_id,
      name: dtcCustomerName({ firstName: head.first_name, lastName: head.last_name }),
      email: head.email,
    },
    market: {
      id: head.market_id,
      name: head.market_name,
      pricelistId: head.pricelist_id,
      pricelistName: head.pricelist_name,
      currency: head.currency,
    },
    owner: { id: head.owner_id, name: head.owner_name ?? '' },
    lines,
    updatedAt: head.updated_at,
    deletedAt: head.deleted_at,
    deletedByOrder: head.deleted_by_order_id
      ? { id: head.deleted_by_order_id, number: head.order_number }
      : null,
    waitingToSync: waiting !== undefined,
    links,
    refusals,
  };
}

export async function createDtcSelectionLocally(
  services: LocalChangeServices,
  input: { customerId: string; marketId: string; name: string },
): Promise<DtcSelectionDetail> {
  const name = input.name.trim();
  const problem = dtcSelectionProblems({ name, lines: [] })[0];
  if (problem) {
    const message = `This selection is not valid (${problem.code}).`;
    throw new OperationError('invalid_input', message, [
      { path: 'name', message, code: problem.code, params: problem.params },
    ]);
  }
  const id = uuidv7();
  await changeLocally(
    services,
    createDtcSelection,
    { id, customerId: input.customerId, marketId: input.marketId, name },
    { field: 'name', doing: DOING },
  );
  return openDtcSelection(services, id);
}

/** "Save": the name and the whole set of lines, each problem at its line's field. */
export async function saveDtcSelectionLocally(
  services: LocalChangeServices,
  input: z.output<typeof DtcSelectionSaveInput>,
): Promise<DtcSelectionDetail> {
  const problems = dtcSelectionProblems(input);
  if (problems.length > 0) {
    const issues: FieldIssue[] = problems.map(({ field, code, params }) => ({
      path: field,
      message: `This selection is not valid (${field}: ${code}).`,
      code,
      params,
    }));
    throw new OperationError('invalid_input', issues[0]!.message, issues);
  }
  await changeLocally(
    services,
    saveDtcSelection,
    { id: input.selectionId, name: input.name, lines: input.lines },
    { field: 'lines', doing: DOING },
  );
  return openDtcSelection(services, input.selectionId);
}

/** The size a scanned barcode names, priced on the selection's pricelist, for the editor to add. */
export async function scanForDtcSelection(
  services: LocalChangeServices,
  input: { selectionId: string; code: string },
): Promise<DtcScannedSku> {
  const selection = await openDtcSelection(services, input.selectionId);
  const sku = await skuByBarcode(services.db, input.code);
  if (!sku) {
    const message = `No size in the catalog has the barcode ${input.code}.`;
    throw new OperationError('not_found', message, [{ path: 'code', message }]);
  }
  const row = await replicaDb(services.db)
    .selectFrom('skus as k')
    .innerJoin('colorways as cw', 'cw.id', 'k.colorway_id')
    .leftJoin('prices as price', (join) =>
      join
        .onRef('price.sku_id', '=', 'k.id')
        .on('price.pricelist_id', '=', selection.market.pricelistId),
    )
    .select(['k.product_id', 'cw.color_hex', 'price.retail_minor'])
    .where('k.id', '=', sku.id)
    .executeTakeFirstOrThrow();
  return {
    skuId: sku.id,
    styleId: row.product_id,
    styleNumber: sku.style_number,
    name: sku.name,
    colour: sku.colour,
    colorHex: row.color_hex,
    size: sku.size,
    retailMinor: row.retail_minor,
  };
}
