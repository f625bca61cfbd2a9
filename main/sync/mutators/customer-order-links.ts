import { z } from 'zod';
import {
  customerOrderLinkProblems,
  linkPaymentMethods,
  normalizedContact,
  rateGroupOverlap,
  type CustomerOrderLinkSettings,
} from '../../domain/customer-order-links.ts';
import { can } from '../../domain/permissions.ts';
import type { ShippingRate } from '../../domain/shipping-rates.ts';
import { tokenHash as hashOf } from '../../hub/auth/tokens.ts';
import { LinkSettingsInput } from '../../../preload/contract/customer-order-links.ts';
import {
  MutationRefused,
  mutator,
  type HubMutationContext,
  type MutationContext,
  type MutationTx,
} from './mutator.ts';

const Id = z.string().min(1).max(64);
/** A link token: 32 random bytes, base64url (main/hub/auth/tokens.ts). */
const Token = z.string().regex(/^[\w-]{43}$/);
/**
 * A passcode's Argon2id hash, made on the desktop so the passcode itself never travels
 * or waits in an outbox. Only the hub's own parameters are taken: a hash asking for more
 * memory or passes than the hub gives would let one admin's device slow every log-in.
 */
const PasscodeHash = z.string().regex(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[\w-]{22}\$[\w-]{43}$/);
type LinkRow = Awaited<ReturnType<typeof linkRow>>;

