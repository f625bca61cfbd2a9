import { CATALOG_ADDRESS_FIELDS, isInstant, type CatalogAddressField } from './catalogs.ts';
import { contactProblem, EMAIL_PATTERN } from './checkout-contact.ts';
import type { Id, Instant } from './model.ts';
import { PAYMENT_METHODS, type PaymentMethod } from './order-states.ts';
import type { Refusal } from './refusal.ts';

/**
 * Customer order links, as customer-order-links.txt describes them: one address that
 * leads a buyer, once logged in, to several catalogs under the buyer's own trading
 * terms. The link holds no prices, language or currency of its own; it holds the
 * access rules (view-only, passcode, release and expiration dates), the checkout
 * settings that override its catalogs' (address field, payment method, shipping rate
 * groups), the media of its pages (video, background, lookbooks) and its contacts.
 * Its name and description are the brand's own notes: never sent to a buyer.
 */

/**
 * Where a link's address leads on the hub (`/c/<token>`), and the page the buyer app
 * shows it at once the token has left the address bar.
 */
export const LINK_ADDRESS_PREFIX = '/c/';
export const LINK_PAGE_PATH = '/link';

/** Styles a page of a link's catalog shows, and "Show more" adds. */
export const LINK_STYLES_PAGE = 24;

export const MAX_LINK_NAME = 120;
export const MAX_LINK_DESCRIPTION = 2_000;
export const MAX_LINK_CATALOGS = 50;
export const MAX_LINK_RATE_GROUPS = 50;
export const MAX_LINK_LOOKBOOKS = 20;
export const MAX_LINK_CONTACTS = 10;
/** A passcode a buyer types from a mail or a card: short enough to type, long enough to guess slowly. */
export const MIN_LINK_PASSCODE = 6;
export const MAX_LINK_PASSCODE = 64;
export const MAX_EMBED_ADDRESS = 500;

export const LINK_CONTACT_LIMITS = {
  firstName: 80,
  lastName: 80,
  email: 254,
  phone: 40,
  note: 500,
} as const;

/**
 * Where an embedded video may come from: the players that give an address made to be
 * put in a frame (a YouTube address of the form https://www.youtube.com/embed/<id>). The
 * buyer pages' security policy allows frames from these hosts and no others.
 */
export const VIDEO_EMBED_HOSTS = [
  { host: 'www.youtube.com', path: /^\/embed\/[\w-]{6,64}$/ },
  { host: 'www.youtube-nocookie.com', path: /^\/embed\/[\w-]{6,64}$/ },
  { host: 'player.vimeo.com', path: /^\/video\/\d{3,20}$/ },
] as const;

