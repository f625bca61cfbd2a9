import { z } from 'zod';
import {
  MAX_DECLINE_REASON,
  MAX_PROPOSAL_NOTE,
  type TermsProposalStatus,
} from '../../main/domain/buyers.ts';
import {
  ADDRESS_KINDS,
  type AddressFields,
  type AddressKind,
} from '../../main/domain/addresses.ts';
import { operation } from './operation.ts';
import type { SyncRefusal } from './sync.ts';

const id = z.string().min(1).max(64);

export const BUYER_KINDS = ['customer_owned', 'offline'] as const;

/** A buyer's trading terms as a rep edits them. */
export const BuyerTerms = z.strictObject({
  pricelistId: id,
  /** Whole percent with up to two decimals, e.g. 12.5; stored as basis points. */
  discountPercent: z
    .number({ error: 'Type the discount as a number, e.g. 10 or 12.5' })
    .min(0, 'A discount cannot be negative')
    .max(100, 'A discount is at most 100 %')
    .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, {
      message: 'Use at most two decimals for the discount',
    }),
  language: z.enum(['en', 'ja']),
});

export const BuyerCreateInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, "Type the buyer's name")
    .max(200, 'A name is at most 200 characters'),
  kind: z.enum(BUYER_KINDS),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Use the two-letter country code, e.g. SE or JP'),
  terms: BuyerTerms,
});

export const BuyerUpdateTermsInput = z.strictObject({
  buyerId: id,
  terms: BuyerTerms,
});

export const BuyerProposeTermsInput = z.strictObject({
  buyerId: id,
  terms: BuyerTerms,
  note: z
    .string()
    .trim()
    .max(MAX_PROPOSAL_NOTE, `A note is at most ${MAX_PROPOSAL_NOTE} characters`)
    .default(''),
});

export const BuyerDecideTermsProposalInput = z.discriminatedUnion('decision', [
  z.strictObject({ proposalId: id, decision: z.literal('approve') }),
  z.strictObject({
    proposalId: id,
    decision: z.literal('decline'),
    reason: z
      .string()
      .trim()
      .max(MAX_DECLINE_REASON, `A reason is at most ${MAX_DECLINE_REASON} characters`)
      .default(''),
  }),
]);

export const BuyerListInput = z.strictObject({
  query: z.string().max(200).default(''),
  /** Only buyers with proposed trading terms waiting for a decision. */
  proposals: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface BuyerListItem {
  id: string;
  name: string;
  kind: (typeof BUYER_KINDS)[number];
  countryCode: string;
  pricelistId: string;
  pricelistName: string | null;
  currency: string | null;
  discountPercent: number;
  language: 'en' | 'ja';
  /** Changes to this buyer made on this device that the hub has not taken yet. */
  waitingToSync: boolean;
  /** Proposed trading terms waiting for an admin's decision, of those this person sees. */
  pendingProposals: number;
}

/** Trading terms a rep proposed for a buyer, and what an admin decided. */
export interface TermsProposal {
  id: string;
  buyerId: string;
  proposedBy: { id: string; name: string };
  terms: {
    pricelistId: string;
    /** null when the pricelist no longer exists. */
    pricelistName: string | null;
    currency: string | null;
    discountPercent: number;
    language: 'en' | 'ja';
  };
  note: string;
  status: TermsProposalStatus;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  declineReason: string;
  createdAt: string;
  /** Made or decided on this device and not yet taken by the hub. */
  waitingToSync: boolean;
}

export interface BuyerPage {
  query: string;
  total: number;
  offset: number;
  items: BuyerListItem[];
  /** Buyer changes the hub refused, for the list to show in place. */
  refusals: SyncRefusal[];
  /** Proposed trading terms waiting for a decision, over every buyer this person sees. */
  pendingProposals: number;
}

/**
 * A field as typed. Its limits are the domain's to judge (main/domain/addresses.ts),
 * which answers with a code per field; this only bounds what crosses the boundary.
 */
const typed = z.string().max(65_536).default('');

export const AddressInput = z.strictObject({
  name: typed,
  line1: typed,
  line2: typed,
  postalCode: typed,
  city: typed,
  region: typed,
  country: typed,
  phone: typed,
});

export const BuyerSaveAddressInput = z.strictObject({
  buyerId: id,
  /** Absent for a new address. */
  id: id.optional(),
  kind: z.enum(ADDRESS_KINDS),
  address: AddressInput,
});

export interface BuyerAddress extends AddressFields {
  id: string;
  kind: AddressKind;
}

/** A buyer's addresses and contact email, as the buyer's dialog shows them. */
export interface BuyerAddressBook {
  buyerId: string;
  contactEmail: string;
  shipTo: BuyerAddress[];
  billTo: BuyerAddress | null;
}

export const buyerOperations = {
  'buyers.list': operation<BuyerPage>()({
    input: BuyerListInput,
    summary: 'Buyers whose name matches, with their trading terms and sync state',
  }),
  'buyers.create': operation<BuyerListItem>()({
    input: BuyerCreateInput,
    summary: 'Create a buyer on this device; it reaches the hub on the next sync',
  }),
  'buyers.updateTerms': operation<BuyerListItem>()({
    input: BuyerUpdateTermsInput,
    summary: "Change a buyer's trading terms on this device; they reach the hub on the next sync",
  }),
  'buyers.termsProposals': operation<TermsProposal[]>()({
    input: z.strictObject({ buyerId: id }),
    summary:
      'The trading terms proposed for a buyer that this person sees (a rep: their own), newest first',
  }),
  'buyers.proposeTerms': operation<TermsProposal>()({
    input: BuyerProposeTermsInput,
    summary: 'Propose new trading terms for a buyer, for an admin to approve or decline',
  }),
  'buyers.decideTermsProposal': operation<TermsProposal>()({
    input: BuyerDecideTermsProposalInput,
    summary:
      "Approve proposed trading terms (they become the buyer's) or decline them with a reason",
  }),
  'buyers.addresses': operation<BuyerAddressBook>()({
    input: z.strictObject({ buyerId: id }),
    summary: "A buyer's ship-to addresses, bill-to address and contact email",
  }),
  'buyers.saveAddress': operation<BuyerAddressBook>()({
    input: BuyerSaveAddressInput,
    summary:
      'Add or change one of a buyer’s addresses on this device; refused per field with a code',
  }),
  'buyers.removeAddress': operation<BuyerAddressBook>()({
    input: z.strictObject({ buyerId: id, id }),
    summary: 'Remove one of a buyer’s addresses on this device',
  }),
  'buyers.setContactEmail': operation<BuyerAddressBook>()({
    input: z.strictObject({ buyerId: id, email: z.string().max(65_536) }),
    summary: "Set or clear a buyer's contact email on this device",
  }),
};