async function linkRow(tx: MutationTx, id: string) {
  return tx.db
    .selectFrom('customer_order_links')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A link someone may change: every link for whoever manages them all, else one's own. */
async function changeableLink(
  tx: MutationTx,
  id: string,
  context: MutationContext,
): Promise<NonNullable<LinkRow>> {
  const link = await linkRow(tx, id);
  if (!link) throw new MutationRefused('not_found', 'This customer order link no longer exists.');
  if (link.created_by !== context.userId && !can(context.role, 'manageEveryCustomerOrderLink')) {
    throw new MutationRefused('forbidden', 'Only its maker or an admin can change this link.');
  }
  return link;
}

/**
 * The settings judged as the domain judges them, then against the store: every named
 * catalog, rate group, lookbook and media file exists, and no two rate groups price one
 * country in one currency.
 */
async function checkedSettings(
  tx: MutationTx,
  settings: LinkSettingsInput,
  hasPasscode: boolean,
): Promise<void> {
  const problem = customerOrderLinkProblems(settings, { passcode: null, hasPasscode })[0];
  if (problem) {
    throw new MutationRefused('invalid_input', `This link is not valid (${problem.code}).`);
  }
  const exist = async (
    table: 'catalogs' | 'shipping_rate_groups' | 'lookbooks',
    ids: readonly string[],
    what: string,
  ) => {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return;
    const found = await tx.db.selectFrom(table).select('id').where('id', 'in', wanted).execute();
    if (found.length !== wanted.length) {
      throw new MutationRefused('not_found', `A ${what} of this link no longer exists.`);
    }
  };
  await exist('catalogs', settings.catalogIds, 'catalog');
  await exist('lookbooks', settings.lookbookIds, 'lookbook');
  // An uploaded video is kept on the hub; every upload, picture or video, has its row.
  const uploads: (readonly [string, 'image' | 'video'])[] = [
    ...(settings.video?.kind === 'file' ? [[settings.video.mediaId, 'video'] as const] : []),
    ...(settings.background.kind === 'image'
      ? [[settings.background.mediaId, 'image'] as const]
      : []),
  ];
  for (const [id, kind] of uploads) {
    const upload = await tx.db
      .selectFrom('media_uploads')
      .select('id')
      .where('id', '=', id)
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (!upload) throw new MutationRefused('not_found', `A ${kind} of this link no longer exists.`);
  }
  const groupIds = [...new Set(settings.shippingRateGroupIds)];
  if (groupIds.length > 0) {
    const groups = await tx.db
      .selectFrom('shipping_rate_groups')
      .select(['id', 'name', 'rates'])
      .where('id', 'in', groupIds)
      .execute();
    if (groups.length !== groupIds.length) {
      throw new MutationRefused(
        'not_found',
        'A shipping rate group of this link no longer exists.',
      );
    }
    const overlap = rateGroupOverlap(
      groups.map((group) => ({ ...group, rates: JSON.parse(group.rates) as ShippingRate[] })),
    );
    if (overlap) {
      throw new MutationRefused('invalid_input', `This link is not valid (${overlap.code}).`);
    }
  }
}

/** The row's columns for a link's settings, stored as the domain normalises them. */
function settingsColumns(settings: CustomerOrderLinkSettings) {
  return {
    name: settings.name.trim(),
    description: settings.description,
    view_only: settings.viewOnly ? 1 : 0,
    offline_buyer_transition: settings.offlineBuyerTransition ? 1 : 0,
    address_field: settings.addressField,
    release_at: settings.releaseAt,
    expires_at: settings.expiresAt,
    passcode_enabled: settings.passcodeEnabled ? 1 : 0,
    catalog_ids: JSON.stringify([...new Set(settings.catalogIds)]),
    payment_methods: JSON.stringify(linkPaymentMethods(settings.paymentMethods)),
    shipping_rate_group_ids: JSON.stringify([...new Set(settings.shippingRateGroupIds)]),
    video: settings.video ? JSON.stringify(settings.video) : null,
    background: JSON.stringify(settings.background),
    lookbook_ids: JSON.stringify([...new Set(settings.lookbookIds)]),
    contacts: JSON.stringify(settings.contacts.map(normalizedContact)),
  };
}

/**
 * What only the hub keeps of a link: its token sealed under the hub's key (so another
 * staff device can copy the link) and its passcode's hash. A passcode switched off is
 * forgotten; null keeps the one set.
 */
async function keepSecrets(
  context: HubMutationContext,
  linkId: string,
  change: { token?: string; passcodeHash: string | null; passcodeEnabled: boolean },
): Promise<void> {
  const db = context.hub;
  const current = await db
    .selectFrom('customer_order_link_secrets')
    .selectAll()
    .where('link_id', '=', linkId)
    .executeTakeFirst();
  const passcodeHash = change.passcodeEnabled
    ? (change.passcodeHash ?? current?.passcode_hash ?? null)
    : null;
  const tokenSealed =
    change.token !== undefined
      ? (context.secrets?.seal(change.token, 'link token') ?? null)
      : (current?.token_sealed ?? null);
  await db
    .insertInto('customer_order_link_secrets')
    .values({ link_id: linkId, token_sealed: tokenSealed, passcode_hash: passcodeHash })
    .onConflict((oc) =>
      oc.column('link_id').doUpdateSet({ token_sealed: tokenSealed, passcode_hash: passcodeHash }),
    )
    .execute();
}

/** Whether the hub holds a passcode for the link (a replica cannot tell; it trusts the flag). */
async function hubHasPasscode(context: HubMutationContext, linkId: string): Promise<boolean> {
  const secrets = await context.hub
    .selectFrom('customer_order_link_secrets')
    .select('passcode_hash')
    .where('link_id', '=', linkId)
    .executeTakeFirst();
  return secrets?.passcode_hash != null;
}

export const createCustomerOrderLink = mutator({
  name: 'customerOrderLink.create.v1',
  args: z.strictObject({
    id: z.uuid(),
    token: Token,
    settings: LinkSettingsInput,
    passcodeHash: PasscodeHash.nullable(),
  }),
  secretArgs: ['token', 'passcodeHash'],
  subject: (args) => `customer-order-link:${args.id}`,
  summary: (args) => `Create the customer order link ${args.settings.name.trim()}`,
  async apply(tx, args, context) {
    await checkedSettings(tx, args.settings, args.passcodeHash !== null);
    const hash = hashOf(args.token);
    const taken = await tx.db
      .selectFrom('customer_order_links')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', args.id), eb('token_hash', '=', hash)]))
      .executeTakeFirst();
    if (taken) throw new MutationRefused('conflict', 'This link was already created.');
    await tx.put('customer_order_links', {
      id: args.id,
      token_hash: hash,
      ...settingsColumns(args.settings),
      created_by: context.userId,
      created_at: context.now,
      updated_at: context.now,
      disabled_at: null,
      disabled_by: null,
      open_count: 0,
      last_opened_at: null,
    });
  },
  async applyOnHub(_trx, args, context) {
    await createCustomerOrderLink.apply(context.tx, args, context);
    await keepSecrets(context, args.id, {
      token: args.token,
      passcodeHash: args.passcodeHash,
      passcodeEnabled: args.settings.passcodeEnabled,
    });
  },
});

export const saveCustomerOrderLink = mutator({
  name: 'customerOrderLink.save.v1',
  args: z.strictObject({
    id: Id,
    settings: LinkSettingsInput,
    /** A new passcode's hash; null keeps the one set (or none, with the passcode off). */
    passcodeHash: PasscodeHash.nullable(),
  }),
  secretArgs: ['passcodeHash'],
  subject: (args) => `customer-order-link:${args.id}`,
  summary: (args) => `Save the customer order link ${args.settings.name.trim()}`,
  async apply(tx, args, context) {
    const link = await changeableLink(tx, args.id, context);
    const hadPasscode =
      context.side === 'hub'
        ? await hubHasPasscode(context as HubMutationContext, args.id)
        : link.passcode_enabled === 1;
    await checkedSettings(tx, args.settings, args.passcodeHash !== null || hadPasscode);
    await tx.put('customer_order_links', {
      ...link,
      ...settingsColumns(args.settings),
      updated_at: context.now,
    });
  },
  async applyOnHub(_trx, args, context) {
    await saveCustomerOrderLink.apply(context.tx, args, context);
    await keepSecrets(context, args.id, {
      passcodeHash: args.passcodeHash,
      passcodeEnabled: args.settings.passcodeEnabled,
    });
  },
});

export const setCustomerOrderLinkDisabled = mutator({
  name: 'customerOrderLink.setDisabled.v1',
  args: z.strictObject({ id: Id, disabled: z.boolean() }),
  subject: (args) => `customer-order-link:${args.id}`,
  summary: (args) =>
    args.disabled ? 'Disable a customer order link' : 'Enable a customer order link again',
  async apply(tx, args, context) {
    const link = await changeableLink(tx, args.id, context);
    if ((link.disabled_at !== null) === args.disabled) return;
    await tx.put('customer_order_links', {
      ...link,
      disabled_at: args.disabled ? context.now : null,
      disabled_by: args.disabled ? context.userId : null,
      updated_at: context.now,
    });
  },
});
