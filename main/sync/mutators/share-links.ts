import { z } from 'zod';
import {
  expiryOf,
  isValidExpiryDays,
  MAX_EXPIRY_DAYS,
  MIN_EXPIRY_DAYS,
} from '../../domain/share-links.ts';
import { MutationRefused, mutator, requirePermission, type MutationTx } from './mutator.ts';
import { brandSettings } from './brand.ts';
import { editableSelection } from './selections.ts';

const id = z.string().min(1).max(64);
/** SHA-256, base64url: the desktop sends the hash; the token never leaves it. */
const tokenHash = z.string().regex(/^[\w-]{43}$/);

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
    const expiryDaysBefore = settings.share_link_expiry_days;
    await tx.put('brand_settings', {
      ...settings,
      share_links_enabled: args.enabled ? 1 : 0,
      share_link_expiry_days: args.expiryDays,
      prepayment_checkout: args.prepaymentCheckout ? 1 : 0,
      updated_at: context.now,
    });
    // Kept in the audit entry: what a link generated offline before this change expires by.
    return { expiryDaysBefore };
  },
});

/**
 * "Share links expire in days" as it was at an instant. The hub's audit log keeps what
 * each change of the setting replaced, so a link generated offline before a change gets
 * the days in force when it was generated, as the spec's example asks (shortened from
 * 100 to 10 days, earlier links stay at 100). Without a later change, it is the setting
 * as it is now; a replica, which keeps no audit log, always has that answer.
 */
async function expiryDaysAt(tx: MutationTx, at: string, current: number): Promise<number> {
  const laterChange = await tx.db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', updateShareLinkSettings.name)
    .where('at', '>', at)
    .orderBy('at')
    .limit(1)
    .executeTakeFirst();
  const before: unknown = laterChange
    ? (JSON.parse(laterChange.details) as { expiryDaysBefore?: unknown }).expiryDaysBefore
    : undefined;
  return typeof before === 'number' && isValidExpiryDays(before) ? before : current;
}

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
    // Counted from when the rep generated it, offline or not (never later than the hub's
    // now: a device clock running fast gains nothing), by the setting in force then. Fixed
    // here: a later change of the setting never moves it.
    const generatedAt = new Date(
      Math.min(Date.parse(context.madeAt), Date.parse(context.now)),
    ).toISOString();
    const days = await expiryDaysAt(tx, generatedAt, settings.share_link_expiry_days);
    const expiresAt = expiryOf(new Date(generatedAt), days).toISOString();
    await tx.put('share_links', {
      id: args.id,
      selection_id: args.selectionId,
      token_hash: args.tokenHash,
      created_by: context.userId,
      created_at: generatedAt,
      expires_at: expiresAt,
      revoked_at: null,
      revoked_by: null,
      open_count: 0,
      last_opened_at: null,
    });
    return { expiresAt, generatedAt };
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
