/**
 * Rules of a buyer's trading terms. A discount is kept in basis points (1 % = 100 bp)
 * so it is a whole number everywhere; people type and read it in percent.
 */
export const MAX_DISCOUNT_BP = 10_000;

export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

export function basisPointsToPercent(basisPoints: number): number {
  return basisPoints / 100;
}

export function isValidDiscount(basisPoints: number): boolean {
  return Number.isInteger(basisPoints) && basisPoints >= 0 && basisPoints <= MAX_DISCOUNT_BP;
}

/**
 * A rep's proposal of new trading terms for a buyer, which an admin approves (the terms
 * become the buyer's) or declines, with a reason the rep reads.
 */
export const TERMS_PROPOSAL_STATUSES = ['pending', 'approved', 'declined'] as const;
export type TermsProposalStatus = (typeof TERMS_PROPOSAL_STATUSES)[number];

/** What a rep writes to the admin beside the proposed terms, e.g. why the buyer asks. */
export const MAX_PROPOSAL_NOTE = 500;
/** What an admin writes back to the rep when declining. */
export const MAX_DECLINE_REASON = 300;