/** https://host/path, nothing else: no user, port, query or fragment a player does not need. */
const EMBED_ADDRESS = /^https:\/\/([a-z\d.-]+)(\/[^?#\s]*)(\?[^#\s]*)?$/i;

/** Whether an address is a video player's embed address (https, a known player, its embed path). */
export function isVideoEmbedAddress(address: string): boolean {
  if (address.length > MAX_EMBED_ADDRESS) return false;
  const match = EMBED_ADDRESS.exec(address);
  if (!match) return false;
  const [, host, path] = match as unknown as [string, string, string];
  return VIDEO_EMBED_HOSTS.some(
    (embed) => embed.host === host.toLowerCase() && embed.path.test(path),
  );
}

/** "Video": an embed address, or a video file uploaded to the brand's media. */
export type LinkVideo =
  | { readonly kind: 'embed'; readonly url: string }
  | { readonly kind: 'file'; readonly mediaId: Id };

/** "Background Media Type" of the passcode and expired screens: Empty, Image or Video. */
export const BACKGROUND_MEDIA_TYPES = ['empty', 'image', 'video'] as const;
export type BackgroundMediaType = (typeof BACKGROUND_MEDIA_TYPES)[number];
export type LinkBackground =
  | { readonly kind: 'empty' }
  | { readonly kind: 'image'; readonly mediaId: Id }
  | { readonly kind: 'video'; readonly url: string };

export interface LinkContact {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly phone: string;
  /** Free text; "Line breaks are not considered", so they are stored as spaces. */
  readonly note: string;
}

export interface CustomerOrderLinkSettings {
  readonly name: string;
  readonly description: string;
  readonly viewOnly: boolean;
  /** "Transition offline buyers to customer-owned buyers on order completion". */
  readonly offlineBuyerTransition: boolean;
  readonly addressField: CatalogAddressField;
  /** "Set the release date.": the link opens at this instant; null: at once. */
  readonly releaseAt: Instant | null;
  /** "Set the expiration date.": the link closes at this instant; null: never. */
  readonly expiresAt: Instant | null;
  readonly passcodeEnabled: boolean;
  readonly catalogIds: readonly Id[];
  readonly paymentMethods: readonly string[];
  readonly shippingRateGroupIds: readonly Id[];
  readonly video: LinkVideo | null;
  readonly background: LinkBackground;
  readonly lookbookIds: readonly Id[];
  readonly contacts: readonly LinkContact[];
}

export const CUSTOMER_ORDER_LINK_REFUSALS = [
  'link_name_required',
  'link_name_too_long',
  'link_description_too_long',
  'link_date_invalid',
  'link_expiry_before_release',
  'link_address_field_invalid',
  'link_passcode_required',
  'link_passcode_too_short',
  'link_passcode_too_long',
  'link_catalog_required',
  'link_too_many_catalogs',
  'link_payment_method_required',
  'link_payment_method_invalid',
  'link_too_many_rate_groups',
  'link_rate_groups_overlap',
  'link_video_not_embed',
  'link_media_required',
  'link_too_many_lookbooks',
  'link_too_many_contacts',
  'link_contact_name_required',
  'link_contact_field_too_long',
  'link_contact_email_invalid',
] as const;
export type CustomerOrderLinkRefusal = (typeof CUSTOMER_ORDER_LINK_REFUSALS)[number];

export type LinkField = keyof CustomerOrderLinkSettings | 'passcode';

/**
 * A problem at the field it concerns; a contact's problem names the contact's index and
 * field in `params` (`index`, `field`) so the form marks that box.
 */
export interface LinkProblem extends Refusal<CustomerOrderLinkRefusal> {
  readonly field: LinkField;
}

function problem(
  field: LinkField,
  code: CustomerOrderLinkRefusal,
  params: Refusal['params'] = {},
): LinkProblem {
  return { field, code, params };
}

/** What an admin types for the passcode: the new one, or nothing to keep the one set. */
export interface PasscodeChange {
  /** A new passcode; null keeps the link's current one. */
  readonly passcode: string | null;
  /** Whether the link has a passcode already (editing), so none needs typing. */
  readonly hasPasscode: boolean;
}

/**
 * Everything wrong with a link's settings, each at its field; none: it may be saved.
 * Dates are instants (the form reads what was typed in the computer's time zone); an
 * expiration at or before the release leaves buyers no moment to open the link.
 */
export function customerOrderLinkProblems(
  link: CustomerOrderLinkSettings,
  passcode: PasscodeChange = { passcode: null, hasPasscode: false },
): LinkProblem[] {
  const problems: LinkProblem[] = [];
  const name = link.name.trim();
  if (name === '') problems.push(problem('name', 'link_name_required'));
  if (name.length > MAX_LINK_NAME) {
    problems.push(problem('name', 'link_name_too_long', { max: MAX_LINK_NAME }));
  }
  if (link.description.length > MAX_LINK_DESCRIPTION) {
    problems.push(
      problem('description', 'link_description_too_long', { max: MAX_LINK_DESCRIPTION }),
    );
  }
  const [release, expiry] = (['releaseAt', 'expiresAt'] as const).map((field) => {
    const value = link[field];
    if (value === null) return null;
    if (!isInstant(value)) {
      problems.push(problem(field, 'link_date_invalid'));
      return null;
    }
    return Date.parse(value);
  });
  if (release != null && expiry != null && expiry <= release) {
    problems.push(problem('expiresAt', 'link_expiry_before_release'));
  }
  if (link.passcodeEnabled) problems.push(...passcodeProblems(passcode));
  if (link.catalogIds.length === 0) problems.push(problem('catalogIds', 'link_catalog_required'));
  if (new Set(link.catalogIds).size > MAX_LINK_CATALOGS) {
    problems.push(problem('catalogIds', 'link_too_many_catalogs', { max: MAX_LINK_CATALOGS }));
  }
  if (!(CATALOG_ADDRESS_FIELDS as readonly string[]).includes(link.addressField)) {
    problems.push(problem('addressField', 'link_address_field_invalid'));
  }
  if (link.paymentMethods.length === 0) {
    problems.push(problem('paymentMethods', 'link_payment_method_required'));
  }
  const unknown = link.paymentMethods.find(
    (method) => !(PAYMENT_METHODS as readonly string[]).includes(method),
  );
  if (unknown !== undefined) {
    problems.push(problem('paymentMethods', 'link_payment_method_invalid', { method: unknown }));
  }
  if (new Set(link.shippingRateGroupIds).size > MAX_LINK_RATE_GROUPS) {
    problems.push(
      problem('shippingRateGroupIds', 'link_too_many_rate_groups', { max: MAX_LINK_RATE_GROUPS }),
    );
  }
  if (link.video?.kind === 'embed' && !isVideoEmbedAddress(link.video.url)) {
    problems.push(problem('video', 'link_video_not_embed'));
  }
  if (link.video?.kind === 'file' && link.video.mediaId === '') {
    problems.push(problem('video', 'link_media_required'));
  }
  if (link.background.kind === 'video' && !isVideoEmbedAddress(link.background.url)) {
    problems.push(problem('background', 'link_video_not_embed'));
  }
  if (link.background.kind === 'image' && link.background.mediaId === '') {
    problems.push(problem('background', 'link_media_required'));
  }
  if (new Set(link.lookbookIds).size > MAX_LINK_LOOKBOOKS) {
    problems.push(problem('lookbookIds', 'link_too_many_lookbooks', { max: MAX_LINK_LOOKBOOKS }));
  }
  if (link.contacts.length > MAX_LINK_CONTACTS) {
    problems.push(problem('contacts', 'link_too_many_contacts', { max: MAX_LINK_CONTACTS }));
  }
  link.contacts.forEach((contact, index) => problems.push(...contactProblems(contact, index)));
  return problems;
}

function passcodeProblems({ passcode, hasPasscode }: PasscodeChange): LinkProblem[] {
  if (passcode === null) {
    return hasPasscode ? [] : [problem('passcode', 'link_passcode_required')];
  }
  if (passcode.length < MIN_LINK_PASSCODE) {
    return [problem('passcode', 'link_passcode_too_short', { min: MIN_LINK_PASSCODE })];
  }
  if (passcode.length > MAX_LINK_PASSCODE) {
    return [problem('passcode', 'link_passcode_too_long', { max: MAX_LINK_PASSCODE })];
  }
  return [];
}

function contactProblems(contact: LinkContact, index: number): LinkProblem[] {
  const problems: LinkProblem[] = [];
  if (contact.firstName.trim() === '' && contact.lastName.trim() === '') {
    problems.push(problem('contacts', 'link_contact_name_required', { index, field: 'firstName' }));
  }
  for (const field of Object.keys(LINK_CONTACT_LIMITS) as (keyof LinkContact)[]) {
    const max = LINK_CONTACT_LIMITS[field];
    if (contact[field].trim().length > max) {
      problems.push(problem('contacts', 'link_contact_field_too_long', { index, field, max }));
    }
  }
  const emailRule = {
    trim: true,
    required: false,
    max: LINK_CONTACT_LIMITS.email,
    pattern: EMAIL_PATTERN,
  };
  if (contactProblem(emailRule, contact.email) === 'invalid_format') {
    problems.push(problem('contacts', 'link_contact_email_invalid', { index, field: 'email' }));
  }
  return problems;
}

/** A contact as stored: trimmed, and the note on one line ("Line breaks are not considered"). */
export function normalizedContact(contact: LinkContact): LinkContact {
  return {
    firstName: contact.firstName.trim(),
    lastName: contact.lastName.trim(),
    email: contact.email.trim(),
    phone: contact.phone.trim(),
    note: contact.note.replace(/\s*[\r\n]+\s*/g, ' ').trim(),
  };
}

/** Payment methods as stored: known ones only, each once, in the domain's order. */
export function linkPaymentMethods(methods: readonly string[]): PaymentMethod[] {
  return PAYMENT_METHODS.filter((method) => methods.includes(method));
}

/**
 * "Shipping Fee Settings": a rate group per currency and country. Two of the link's
 * groups both pricing one country in one currency would leave the checkout to guess,
 * so the link may not name both; the first such pair is the problem.
 */
export function rateGroupOverlap(
  groups: readonly {
    readonly id: Id;
    readonly name: string;
    readonly rates: readonly { readonly country: string; readonly currency: string }[];
  }[],
): LinkProblem | null {
  const seen = new Map<string, string>();
  for (const group of groups) {
    for (const rate of group.rates) {
      const key = `${rate.country} ${rate.currency}`;
      const other = seen.get(key);
      if (other !== undefined && other !== group.name) {
        return problem('shippingRateGroupIds', 'link_rate_groups_overlap', {
          country: rate.country,
          currency: rate.currency,
          first: other,
          second: group.name,
        });
      }
      seen.set(key, group.name);
    }
  }
  return null;
}

/**
 * What the link's list says of it. "waiting to sync" is the desktop's to add (the hub
 * has not accepted it yet); the rest follow from the link and the instant.
 */
export const LINK_STATES = ['disabled', 'scheduled', 'live', 'expired'] as const;
export type LinkState = (typeof LINK_STATES)[number];

export function customerOrderLinkState(
  link: {
    readonly releaseAt: Instant | null;
    readonly expiresAt: Instant | null;
    readonly disabledAt: Instant | null;
  },
  now: Date,
): LinkState {
  if (link.disabledAt !== null) return 'disabled';
  if (link.expiresAt !== null && Date.parse(link.expiresAt) <= now.getTime()) return 'expired';
  if (link.releaseAt !== null && Date.parse(link.releaseAt) > now.getTime()) return 'scheduled';
  return 'live';
}

/** A link's settings as a new one starts with them (lists left writable for the form). */
export function newLinkSettings() {
  return {
    name: '',
    description: '',
    viewOnly: false,
    offlineBuyerTransition: false,
    addressField: 'show' as CatalogAddressField,
    releaseAt: null as Instant | null,
    expiresAt: null as Instant | null,
    passcodeEnabled: false,
    catalogIds: [] as Id[],
    paymentMethods: ['outside_app'] as PaymentMethod[],
    shippingRateGroupIds: [] as Id[],
    video: null as LinkVideo | null,
    background: { kind: 'empty' } as LinkBackground,
    lookbookIds: [] as Id[],
    contacts: [] as LinkContact[],
  } satisfies CustomerOrderLinkSettings;
}

/**
 * The three ways a buyer logs in to a customer order link ("Types of Login
 * Authentication Methods"): a user account's email and password, the email and
 * password the brand set for an offline buyer, or the buyer's unique code and passcode
 * (mostly the brand itself, operating the cart on the buyer's behalf).
 */
export const LINK_LOG_IN_METHODS = ['userAccount', 'offlineBuyer', 'brandCredentials'] as const;
export type LinkLogInMethod = (typeof LINK_LOG_IN_METHODS)[number];

/**
 * Which screen a visitor of a link sees, in the order the spec puts them: a link not
 * yet released says when it opens and an expired one says so (both over the link's
 * background); then the passcode when the link has one; then the log-in; then, for a
 * person belonging to several buyers, the choice of one; then the catalogs.
 */
export type LinkScreen = 'scheduled' | 'expired' | 'passcode' | 'logIn' | 'chooseBuyer' | 'catalog';

export function linkScreen(visit: {
  readonly state: Exclude<LinkState, 'disabled'>;
  readonly passcodeEnabled: boolean;
  readonly passcodePassed: boolean;
  readonly loggedIn: boolean;
  readonly buyerChosen: boolean;
}): LinkScreen {
  if (visit.state === 'scheduled') return 'scheduled';
  if (visit.state === 'expired') return 'expired';
  if (visit.passcodeEnabled && !visit.passcodePassed) return 'passcode';
  if (!visit.loggedIn) return 'logIn';
  return visit.buyerChosen ? 'catalog' : 'chooseBuyer';
}
