import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AddressFields } from '../domain/addresses.ts';
import { dtcCustomerProblems } from '../domain/dtc-customers.ts';
import {
  OperationError,
  type DtcCustomerDetail,
  type DtcCustomerInput,
  type DtcCustomerList,
  type DtcMarket,
  type FieldIssue,
} from '../../preload/contract/index.ts';
import { replicaDb, type StoreDb } from '../store/database.ts';
import {
  createDtcCustomer,
  dtcCustomerSubject,
  saveDtcCustomer,
} from '../sync/mutators/dtc-customers.ts';
import { dtcOrders, dtcSelectionSummaries } from './dtc-selections.ts';
import { changeLocally, type LocalChangeServices } from './local-change.ts';
import { listRefusals } from './sync.ts';

/**
 * DTC customers on the desktop: every staff member's replica holds them all, so the
 * Customers tab searches them offline and a new one is checked against every email the
 * desktop knows before the hub judges it again.
 */
const DOING = 'serve DTC customers';

/** How many customers one search answers; the list says how many more match. */
export const DTC_CUSTOMER_PAGE = 500;

export async function dtcMarkets(services: LocalChangeServices): Promise<DtcMarket[]> {
  return replicaDb(services.db)
    .selectFrom('markets as m')
    .innerJoin('pricelists as p', 'p.id', 'm.pricelist_id')
    .select([
      'm.id',
      'm.name',
      'm.pricelist_id as pricelistId',
      'p.name as pricelistName',
      'p.currency',
    ])
    .orderBy('m.name')
    .execute();
}

/** Customers whose name (either order) or email holds the query, by last and first name. */
export async function listDtcCustomers(store: StoreDb, query: string): Promise<DtcCustomerList> {
  const db = replicaDb(store);
  const words = query.trim().toLowerCase();
  const pattern = `%${words.replace(/[\\%_]/g, '\\$&')}%`;
  let base = db.selectFrom('dtc_customers as c');
  if (words !== '') {
    const like = (column: RawBuilder<unknown>) =>
      sql<SqlBool>`lower(${column}) like ${pattern} escape '\\'`;
    base = base.where((eb) =>
      eb.or([
        like(sql`c.first_name || ' ' || c.last_name`),
        like(sql`c.last_name || ' ' || c.first_name`),
        like(sql`c.email`),
      ]),
    );
  }
  const [rows, total] = await Promise.all([
    base
      .leftJoin('markets as m', 'm.id', 'c.market_id')
      .select((eb) => [
        'c.id',
        'c.first_name as firstName',
        'c.last_name as lastName',
        'c.email',
        'c.country_code as countryCode',
        'c.market_id as marketId',
        eb.fn.coalesce('m.name', sql<string>`''`).as('marketName'),
        eb
          .selectFrom('dtc_selections as s')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('s.customer_id', '=', 'c.id')
          .where('s.deleted_at', 'is', null)
          .as('selections'),
        eb
          .exists(
            eb
              .selectFrom('outbox')
              .select('outbox.seq')
              .where('outbox.subject', '=', sql<string>`'dtc-customer:' || c.id`),
          )
          .as('waiting'),
      ])
      .orderBy(sql`lower(c.last_name)`)
      .orderBy(sql`lower(c.first_name)`)
      .orderBy('c.id')
      .limit(DTC_CUSTOMER_PAGE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    customers: rows.map(({ waiting, selections, ...row }) => ({
      ...row,
      selections: Number(selections ?? 0),
      waitingToSync: Boolean(waiting),
    })),
    total: Number(total.n),
  };
}

export async function dtcCustomerDetail(
  services: LocalChangeServices,
  id: string,
): Promise<DtcCustomerDetail> {
  const db = replicaDb(services.db);
  const row = await db
    .selectFrom('dtc_customers as c')
    .leftJoin('markets as m', 'm.id', 'c.market_id')
    .selectAll('c')
    .select((eb) => [
      eb.fn.coalesce('m.name', sql<string>`''`).as('market_name'),
      eb
        .exists(
          eb
            .selectFrom('outbox')
            .select('outbox.seq')
            .where('outbox.subject', '=', dtcCustomerSubject(id)),
        )
        .as('waiting'),
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new OperationError('not_found', 'This customer no longer exists.');
  const [selections, orders, refusals] = await Promise.all([
    dtcSelectionSummaries(services, { customerId: id }),
    dtcOrders(services, { customerId: id }),
    listRefusals(services.db, dtcCustomerSubject(id)),
  ]);
  return {
    id: row.id,
    card: {
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
      phone: row.phone,
      countryCode: row.country_code,
      marketId: row.market_id,
      addresses: JSON.parse(row.addresses) as AddressFields[],
    },
    marketName: row.market_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    waitingToSync: Boolean(row.waiting),
    selections,
    orders,
    refusals,
  };
}

/**
 * Every problem of the card at its field, with its code for the form to word, or none.
 * The email is checked against every customer this desktop holds (all of them): the
 * hub checks again, for a customer made meanwhile on another device.
 */
async function refuseProblems(
  services: LocalChangeServices,
  id: string | null,
  card: DtcCustomerInput,
): Promise<void> {
  const problems = dtcCustomerProblems(card);
  if (!problems.some((problem) => problem.field === 'email')) {
    let other = replicaDb(services.db)
      .selectFrom('dtc_customers')
      .select('id')
      .where(sql<string>`lower(email)`, '=', card.email.trim().toLowerCase());
    if (id) other = other.where('id', '!=', id);
    if (await other.executeTakeFirst()) {
      problems.push({ field: 'email', code: 'customer_email_taken', params: {} });
    }
  }
  if (problems.length === 0) return;
  const issues: FieldIssue[] = problems.map(({ field, code, params }) => ({
    path: field,
    message:
      code === 'customer_email_taken'
        ? 'Another customer already has this email.'
        : `This customer is not valid (${field}: ${code}).`,
    code,
    params,
  }));
  throw new OperationError(
    problems[0]!.code === 'customer_email_taken' ? 'conflict' : 'invalid_input',
    issues[0]!.message,
    issues,
  );
}

export async function createDtcCustomerLocally(
  services: LocalChangeServices,
  card: DtcCustomerInput,
): Promise<DtcCustomerDetail> {
  await refuseProblems(services, null, card);
  const id = uuidv7();
  await changeLocally(services, createDtcCustomer, { id, card }, { field: 'email', doing: DOING });
  return dtcCustomerDetail(services, id);
}

export async function saveDtcCustomerLocally(
  services: LocalChangeServices,
  input: { id: string; card: DtcCustomerInput },
): Promise<DtcCustomerDetail> {
  await dtcCustomerDetail(services, input.id);
  await refuseProblems(services, input.id, input.card);
  await changeLocally(services, saveDtcCustomer, input, { field: 'email', doing: DOING });
  return dtcCustomerDetail(services, input.id);
}
