import type { StaffRole } from './model.ts';

/**
 * What a staff member may do beyond working with buyers and their own selections, which
 * every rep does. The mutators and the hub's routes refuse what a role may not do and the
 * showroom offers only what it may, all from this one table.
 *
 * - changeTradingTerms: set a buyer's pricelist, discount or language, or give a new
 *   buyer a discount. A rep proposes new terms instead; an admin decides.
 * - decideTermsProposals: approve or decline the terms a rep proposed (and so see every
 *   rep's proposals).
 * - changeShareLinkSettings: switch share links with anonymous buyers on or off, and set
 *   their expiry and prepayment checkout.
 * - terminateAllShareLinks: stop every unique share link at once.
 * - changeHubAddress: set the public address every link, QR code and email carries.
 * - changeAnySelection: change, share or check out any rep's selection, not only one's own.
 * - seeEverySelection: see every rep's selections, their links and their orders (a rep
 *   sees their own; the change feed sends each device only what its user may see).
 * - manageDevices: see the brand's devices and revoke them.
 * - unlockAccounts: see the accounts locked after too many wrong passwords, and unlock them.
 * - readApiLogs: read the API Logs.
 * - importCatalog: import products, prices and stock from CSV files into the hub.
 * - changeAnyOrder: complete the checkout of, or confirm, any rep's buyers' orders; a rep
 *   does so for their own buyers' orders (order-states.ts, ORDER_TRANSITIONS).
 * - cancelAnyOrder: cancel any rep's buyers' orders, releasing their stock; a rep cancels
 *   their own buyers' orders.
 * - configureMail: set the SMTP server the hub mails through, send test mails, and read
 *   how each mail went.
 * - configureShipping: set up shipping rate groups and the brand's default group.
 * - manageCatalogs: make, change and remove catalogs (their dates, status, styles and
 *   checkout settings); every rep sells from them.
 * - managePeopleOfAnyBuyer: invite people to any buyer and remove them; a rep does so
 *   for their own buyers (buyer-invitations.ts, mayManagePeople).
 * - manageEveryCustomerOrderLink: see, change and disable every customer order link; a
 *   rep makes links and manages the ones they made.
 * - manageCredentialsOfAnyBuyer: set and clear any buyer's credentials for customer
 *   order links (an offline buyer's email and password, a buyer's code and passcode); a
 *   rep does so for their own buyers (mayActForBuyer).
 * - manageLookbooks: make, change and remove lookbooks; every rep may look at them.
 * - uploadMedia: upload pictures and video files to the hub for lookbooks and links.
 * - configurePayments: switch the Stripe Credit Card Payment add-on on or off and set the
 *   brand's Stripe keys (kept on the hub, never answered).
 * - configureDtc: set up direct-to-consumer checkout: the tax rate of each country,
 *   whether each market's retail prices include tax, and the checkout link template.
 */
export const STAFF_ACTIONS = [
  'changeTradingTerms',
  'decideTermsProposals',
  'changeShareLinkSettings',
  'terminateAllShareLinks',
  'changeHubAddress',
  'changeAnySelection',
  'seeEverySelection',
  'manageDevices',
  'unlockAccounts',
  'readApiLogs',
  'importCatalog',
  'changeAnyOrder',
  'cancelAnyOrder',
  'configureMail',
  'configureShipping',
  'manageCatalogs',
  'managePeopleOfAnyBuyer',
  'manageEveryCustomerOrderLink',
  'manageCredentialsOfAnyBuyer',
  'manageLookbooks',
  'uploadMedia',
  'configurePayments',
  'configureDtc',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

const ALLOWED: Readonly<Record<StaffRole, ReadonlySet<StaffAction>>> = {
  admin: new Set(STAFF_ACTIONS),
  rep: new Set(),
};

export function can(role: StaffRole, action: StaffAction): boolean {
  return ALLOWED[role].has(action);
}

/**
 * Whether a staff member may do for one buyer what a rep does for their own buyers and
 * `anyBuyer` allows for every buyer. A buyer is a rep's own when the rep owns one of its
 * selections (the same tie that makes a buyer's orders the rep's, order-states.ts);
 * `buyerRepIds` are those owners.
 */
export function mayActForBuyer(
  actor: { readonly userId: string; readonly role: StaffRole },
  buyerRepIds: readonly string[],
  anyBuyer: StaffAction,
): boolean {
  return buyerRepIds.includes(actor.userId) || can(actor.role, anyBuyer);
}
