import { z } from 'zod';
import { expiryOf, MAX_EXPIRY_DAYS, MIN_EXPIRY_DAYS } from '../../domain/share-links.ts';
import { MutationRefused, mutator, requirePermission, type MutationTx } from './mutator.ts';
import { editableSelection } from './selections.ts';

const id = z.string().min(1).max(64);
/** SHA-256, base64url: the desktop sends the hash; the token never leaves it. */
const tokenHash = z.string().regex(/^[\w-]{43}$/);

async function brandSettings(tx: MutationTx) {
  const settings = await tx.db.selectFrom('brand_settings').selectAll().executeTakeFirst();
  if (!settings) throw new MutationRefused('not_found', 'This hub has no brand set up yet.');
  return settings;
}

export const updateShareLinkSettings = mutator({
  name: 'brand.updateShareLinkSettings.v1',
  args: z.strictObject({
    enabled: z.boolean(),
    expiryDays: z.number().int().min(MIN_EXPIRY_DAYS).max(MAX_EXPIRY_DAYS),
    prepaymentCheckout: z.boolean(),
  }),
  subject: () => 'brand:share-links',
  summary: (args) =>
    args.enabled
      ? `Enable share links with anonymous buyers (${args.expiryDays} days)`
      : 'Disable share links with anonymous buyers',
  async apply(tx, args, context) {
    requirePermission(
      context,
      'changeShareLinkSettings',
      'Only an admin can change the share link settings.',
    );
    const settings = await brandSettings(tx);
    await tx.put('brand_settings', {
      ...settings,
      share_links_enabled: args.enabled ? 1 : 0,
      share_link_expiry_days: args.expiryDays,
      prepayment_checkout: args.prepaymentCheckout ? 1 : 0,
      updated_at: context.now,
    });
  },
});

export const generateShareLink = mutator({
  name: 'shareLink.generate.v1',
  args: z.strictObject({ id: z.uuid(), selectionId: id, tokenHash }),
  subject: (args) => `share-link:${args.id}`,
  summary: () => 'Generate a share link',
  auditArgs: (args) => ({ linkId: args.id, selectionId: args.selectionId }),
  async apply(tx, args, context) {
    await editableSelection(tx, args.selectionId, context);
    const settings = await brandSettings(tx);
    if (!settings.share_links_enabled) {
      throw new MutationRefused(
        'forbidden',
        'Share links with anonymous buyers are disabled for this brand; an admin can enable them.',
      );
    }
    const taken = await tx.db
      .selectFrom('share_links')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', args.id), eb('token_hash', '=', args.tokenHash)]))
      .executeTakeFirst();
    if (taken) throw new MutationRefused('conflict', 'This share link was already generated.');
    // Fixed now, from the setting as it is now: a later change of the setting never moves it.
    const expiresAt = expiryOf(
      new Date(context.now),
      settings.share_link_expiry_days,
    ).toISOString();
    await tx.put('share_links', {
      id: args.id,
      selection_id: args.selectionId,
      token_hash: args.tokenHash,
      created_by: context.userId,
      created_at: context.now,
      expires_at: expiresAt,
      revoked_at: null,
      revoked_by: null,
      open_count: 0,
      last_opened_at: null,
    });
    return { expiresAt };
  },
});

export const revokeShareLink = mutator({
  name: 'shareLink.revoke.v1',
  args: z.strictObject({ linkId: id }),
  subject: (args) => `share-link:${args.linkId}`,
  summary: () => 'Revoke a share link',
  async apply(tx, args, context) {
    const link = await tx.db
      .selectFrom('share_links')
      .selectAll()
      .where('id', '=', args.linkId)
      .executeTakeFirst();
    if (!link) throw new MutationRefused('not_found', 'This share link no longer exists.');
    await editableSelection(tx, link.selection_id, context);
    if (link.revoked_at !== null) return;
    await tx.put('share_links', { ...link, revoked_at: context.now, revoked_by: context.userId });
  },
});

export const terminateAllShareLinks = mutator({
  name: 'shareLink.terminateAll.v1',
  args: z.strictObject({}),
  subject: () => 'brand:share-links',
  summary: () => 'Terminate every share link',
  async apply(tx, _args, context) {
    requirePermission(
      context,
      'terminateAllShareLinks',
      'Only an admin can terminate every share link.',
    );
    const live = await tx.db
      .selectFrom('share_links')
      .selectAll()
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', context.now)
      .execute();
    for (const link of live) {
      await tx.put('share_links', { ...link, revoked_at: context.now, revoked_by: context.userId });
    }
    return { terminated: live.length };
  },
});
