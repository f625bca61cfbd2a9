import { z } from 'zod';
import {
  parsePublicAddress,
  PUBLIC_ADDRESS_MAX_LENGTH,
  type LinkReach,
} from '../../main/domain/hub-address.ts';
import { MAX_EXPIRY_DAYS, MIN_EXPIRY_DAYS } from '../../main/domain/share-links.ts';
import { operation } from './operation.ts';
import { SelectionStyleLine, SelectionTotalsView } from './selections.ts';

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

/** "Public address" as an admin types it: empty to use the hub's own address. */
export const PublicAddressInput = z.strictObject({
  publicUrl: z
    .string()
    .max(PUBLIC_ADDRESS_MAX_LENGTH * 2)
    .superRefine((value, context) => {
      if (value.trim() === '') return;
      const parsed = parsePublicAddress(value);
      if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.reason });
    }),
});

export interface PublicAddress {
  /** The origin buyers use, or null: links then carry the hub's own address. */
  publicUrl: string | null;
  /** A change made on this device that the hub has not taken yet. */
  waitingToSync: boolean;
}

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

/** Where the links a desktop makes point, and how far they reach. */
export interface LinkAddress {
  /** The addresses links may start with; the first unless the rep picks another. */
  bases: string[];
  reach: LinkReach;
  /**
   * "Serve buyers on this network": on or off, or null when this desktop syncs with a
   * standalone hub (its own built-in hub then serves nobody).
   */
  serveOnNetwork: boolean | null;
}

export interface SelectionShareLinks {
  /** Whether the brand lets anonymous buyers open unique links. */
  enabled: boolean;
  expiryDays: number;
  /** The selection's ordinary address: it opens only for a signed-in buyer with access. */
  ordinaryUrl: string;
  address: LinkAddress;
  links: ShareLinkView[];
}

/** How the built-in hub serves buyers, as the showroom shows it. */
export interface HubNetworkView {
  /** Null when this desktop syncs with a standalone hub. */
  builtIn: {
    port: number;
    /** The port it had before another program took it at this start. */
    movedFrom: number | null;
    serving: boolean;
    addresses: string[];
  } | null;
}

export interface GeneratedShareLink {
  link: ShareLinkView;
  /** `<hub address>/s/<token>`: shown this once; only the token's hash is kept anywhere. */
  url: string;
}

/**
 * A selection as a buyer sees it: the logged-in buyer at its ordinary address, and, with
 * a share link's own terms added (SharedSelection), anyone holding a link.
 */
export const BuyerSelection = z
  .object({
    brand: z.string(),
    name: z.string(),
    notes: z.string(),
    buyer: z.string(),
    language: z.enum(['en', 'ja']),
    lines: z.array(SelectionStyleLine),
    totals: SelectionTotalsView,
  })
  .meta({ id: 'BuyerSelection' });
export type BuyerSelection = z.infer<typeof BuyerSelection>;

/** What a share link opens, as the hub sends it to the buyer's browser. */
export const SharedSelection = BuyerSelection.extend({
  expiresAt: z.string(),
  /** Whether the buyer may complete checkout here instead of requesting it. */
  prepaymentCheckout: z.boolean(),
}).meta({ id: 'SharedSelection' });
export type SharedSelection = z.infer<typeof SharedSelection>;

/** A logged-in buyer's selections, as the buyer pages list them. */
export const BuyerSelectionList = z
  .object({
    /** The person logged in. */
    person: z.string(),
    selections: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        buyer: z.string(),
        units: z.number().int(),
        updatedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'BuyerSelectionList' });
export type BuyerSelectionList = z.infer<typeof BuyerSelectionList>;

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
  'brand.publicAddress': operation<PublicAddress>()({
    input: z.strictObject({}),
    summary: 'The address buyers use, which every link, QR code and email carries',
  }),
  'brand.updatePublicAddress': operation<PublicAddress>()({
    input: PublicAddressInput,
    summary: 'Set or clear the public address (admins)',
  }),
  'hub.network': operation<HubNetworkView>()({
    input: z.strictObject({}),
    summary: "How this desktop's built-in hub serves buyers: its port, and the local network",
  }),
  'hub.serveOnNetwork': operation<HubNetworkView>()({
    input: z.strictObject({ on: z.boolean() }),
    summary: 'Serve buyers on this network (the booth Wi-Fi) from the built-in hub, or stop',
  }),
  'shareLinks.terminateAll': operation<{ terminated: number }>()({
    input: z.strictObject({}),
    summary: 'Terminate every share link of the brand at once (admins)',
  }),
};
