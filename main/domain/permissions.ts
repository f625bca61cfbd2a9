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
 * - importCatalog: import products, prices and stock from CSV files into the hub.
 */
export const STAFF_ACTIONS = [
  'changeTradingTerms',
  'decideTermsProposals',
  'changeShareLinkSettings',
  'terminateAllShareLinks',
  'changeHubAddress',
  'changeAnySelection',
  'importCatalog',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

const ALLOWED: Readonly<Record<StaffRole, ReadonlySet<StaffAction>>> = {
  admin: new Set(STAFF_ACTIONS),
  rep: new Set(),
};

export function can(role: StaffRole, action: StaffAction): boolean {
  return ALLOWED[role].has(action);
}
