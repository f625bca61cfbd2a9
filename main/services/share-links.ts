import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  OperationError,
  type GeneratedShareLink,
  type SelectionShareLinks,
  type ShareLinkSettings,
  type ShareLinkSettingsInput,
  type ShareLinkView,
} from '../../preload/contract/index.ts';
import { shareLinkStatus } from '../domain/share-links.ts';
import { newToken, tokenHash } from '../hub/auth/tokens.ts';
import { replicaDb } from '../store/database.ts';
import {
  generateShareLink,
  revokeShareLink,
  terminateAllShareLinks,
  updateShareLinkSettings,
} from '../sync/mutators/share-links.ts';
import { changeLocally, type LocalChangeServices } from './local-change.ts';

/**
 * Share links on the desktop. A link's token is made here, from the CSPRNG, shown to
 * the rep once and never stored: the replica, the outbox and the hub keep its SHA-256.
 * The hub serves the link once the change reaches it.
 */
export type ShareLinkServices = LocalChangeServices;

const DOING = 'share selections';

function waitingFor(subject: ReturnType<typeof sql<string>>) {
  return sql<number>`exists (select 1 from outbox o where o.subject = ${subject})`;
}

export async function shareLinkSettings(services: ShareLinkServices): Promise<ShareLinkSettings> {
  const row = await replicaDb(services.db)
    .selectFrom('brand_settings')
    .select([
      'share_links_enabled',
      'share_link_expiry_days',
      'prepayment_checkout',
      waitingFor(sql<string>`'brand:share-links'`).as('waiting'),
    ])
    .executeTakeFirst();
  return {
    enabled: Boolean(row?.share_links_enabled),
    expiryDays: row?.share_link_expiry_days ?? 14,
    prepaymentCheckout: Boolean(row?.prepayment_checkout),
    waitingToSync: Boolean(row?.waiting),
  };
}

export async function updateShareLinkSettingsLocally(
  services: ShareLinkServices,
  input: z.output<typeof ShareLinkSettingsInput>,
): Promise<ShareLinkSettings> {
  await changeLocally(services, updateShareLinkSettings, input, {
    field: 'enabled',
    doing: 'change the brand settings',
  });
  return shareLinkSettings(services);
}

function linksQuery(services: ShareLinkServices) {
  return replicaDb(services.db)
    .selectFrom('share_links as l')
    .leftJoin('staff_users as u', 'u.id', 'l.created_by')
    .select([
      'l.id',
      'l.selection_id',
      'l.created_at',
      'l.expires_at',
      'l.revoked_at',
      'l.open_count',
      'l.last_opened_at',
      'u.name as created_by',
      // A link waits while a change to it (its generation first) has not reached the hub.
      waitingFor(sql<string>`'share-link:' || l.id`).as('waiting'),
    ]);
}

type LinkRow = Awaited<ReturnType<ReturnType<typeof linksQuery>['executeTakeFirstOrThrow']>>;

function toView(row: LinkRow, now: Date, enabled: boolean): ShareLinkView {
  const status = shareLinkStatus(
    { expiresAt: row.expires_at, revokedAt: row.revoked_at },
    now,
    enabled,
  );
  return {
    id: row.id,
    createdBy: row.created_by ?? '',
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    state: row.waiting && status === 'live' ? 'waiting' : status,
    openCount: row.open_count,
    lastOpenedAt: row.last_opened_at,
  };
}

function hubAddress(services: ShareLinkServices): string {
  return services.session.hub('Sharing a selection').client.url.replace(/\/+$/, '');
}

export async function listShareLinks(
  services: ShareLinkServices,
  selectionId: string,
): Promise<SelectionShareLinks> {
  const [settings, rows] = await Promise.all([
    shareLinkSettings(services),
    linksQuery(services)
      .where('l.selection_id', '=', selectionId)
      .orderBy('l.created_at', 'desc')
      .execute(),
  ]);
  const now = services.clock();
  return {
    enabled: settings.enabled,
    expiryDays: settings.expiryDays,
    ordinaryUrl: `${hubAddress(services)}/selections/${encodeURIComponent(selectionId)}`,
    links: rows.map((row) => toView(row, now, settings.enabled)),
  };
}

async function linkView(services: ShareLinkServices, linkId: string): Promise<ShareLinkView> {
  const [settings, row] = await Promise.all([
    shareLinkSettings(services),
    linksQuery(services).where('l.id', '=', linkId).executeTakeFirst(),
  ]);
  if (!row) throw new OperationError('not_found', 'This share link no longer exists.');
  return toView(row, services.clock(), settings.enabled);
}

export async function generateShareLinkLocally(
  services: ShareLinkServices,
  selectionId: string,
): Promise<GeneratedShareLink> {
  const token = newToken();
  const id = uuidv7();
  await changeLocally(
    services,
    generateShareLink,
    { id, selectionId, tokenHash: tokenHash(token) },
    { field: 'selectionId', doing: DOING },
  );
  return {
    link: await linkView(services, id),
    url: `${hubAddress(services)}/s/${token}`,
  };
}

export async function revokeShareLinkLocally(
  services: ShareLinkServices,
  linkId: string,
): Promise<ShareLinkView> {
  await changeLocally(services, revokeShareLink, { linkId }, { field: 'linkId', doing: DOING });
  return linkView(services, linkId);
}

export async function terminateAllShareLinksLocally(
  services: ShareLinkServices,
): Promise<{ terminated: number }> {
  const now = services.clock().toISOString();
  const live = await replicaDb(services.db)
    .selectFrom('share_links')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  await changeLocally(services, terminateAllShareLinks, {}, { field: '', doing: DOING });
  return { terminated: Number(live.n) };
}
