import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  customerOrderLinkProblems,
  customerOrderLinkState,
  LINK_ADDRESS_PREFIX,
  rateGroupOverlap,
  type LinkProblem,
} from '../domain/customer-order-links.ts';
import { addressWithTicket } from '../domain/link-sign-in-tickets.ts';
import type { CatalogStatus } from '../domain/model.ts';
import { can } from '../domain/permissions.ts';
import type { ShippingRate } from '../domain/shipping-rates.ts';
import { hashPassword } from '../hub/auth/passwords.ts';
import { newToken } from '../hub/auth/tokens.ts';
import {
  OperationError,
  type CustomerOrderLinkChoices,
  type CustomerOrderLinkDetail,
  type CustomerOrderLinksOverview,
  type CustomerOrderLinkSummary,
  type FieldIssue,
  type LinkSettingsInput,
} from '../../preload/contract/index.ts';
import { replicaDb } from '../store/database.ts';
import {
  createCustomerOrderLink,
  saveCustomerOrderLink,
  setCustomerOrderLinkDisabled,
} from '../sync/mutators/customer-order-links.ts';
import { changeLocally, signedInAccount } from './local-change.ts';
import { askHub } from './mail.ts';
import { linkAddress, type ShareLinkServices } from './share-links.ts';

/**
 * Customer order links on the desktop. A link is made here, offline too: its token comes
 * from the CSPRNG and its passcode is hashed here, so neither the passcode nor anything
 * but the token's hash waits in the replica's synced rows; this device keeps the token
 * beside them to copy the link before the hub has it. Another device asks the hub.
 */
const DOING = 'manage customer order links';

function linksQuery(services: ShareLinkServices) {
  const account = signedInAccount(services, DOING);
  const db = replicaDb(services.db);
  let query = db
    .selectFrom('customer_order_links as l')
    .leftJoin('staff_users as u', 'u.id', 'l.created_by')
    .selectAll('l')
    .select((eb) => [
      eb.fn.coalesce('u.name', sql<string>`''`).as('creator_name'),
      eb
        .exists(
          eb
            .selectFrom('outbox')
            .select('outbox.seq')
            .where('outbox.subject', '=', sql<string>`'customer-order-link:' || l.id`),
        )
        .as('waiting'),
      eb
        .exists(
          eb
            .selectFrom('outbox')
            .select('outbox.seq')
            .where('outbox.subject', '=', sql<string>`'customer-order-link:' || l.id`)
            .where('outbox.mutation', '=', createCustomerOrderLink.name),
        )
        .as('not_on_hub'),
    ]);
  if (!can(account.role, 'manageEveryCustomerOrderLink')) {
    query = query.where('l.created_by', '=', account.userId);
  }
  return query;
}

type LinkRow = Awaited<ReturnType<ReturnType<typeof linksQuery>['executeTakeFirstOrThrow']>>;

/** What was ordered through each link, cancelled orders aside: how many, and the totals per currency. */
async function ordersThrough(
  services: ShareLinkServices,
  linkIds: readonly string[],
): Promise<Map<string, Pick<CustomerOrderLinkSummary, 'orders' | 'orderTotals'>>> {
  const found = new Map<string, Pick<CustomerOrderLinkSummary, 'orders' | 'orderTotals'>>();
  if (linkIds.length === 0) return found;
  const rows = await replicaDb(services.db)
    .selectFrom('orders')
    .select((eb) => [
      'customer_order_link_id as link_id',
      'currency',
      eb.fn.countAll<number>().as('orders'),
      eb.fn.sum<number>('total_minor').as('total'),
    ])
    .where('customer_order_link_id', 'in', [...linkIds])
    .where('status', '!=', 'Cancelled')
    .groupBy(['customer_order_link_id', 'currency'])
    .execute();
  for (const row of rows) {
    const entry = found.get(row.link_id!) ?? { orders: 0, orderTotals: [] };
    entry.orders += Number(row.orders);
    entry.orderTotals.push({ amountMinor: Number(row.total), currency: row.currency });
    found.set(row.link_id!, entry);
  }
  return found;
}

