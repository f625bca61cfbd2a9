import { z } from 'zod';
import { MAX_EXPIRY_DAYS, MIN_EXPIRY_DAYS } from '../../main/domain/share-links.ts';
import { operation } from './operation.ts';
import type { SelectionStyleLine, SelectionTotalsView } from './selections.ts';

const id = z.string().min(1).max(64);

export const ShareLinkSettingsInput = z.strictObject({
  enabled: z.boolean(),
  expiryDays: z
    .number({ error: 'Type a whole number of days, from 1 to 366' })
    .int('Type a whole number of days, from 1 to 366')
    .min(MIN_EXPIRY_DAYS, 'A link stays valid at least 1 day')
    .max(MAX_EXPIRY_DAYS, 'A link stays valid at most 366 days'),
  prepaymentCheckout: z.boolean(),
});

/** The brand's "Share Links with Anonymous Buyers" settings. */
export interface ShareLinkSettings {
  enabled: boolean;
  expiryDays: number;
  prepaymentCheckout: boolean;
  /** A change made on this device that the hub has not taken yet. */
  waitingToSync: boolean;
}

/**
 * - waiting: generated on this device, live once the hub has it;
 * - live, expired, revoked: as the hub will answer a visitor;
 * - disabled: the brand turned anonymous links off; it works again when they are on.
 */
export type ShareLinkState = 'waiting' | 'live' | 'expired' | 'revoked' | 'disabled';

export interface ShareLinkView {
  id: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  state: ShareLinkState;
  openCount: number;
  lastOpenedAt: string | null;
}

export interface SelectionShareLinks {
  /** Whether the brand lets anonymous buyers open unique links. */
  enabled: boolean;
  expiryDays: number;
  /** The selection's ordinary address: it opens only for a signed-in buyer with access. */
  ordinaryUrl: string;
  links: ShareLinkView[];
}

export interface GeneratedShareLink {
  link: ShareLinkView;
  /** `<hub address>/s/<token>`: shown this once; only the token's hash is kept anywhere. */
  url: string;
}

/** What a share link opens, as the hub sends it to the buyer's browser. */
export interface SharedSelection {
  brand: string;
  name: string;
  notes: string;
  buyer: string;
  language: 'en' | 'ja';
  expiresAt: string;
  /** Whether the buyer may complete checkout here instead of requesting it. */
  prepaymentCheckout: boolean;
  lines: SelectionStyleLine[];
  totals: SelectionTotalsView;
}

/** A logged-in buyer's selections, as the buyer pages list them. */
export interface BuyerSelectionList {
  /** The person logged in. */
  person: string;
  selections: { id: string; name: string; buyer: string; units: number; updatedAt: string }[];
}

export const shareLinkOperations = {
  'brand.shareLinkSettings': operation<ShareLinkSettings>()({
    input: z.strictObject({}),
    summary: 'Whether anonymous buyers may open share links, and for how many days',
  }),
  'brand.updateShareLinkSettings': operation<ShareLinkSettings>()({
    input: ShareLinkSettingsInput,
    summary: 'Enable or disable share links with anonymous buyers (admins)',
  }),
  'shareLinks.list': operation<SelectionShareLinks>()({
    input: z.strictObject({ selectionId: id }),
    summary: "A selection's share links: who made them, when they expire, how often opened",
  }),
  'shareLinks.generate': operation<GeneratedShareLink>()({
    input: z.strictObject({ selectionId: id }),
    summary: 'Generate a unique share link for a selection; it goes live on sync',
  }),
  'shareLinks.revoke': operation<ShareLinkView>()({
    input: z.strictObject({ linkId: id }),
    summary: 'Revoke one share link',
  }),
  'shareLinks.terminateAll': operation<{ terminated: number }>()({
    input: z.strictObject({}),
    summary: 'Terminate every share link of the brand at once (admins)',
  }),
};
