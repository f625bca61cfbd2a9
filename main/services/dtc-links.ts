import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { mayLinkDtcSelection } from '../domain/dtc-selections.ts';
import { dtcLinkAddress, dtcLinkState } from '../domain/dtc.ts';
import { newToken } from '../hub/auth/tokens.ts';
import {
  OperationError,
  type DtcLinkSummary,
  type DtcSelectionDetail,
} from '../../preload/contract/index.ts';
import { replicaDb } from '../store/database.ts';
import { createDtcLink, dtcLinkSubject, killDtcLink } from '../sync/mutators/dtc-links.ts';
import { openDtcSelection } from './dtc-selections.ts';
import { changeLocally, type LocalChangeServices } from './local-change.ts';
import { askHub } from './mail.ts';
import { linkAddress, type ShareLinkServices } from './share-links.ts';

/**
 * One-time checkout links on the desktop, made as customer order links are: the token
 * comes from the CSPRNG here, offline too, and this device keeps it beside its replica
 * (`dtc_link_tokens`) to copy the link before the hub has it; another device asks the
 * hub, which keeps it sealed. The address is the brand's template filled in, else the
 * hub's own checkout page at the address buyers reach.
 */
const DOING = 'make checkout links';

/** A selection's links, newest first, each in the state the spec's list shows. */
export async function dtcLinksOf(
  services: LocalChangeServices,
  selectionId: string,
): Promise<DtcLinkSummary[]> {
  const rows = await replicaDb(services.db)
    .selectFrom('dtc_links as l')
    .leftJoin('staff_users as u', 'u.id', 'l.created_by')
    .leftJoin('orders as o', 'o.id', 'l.purchase_order_id')
    .selectAll('l')
    .select((eb) => [
      eb.fn.coalesce('u.name', sql<string>`''`).as('creator_name'),
      'o.number as order_number',
      eb
        .exists(
          eb
            .selectFrom('outbox')
            .select('outbox.seq')
            .where('outbox.mutation', '=', createDtcLink.name)
            .where('outbox.subject', '=', sql<string>`${dtcLinkSubject(selectionId, '')} || l.id`),
        )
        .as('not_on_hub'),
    ])
    .where('l.selection_id', '=', selectionId)
    .orderBy('l.created_at', 'desc')
    .orderBy('l.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    state: dtcLinkState({
      acceptedByHub: !row.not_on_hub,
      claimCount: row.claim_count,
      purchasedAt: row.purchased_at,
      killedAt: row.killed_at,
    }),
    lockQuantities: row.lock_quantities === 1,
    ignoreShipping: row.ignore_shipping === 1,
    ignoreTax: row.ignore_tax === 1,
    claims: row.claim_count,
    createdBy: row.creator_name,
    createdAt: row.created_at,
    purchasedAt: row.purchased_at,
    purchaseOrderNumber: row.order_number,
    killedAt: row.killed_at,
  }));
}

async function addressOf(services: ShareLinkServices, linkId: string, token: string) {
  const [address, brand] = await Promise.all([
    linkAddress(services),
    replicaDb(services.db)
      .selectFrom('brand_settings')
      .select('dtc_link_template')
      .executeTakeFirst(),
  ]);
  return dtcLinkAddress(brand?.dtc_link_template ?? null, address.bases[0]!, linkId, token);
}

export async function createDtcLinkLocally(
  services: ShareLinkServices,
  input: {
    selectionId: string;
    lockQuantities: boolean;
    ignoreShipping: boolean;
    ignoreTax: boolean;
  },
): Promise<{ link: DtcLinkSummary; url: string }> {
  const selection = await openDtcSelection(services, input.selectionId);
  const may = mayLinkDtcSelection({
    deletedAt: selection.deletedAt,
    lineCount: selection.lines.length,
  });
  if (!may.ok) {
    const message =
      may.code === 'selection_deleted'
        ? 'This selection was bought through one of its links.'
        : 'Add products to the selection and save it before making a link.';
    throw new OperationError('invalid_input', message, [
      { path: 'selectionId', message, code: may.code, params: may.params },
    ]);
  }
  const id = uuidv7();
  const token = newToken();
  await changeLocally(
    services,
    createDtcLink,
    { id, token, ...input },
    { field: 'selectionId', doing: DOING },
  );
  // Kept after the change: were the process to stop in between, the link still syncs and
  // this device copies it from the hub like any other.
  await replicaDb(services.db)
    .insertInto('dtc_link_tokens')
    .values({ link_id: id, token })
    .execute();
  const links = await dtcLinksOf(services, input.selectionId);
  return { link: links.find((link) => link.id === id)!, url: await addressOf(services, id, token) };
}

export async function killDtcLinkLocally(
  services: ShareLinkServices,
  id: string,
): Promise<DtcSelectionDetail> {
  const link = await replicaDb(services.db)
    .selectFrom('dtc_links')
    .select('selection_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!link) throw new OperationError('not_found', 'This checkout link no longer exists.');
  await changeLocally(
    services,
    killDtcLink,
    { id, selectionId: link.selection_id },
    { field: 'id', doing: DOING },
  );
  return openDtcSelection(services, link.selection_id);
}

/**
 * The link's address: from the token this device kept when it made the link, else from
 * the hub, which gives it to whoever may see the link. Offline, only the former.
 */
export async function dtcLinkAddressOf(
  services: ShareLinkServices,
  id: string,
): Promise<{ url: string }> {
  const db = replicaDb(services.db);
  const link = await db
    .selectFrom('dtc_links')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!link) throw new OperationError('not_found', 'This checkout link no longer exists.');
  const kept = await db
    .selectFrom('dtc_link_tokens')
    .select('token')
    .where('link_id', '=', id)
    .executeTakeFirst();
  const token =
    kept?.token ??
    (
      await askHub(services.session, 'Copying a link made on another computer', (client, auth) =>
        client.dtcLinkToken(auth, id),
      )
    ).token;
  return { url: await addressOf(services, id, token) };
}
