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
