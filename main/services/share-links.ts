import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  OperationError,
  type GeneratedShareLink,
  type HubNetworkView,
  type LinkAddress,
  type PublicAddress,
  type PublicAddressInput,
  type SelectionShareLinks,
  type ShareLinkSettings,
  type ShareLinkSettingsInput,
  type ShareLinkView,
} from '../../preload/contract/index.ts';
import { parsePublicAddress, preferredNetworkAddresses } from '../domain/hub-address.ts';
import { shareLinkStatus } from '../domain/share-links.ts';
import { newToken, tokenHash } from '../hub/auth/tokens.ts';
import { replicaDb } from '../store/database.ts';
import {
  generateShareLink,
  revokeShareLink,
  terminateAllShareLinks,
  updateShareLinkSettings,
} from '../sync/mutators/share-links.ts';
import { updatePublicAddress } from '../sync/mutators/brand.ts';
import type { BuiltInHubControl } from './built-in-hub.ts';
import { changeLocally, type LocalChangeServices } from './local-change.ts';

/**
 * Share links on the desktop. A link's token is made here, from the CSPRNG, shown to
 * the rep once and never stored: the replica, the outbox and the hub keep its SHA-256.
 * The hub serves the link once the change reaches it.
 */
export type ShareLinkServices = LocalChangeServices & { builtInHub: BuiltInHubControl | null };

const DOING = 'share selections';

/** Whether a change about `subject` is still in this computer's outbox, for a view to say it waits. */
export function waitingFor(subject: ReturnType<typeof sql<string>>) {
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

export async function publicAddress(services: ShareLinkServices): Promise<PublicAddress> {
  const row = await replicaDb(services.db)
    .selectFrom('brand_settings')
    .select(['public_url', waitingFor(sql<string>`'brand:public-address'`).as('waiting')])
    .executeTakeFirst();
  return { publicUrl: row?.public_url ?? null, waitingToSync: Boolean(row?.waiting) };
}

export async function updatePublicAddressLocally(
  services: ShareLinkServices,
  input: z.output<typeof PublicAddressInput>,
): Promise<PublicAddress> {
  const parsed = input.publicUrl.trim() === '' ? null : parsePublicAddress(input.publicUrl);
  if (parsed && !parsed.ok) {
    throw new OperationError('invalid_input', parsed.reason, [
      { path: 'publicUrl', message: parsed.reason },
    ]);
  }
  await changeLocally(
    services,
    updatePublicAddress,
    { publicUrl: parsed?.origin ?? null },
    { field: 'publicUrl', doing: 'change the brand settings' },
  );
  return publicAddress(services);
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

/**
 * Where links point, best reach first: the local network when the rep serves buyers
 * there from the built-in hub (a phone on the booth's Wi-Fi, no internet needed); else
 * the brand's public address; else the hub's own address, which for the built-in hub is
 * this computer alone.
 */
export async function linkAddress(services: ShareLinkServices): Promise<LinkAddress> {
  const hubUrl = services.session.hub('Sharing a selection').client.url.replace(/\/+$/, '');
  const builtIn = services.session.usesBuiltInHub() ? services.builtInHub : null;
  const [network, settings] = await Promise.all([
    builtIn?.network().catch(() => null) ?? null,
    services.db.selectFrom('brand_settings').select('public_url').executeTakeFirst(),
  ]);
  const serveOnNetwork = builtIn ? (network?.serving ?? false) : null;
  if (network?.serving && network.addresses.length > 0) {
    return {
      bases: preferredNetworkAddresses(network.addresses),
      reach: 'network',
      serveOnNetwork,
    };
  }
  if (settings?.public_url)
    return { bases: [settings.public_url], reach: 'public', serveOnNetwork };
  return { bases: [hubUrl], reach: builtIn ? 'thisComputer' : 'hub', serveOnNetwork };
}

/** The built-in hub's network, as the showroom shows it. */
export async function hubNetwork(
  services: ShareLinkServices,
  serveOnNetwork?: boolean,
): Promise<HubNetworkView> {
  const builtIn = services.builtInHub;
  if (!builtIn) return { builtIn: null };
  try {
    const network =
      serveOnNetwork === undefined
        ? await builtIn.network()
        : await builtIn.serveOnNetwork(serveOnNetwork);
    return { builtIn: { ...network, addresses: preferredNetworkAddresses(network.addresses) } };
  } catch (error) {
    throw new OperationError(
      'unavailable',
      `The built-in hub did not answer: ${(error as Error).message}`,
    );
  }
}

export async function listShareLinks(
  services: ShareLinkServices,
  selectionId: string,
): Promise<SelectionShareLinks> {
  const [settings, rows, address] = await Promise.all([
    shareLinkSettings(services),
    linksQuery(services)
      .where('l.selection_id', '=', selectionId)
      .orderBy('l.created_at', 'desc')
      .execute(),
    linkAddress(services),
  ]);
  const now = services.clock();
  return {
    enabled: settings.enabled,
    expiryDays: settings.expiryDays,
    ordinaryUrl: `${address.bases[0]}/selections/${encodeURIComponent(selectionId)}`,
    address,
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
  const [link, address] = await Promise.all([linkView(services, id), linkAddress(services)]);
  return { link, url: `${address.bases[0]}/s/${token}` };
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
