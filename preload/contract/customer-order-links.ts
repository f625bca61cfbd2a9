import { z } from 'zod';
import { CATALOG_ADDRESS_FIELDS } from '../../main/domain/catalogs.ts';
import {
  BACKGROUND_MEDIA_TYPES,
  LINK_CONTACT_LIMITS,
  MAX_EMBED_ADDRESS,
  MAX_LINK_CATALOGS,
  MAX_LINK_CONTACTS,
  MAX_LINK_DESCRIPTION,
  MAX_LINK_LOOKBOOKS,
  MAX_LINK_NAME,
  MAX_LINK_PASSCODE,
  MAX_LINK_RATE_GROUPS,
  type LinkState,
} from '../../main/domain/customer-order-links.ts';
import type { CatalogStatus, LookbookStatus } from '../../main/domain/model.ts';
import { PAYMENT_METHODS } from '../../main/domain/order-states.ts';
import { operation } from './operation.ts';

const Id = z.string().min(1).max(64);
const EmbedAddress = z.string().max(MAX_EMBED_ADDRESS * 2);

const contactText = (max: number) => z.string().max(max * 2);

/**
 * A link's settings as the dialog sends them and the mutators carry them, dates already
 * instants. The domain's customerOrderLinkProblems judges them and answers each problem
 * at its field; this only bounds the input.
 */
export const LinkSettingsInput = z.strictObject({
  name: z.string().max(MAX_LINK_NAME * 2),
  description: z.string().max(MAX_LINK_DESCRIPTION * 2),
  viewOnly: z.boolean(),
  offlineBuyerTransition: z.boolean(),
  addressField: z.enum(CATALOG_ADDRESS_FIELDS),
  releaseAt: z.string().max(40).nullable(),
  expiresAt: z.string().max(40).nullable(),
  passcodeEnabled: z.boolean(),
  catalogIds: z.array(Id).max(MAX_LINK_CATALOGS * 2),
  paymentMethods: z.array(z.enum(PAYMENT_METHODS)).max(PAYMENT_METHODS.length * 2),
  shippingRateGroupIds: z.array(Id).max(MAX_LINK_RATE_GROUPS * 2),
  video: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('embed'), url: EmbedAddress }),
      z.strictObject({ kind: z.literal('file'), mediaId: Id }),
    ])
    .nullable(),
  background: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal(BACKGROUND_MEDIA_TYPES[0]) }),
    z.strictObject({ kind: z.literal(BACKGROUND_MEDIA_TYPES[1]), mediaId: Id }),
    z.strictObject({ kind: z.literal(BACKGROUND_MEDIA_TYPES[2]), url: EmbedAddress }),
  ]),
  lookbookIds: z.array(Id).max(MAX_LINK_LOOKBOOKS * 2),
  contacts: z
    .array(
      z.strictObject({
        firstName: contactText(LINK_CONTACT_LIMITS.firstName),
        lastName: contactText(LINK_CONTACT_LIMITS.lastName),
        email: contactText(LINK_CONTACT_LIMITS.email),
        phone: contactText(LINK_CONTACT_LIMITS.phone),
        note: contactText(LINK_CONTACT_LIMITS.note),
      }),
    )
    .max(MAX_LINK_CONTACTS * 2),
});
export type LinkSettingsInput = z.infer<typeof LinkSettingsInput>;

/** A new passcode as typed (checked by the domain), or null to keep the one set. */
const Passcode = z
  .string()
  .max(MAX_LINK_PASSCODE * 2)
  .nullable();

/** How a link's list says where it stands: the hub's states, or not on the hub yet. */
export type CustomerOrderLinkListState = LinkState | 'waiting';

/** A customer order link as the Links section lists it. */
export interface CustomerOrderLinkSummary {
  id: string;
  name: string;
  catalogs: { id: string; name: string; status: CatalogStatus }[];
  viewOnly: boolean;
  releaseAt: string | null;
  expiresAt: string | null;
  passcodeEnabled: boolean;
  state: CustomerOrderLinkListState;
  /** The hub's state once it has the link, while a later change waits to sync. */
  waitingToSync: boolean;
  opens: number;
  /** Orders placed through the link (cancelled ones aside) and what they come to, per currency. */
  orders: number;
  orderTotals: { amountMinor: number; currency: string }[];
  createdBy: string;
  createdAt: string;
}

/** What the link form picks from: catalogs with their status, rate groups, lookbooks. */
export interface CustomerOrderLinkChoices {
  catalogs: { id: string; name: string; status: CatalogStatus }[];
  rateGroups: { id: string; name: string; rates: { country: string; currency: string }[] }[];
  lookbooks: { id: string; name: string; status: LookbookStatus }[];
}

export interface CustomerOrderLinksOverview {
  links: CustomerOrderLinkSummary[];
  choices: CustomerOrderLinkChoices;
}

/** One link's settings, to edit them. The passcode never comes back, only whether one is set. */
export interface CustomerOrderLinkDetail {
  id: string;
  settings: LinkSettingsInput;
  hasPasscode: boolean;
  state: CustomerOrderLinkListState;
  waitingToSync: boolean;
}

/** What the hub answers a request to open a link as a buyer: a one-time sign-in ticket. */
export const LinkSignInTicket = z.object({ ticket: z.string(), expiresAt: z.string() });
export type LinkSignInTicket = z.infer<typeof LinkSignInTicket>;

export const customerOrderLinkOperations = {
  'customerOrderLinks.list': operation<CustomerOrderLinksOverview>()({
    input: z.strictObject({}),
    summary: 'The customer order links one may manage, and what a link can name',
  }),
  'customerOrderLinks.get': operation<CustomerOrderLinkDetail>()({
    input: z.strictObject({ id: Id }),
    summary: "A customer order link's settings, to edit them",
  }),
  'customerOrderLinks.create': operation<{ link: CustomerOrderLinkSummary; url: string }>()({
    input: z.strictObject({ settings: LinkSettingsInput, passcode: Passcode }),
    summary: 'Create a customer order link (offline too: it goes live when the hub has it)',
  }),
  'customerOrderLinks.save': operation<CustomerOrderLinkSummary>()({
    input: z.strictObject({ id: Id, settings: LinkSettingsInput, passcode: Passcode }),
    summary: "Change a customer order link's settings",
  }),
  'customerOrderLinks.setDisabled': operation<CustomerOrderLinkSummary>()({
    input: z.strictObject({ id: Id, disabled: z.boolean() }),
    summary: 'Disable a customer order link, or enable it again',
  }),
  'customerOrderLinks.address': operation<{ url: string }>()({
    input: z.strictObject({ id: Id }),
    summary: "A customer order link's address, to copy, mail or show as a QR code",
  }),
  'customerOrderLinks.openAsBuyer': operation<{ url: string }>()({
    input: z.strictObject({ linkId: Id, buyerId: Id }),
    summary:
      "The address that opens a live link in the browser logged in as a buyer, on the brand's behalf (one-time ticket in its fragment; needs the hub)",
  }),
};
