import type { z } from 'zod';
import {
  buyerSchemas,
  type AnswerKindOf,
  type BuyerOperationName,
  type BuyerOutputOf,
  type BuyerParsedInputOf,
} from '../../../preload/contract/buyer-api/index.ts';
import type { BuyerRoutes } from '../../../preload/contract/buyer-api/routes.ts';
import type {
  LinkBackground,
  LinkContact,
  LinkLogInMethod,
  LinkState,
  LinkVideo,
} from '../../domain/customer-order-links.ts';
import type { CatalogAddressField } from '../../domain/catalogs.ts';
import type { PaymentMethod } from '../../domain/order-states.ts';
import type { Encoding } from '../shared-selections.ts';

/**
 * Who calls the buyer API. Audit rows name a link holder as `anonymous` (main/hub/audit.ts):
 * the hub knows the link, not the person.
 */
export interface Visitor {
  kind: 'visitor';
  /** The client's address, which every limit counts by. */
  address: string;
  /** The buyer session cookie's value, when the request carried one. */
  session: string | null;
  /** The customer order link visit cookie's value, when the request carried one. */
  linkVisit: string | null;
  /** The hub's own address as the visitor reached it, for links in mail when the brand has no public address. */
  origin: string;
}

/** Whoever holds a live share link: what the hub read with it, at one moment. */
export interface LinkHolder {
  kind: 'linkHolder';
  address: string;
  link: { id: string; selectionId: string; expiresAt: string };
  /** The brand's name and whether it takes prepayment, when the link was looked up. */
  brand: { name: string; prepaymentCheckout: boolean };
  /**
   * The hub's data version read with the link and the catalog dates passed by then
   * (answerKey in shared-selections.ts): prepared answers are kept per key.
   */
  answerKey: string;
  /** When the link was looked up and found live. */
  at: Date;
}

/** A buyer person logged in with a session cookie. */
export interface SignedInBuyer {
  kind: 'buyer';
  address: string;
  user: { id: string; name: string; email: string };
}

/**
 * Whoever visits a customer order link: the link the token names (not disabled; maybe not
 * yet released or expired, which only `customerLink.open` tells), and what their visit
 * has passed so far.
 */
export interface LinkVisitor {
  kind: 'linkVisitor';
  address: string;
  origin: string;
  link: CustomerLinkFacts;
  state: Exclude<LinkState, 'disabled'>;
  brand: string;
  /** The visit the cookie names, when it is of this link and not over. */
  visit: LinkVisit | null;
  at: Date;
}

export interface CustomerLinkFacts {
  id: string;
  /** The brand's name for it: never sent to a buyer, only kept with what it makes. */
  name: string;
  /** Who made it: the rep a cart ordered through it belongs to. */
  createdBy: string;
  viewOnly: boolean;
  offlineBuyerTransition: boolean;
  addressField: CatalogAddressField;
  paymentMethods: PaymentMethod[];
  shippingRateGroupIds: string[];
  passcodeEnabled: boolean;
  releaseAt: string | null;
  catalogIds: string[];
  lookbookIds: string[];
  background: LinkBackground;
  video: LinkVideo | null;
  contacts: LinkContact[];
}

export interface LinkVisit {
  /** The SHA-256 its cookie's value is kept as. */
  tokenHash: string;
  passcodePassed: boolean;
  method: LinkLogInMethod | null;
  buyerUserId: string | null;
  buyerId: string | null;
  onBehalfOf: string | null;
  /** The device the staff member opened the link from ("Open as", link-tickets.ts). */
  onBehalfDevice: string | null;
}

type ActorOf<Name extends BuyerOperationName> = {
  anyone: Visitor;
  linkHolder: LinkHolder;
  buyer: SignedInBuyer;
  customerLink: LinkVisitor;
}[BuyerRoutes[Name]['caller']];

/** JSON serialized and compressed before it was asked for (a share link's selection). */
export interface PreparedAnswer {
  body: Buffer;
  encoding: Encoding;
}

export interface PictureAnswer {
  contentType: string;
  bytes: Uint8Array;
}

/** A new session or visit: the adapter sets its cookie; the hub keeps the token's hash. */
export interface SessionGrant {
  token: string;
  expires: Date;
}

type AnswerOfKind<Name extends BuyerOperationName> = {
  json: BuyerOutputOf<Name>;
  created: { value: BuyerOutputOf<Name>; created: boolean };
  prepared: PreparedAnswer;
  picture: PictureAnswer;
  none: void;
}[AnswerKindOf<Name>];

/** What a handler answers, by the kind of answer its route declares. */
export type HandlerAnswerOf<Name extends BuyerOperationName> = BuyerRoutes[Name] extends {
  session: 'starts';
}
  ? { value: AnswerOfKind<Name>; session: SessionGrant | null }
  : AnswerOfKind<Name>;

/** What the request asks of an answer, beside its input. */
export interface AnswerWanted {
  /** The encoding to prepare an answer in, from Accept-Encoding. */
  encoding: Encoding;
}

/**
 * The one implementation of every buyer API operation: a function of who calls and the
 * validated input. A missing, misspelled or extra operation, or an answer of the wrong
 * shape, fails the build.
 */
export type BuyerApiHandlers = {
  [Name in BuyerOperationName]: (
    actor: ActorOf<Name>,
    input: BuyerParsedInputOf<Name>,
    wanted: AnswerWanted,
  ) => Promise<HandlerAnswerOf<Name>>;
};

/** How the adapter learns who calls, before a handler runs; each refuses as its route says. */
export interface BuyerApiCallers {
  /** The link a token names, if it is live now; `link_expired` otherwise. */
  linkHolder(token: string, visitor: Visitor): Promise<LinkHolder>;
  /** The buyer whose session the visitor's cookie carries; `unauthorized` otherwise. */
  buyer(visitor: Visitor): Promise<SignedInBuyer>;
  /** The customer order link a token names and the visit, unless disabled; `link_expired` otherwise. */
  customerLink(token: string, visitor: Visitor): Promise<LinkVisitor>;
}

type PreparedOperation = {
  [Name in BuyerOperationName]: AnswerKindOf<Name> extends 'prepared' ? Name : never;
}[BuyerOperationName];

/**
 * A prepared answer's JSON, checked and encoded by the operation's output schema as the
 * adapter does every other JSON answer when it sends it.
 */
export function preparedJson<Name extends PreparedOperation>(
  name: Name,
  output: BuyerOutputOf<Name>,
): string {
  return JSON.stringify((buyerSchemas[name].output as z.ZodType).encode(output));
}