function summaryOf(
  row: LinkRow,
  catalogs: ReadonlyMap<string, { id: string; name: string; status: CatalogStatus }>,
  now: Date,
  ordered: Pick<CustomerOrderLinkSummary, 'orders' | 'orderTotals'> = {
    orders: 0,
    orderTotals: [],
  },
): CustomerOrderLinkSummary {
  const catalogIds = JSON.parse(row.catalog_ids) as string[];
  return {
    id: row.id,
    name: row.name,
    catalogs: catalogIds.flatMap((id) => {
      const catalog = catalogs.get(id);
      return catalog ? [catalog] : [];
    }),
    viewOnly: row.view_only === 1,
    releaseAt: row.release_at,
    expiresAt: row.expires_at,
    passcodeEnabled: row.passcode_enabled === 1,
    state: row.not_on_hub
      ? 'waiting'
      : customerOrderLinkState(
          { releaseAt: row.release_at, expiresAt: row.expires_at, disabledAt: row.disabled_at },
          now,
        ),
    waitingToSync: Boolean(row.waiting),
    opens: row.open_count,
    ...ordered,
    createdBy: row.creator_name,
    createdAt: row.created_at,
  };
}

async function choices(services: ShareLinkServices): Promise<CustomerOrderLinkChoices> {
  const db = replicaDb(services.db);
  const [catalogs, groups, lookbooks] = await Promise.all([
    db.selectFrom('catalogs').select(['id', 'name', 'status']).orderBy('name').execute(),
    db.selectFrom('shipping_rate_groups').select(['id', 'name', 'rates']).orderBy('name').execute(),
    db.selectFrom('lookbooks').select(['id', 'name', 'status']).orderBy('name').execute(),
  ]);
  return {
    catalogs,
    rateGroups: groups.map((group) => ({
      id: group.id,
      name: group.name,
      rates: (JSON.parse(group.rates) as ShippingRate[]).map(({ country, currency }) => ({
        country,
        currency,
      })),
    })),
    lookbooks,
  };
}

export async function customerOrderLinksOverview(
  services: ShareLinkServices,
): Promise<CustomerOrderLinksOverview> {
  const [rows, options] = await Promise.all([
    linksQuery(services).orderBy('l.created_at', 'desc').orderBy('l.id', 'desc').execute(),
    choices(services),
  ]);
  const catalogs = new Map(options.catalogs.map((catalog) => [catalog.id, catalog]));
  const now = services.clock();
  const ordered = await ordersThrough(
    services,
    rows.map((row) => row.id),
  );
  return {
    links: rows.map((row) => summaryOf(row, catalogs, now, ordered.get(row.id))),
    choices: options,
  };
}

async function linkSummary(
  services: ShareLinkServices,
  id: string,
): Promise<CustomerOrderLinkSummary> {
  const [row, options] = await Promise.all([
    linksQuery(services).where('l.id', '=', id).executeTakeFirst(),
    choices(services),
  ]);
  if (!row) throw new OperationError('not_found', 'This customer order link no longer exists.');
  const catalogs = new Map(options.catalogs.map((catalog) => [catalog.id, catalog]));
  const ordered = await ordersThrough(services, [id]);
  return summaryOf(row, catalogs, services.clock(), ordered.get(id));
}

export async function customerOrderLinkDetail(
  services: ShareLinkServices,
  id: string,
): Promise<CustomerOrderLinkDetail> {
  const row = await linksQuery(services).where('l.id', '=', id).executeTakeFirst();
  if (!row) throw new OperationError('not_found', 'This customer order link no longer exists.');
  const summary = summaryOf(row, new Map(), services.clock());
  return {
    id: row.id,
    settings: {
      name: row.name,
      description: row.description,
      viewOnly: row.view_only === 1,
      offlineBuyerTransition: row.offline_buyer_transition === 1,
      addressField: row.address_field,
      releaseAt: row.release_at,
      expiresAt: row.expires_at,
      passcodeEnabled: row.passcode_enabled === 1,
      catalogIds: JSON.parse(row.catalog_ids) as string[],
      paymentMethods: JSON.parse(row.payment_methods) as LinkSettingsInput['paymentMethods'],
      shippingRateGroupIds: JSON.parse(row.shipping_rate_group_ids) as string[],
      video: row.video ? (JSON.parse(row.video) as LinkSettingsInput['video']) : null,
      background: JSON.parse(row.background) as LinkSettingsInput['background'],
      lookbookIds: JSON.parse(row.lookbook_ids) as string[],
      contacts: JSON.parse(row.contacts) as LinkSettingsInput['contacts'],
    },
    hasPasscode: row.passcode_enabled === 1,
    state: summary.state,
    waitingToSync: summary.waitingToSync,
  };
}

