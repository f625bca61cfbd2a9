import { sql } from 'kysely';
import { OperationError, type OrderSummary } from '../../preload/contract/index.ts';
import { replicaDb } from '../store/database.ts';
import { completeCheckout } from '../sync/mutators/orders.ts';
import { changeLocally, type LocalChangeServices } from './local-change.ts';

/** Orders on the desktop: those of the person's selections (an admin's: all), from sync. */
function ordersQuery(services: LocalChangeServices) {
  return replicaDb(services.db)
    .selectFrom('orders as o')
    .leftJoin('buyers as b', 'b.id', 'o.buyer_id')
    .leftJoin('selections as s', 's.id', 'o.selection_id')
    .selectAll('o')
    .select((eb) => [
      'b.name as buyer_name',
      's.name as selection_name',
      eb
        .exists(
          eb
            .selectFrom('outbox')
            .select('outbox.seq')
            .where('outbox.subject', '=', sql<string>`'order:' || o.id`),
        )
        .as('waiting'),
    ]);
}

type OrderRow = Awaited<ReturnType<ReturnType<typeof ordersQuery>['executeTakeFirstOrThrow']>>;

function toSummary(row: OrderRow): OrderSummary {
  return {
    id: row.id,
    source: row.source,
    number: row.number,
    unitsShort: row.units_short,
    buyer: row.buyer_name ?? '',
    selection: row.selection_name,
    status: row.status,
    contact: { name: row.contact_name, email: row.contact_email, phone: row.contact_phone },
    note: row.note,
    units: row.units,
    total: { amountMinor: row.total_minor, currency: row.currency },
    createdAt: row.created_at,
    completedAt: row.completed_at,
    waitingToSync: Boolean(row.waiting),
  };
}

export async function listOrders(services: LocalChangeServices): Promise<OrderSummary[]> {
  const rows = await ordersQuery(services).orderBy('o.created_at', 'desc').limit(1000).execute();
  return rows.map(toSummary);
}

export async function completeCheckoutLocally(
  services: LocalChangeServices,
  orderId: string,
): Promise<OrderSummary> {
  await changeLocally(
    services,
    completeCheckout,
    { orderId },
    {
      field: 'orderId',
      doing: 'complete checkouts',
    },
  );
  const row = await ordersQuery(services).where('o.id', '=', orderId).executeTakeFirst();
  if (!row) throw new OperationError('not_found', 'This order no longer exists.');
  return toSummary(row);
}