/** Every problem of the settings at its field (domain, then the rate groups named), or none. */
async function refuseProblems(
  services: ShareLinkServices,
  settings: LinkSettingsInput,
  passcode: string | null,
  hasPasscode: boolean,
): Promise<void> {
  const problems: LinkProblem[] = customerOrderLinkProblems(settings, { passcode, hasPasscode });
  const groupIds = [...new Set(settings.shippingRateGroupIds)];
  if (groupIds.length > 0) {
    const groups = await replicaDb(services.db)
      .selectFrom('shipping_rate_groups')
      .select(['id', 'name', 'rates'])
      .where('id', 'in', groupIds)
      .execute();
    const overlap = rateGroupOverlap(
      groups.map((group) => ({ ...group, rates: JSON.parse(group.rates) as ShippingRate[] })),
    );
    if (overlap) problems.push(overlap);
  }
  if (problems.length === 0) return;
  const issues: FieldIssue[] = problems.map(({ field, code, params }) => ({
    path: field,
    message: `This link is not valid (${code}).`,
    code,
    params,
  }));
  throw new OperationError('invalid_input', issues[0]!.message, issues);
}

export async function createCustomerOrderLinkLocally(
  services: ShareLinkServices,
  input: { settings: LinkSettingsInput; passcode: string | null },
): Promise<{ link: CustomerOrderLinkSummary; url: string }> {
  await refuseProblems(services, input.settings, input.passcode, false);
  const id = uuidv7();
  const token = newToken();
  const passcodeHash =
    input.settings.passcodeEnabled && input.passcode !== null
      ? await hashPassword(input.passcode)
      : null;
  await changeLocally(
    services,
    createCustomerOrderLink,
    { id, token, settings: input.settings, passcodeHash },
    { field: 'name', doing: DOING },
  );
  // Kept after the change: were the process to stop in between, the link still syncs and
  // this device copies it from the hub like any other.
  await replicaDb(services.db)
    .insertInto('customer_order_link_tokens')
    .values({ link_id: id, token })
    .execute();
  const [link, url] = await Promise.all([linkSummary(services, id), addressOf(services, token)]);
  return { link, url };
}

export async function saveCustomerOrderLinkLocally(
  services: ShareLinkServices,
  input: { id: string; settings: LinkSettingsInput; passcode: string | null },
): Promise<CustomerOrderLinkSummary> {
  const current = await customerOrderLinkDetail(services, input.id);
  await refuseProblems(services, input.settings, input.passcode, current.hasPasscode);
  const passcodeHash =
    input.settings.passcodeEnabled && input.passcode !== null
      ? await hashPassword(input.passcode)
      : null;
  await changeLocally(
    services,
    saveCustomerOrderLink,
    { id: input.id, settings: input.settings, passcodeHash },
    { field: 'name', doing: DOING },
  );
  return linkSummary(services, input.id);
}

export async function setCustomerOrderLinkDisabledLocally(
  services: ShareLinkServices,
  input: { id: string; disabled: boolean },
): Promise<CustomerOrderLinkSummary> {
  await changeLocally(services, setCustomerOrderLinkDisabled, input, {
    field: 'id',
    doing: DOING,
  });
  return linkSummary(services, input.id);
}

async function addressOf(services: ShareLinkServices, token: string): Promise<string> {
  const address = await linkAddress(services);
  return `${address.bases[0]}${LINK_ADDRESS_PREFIX}${token}`;
}

/**
 * The link's address: from the token this device kept when it made the link, else from
 * the hub, which gives it to the link's maker and admins. Offline, only the former.
 */
export async function customerOrderLinkAddress(
  services: ShareLinkServices,
  id: string,
): Promise<{ url: string }> {
  await linkSummary(services, id);
  const kept = await replicaDb(services.db)
    .selectFrom('customer_order_link_tokens')
    .select('token')
    .where('link_id', '=', id)
    .executeTakeFirst();
  const token =
    kept?.token ??
    (
      await askHub(services.session, 'Copying a link made on another computer', (client, token) =>
        client.customerOrderLinkToken(token, id),
      )
    ).token;
  return { url: await addressOf(services, token) };
}

/**
 * "Open as <buyer>": the address that opens a live link in the browser logged in as the
 * buyer, on the brand's behalf. Only the hub issues the one-time ticket, so offline this
 * refuses (`unavailable`) and the rep places the order in the desktop instead.
 */
export async function openCustomerOrderLinkAsBuyer(
  services: ShareLinkServices,
  input: { linkId: string; buyerId: string },
): Promise<{ url: string }> {
  const { ticket } = await askHub(services.session, 'Opening a link as a buyer', (client, token) =>
    client.customerOrderLinkSignInTicket(token, input.linkId, input.buyerId),
  );
  const { url } = await customerOrderLinkAddress(services, input.linkId);
  return { url: addressWithTicket(url, ticket) };
}
