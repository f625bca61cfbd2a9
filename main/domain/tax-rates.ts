import { isCountryCode } from './addresses.ts';
import { MAX_TAX_RATE_BP } from './dtc.ts';
import { refuse, type Decided, type Refusal } from './refusal.ts';

/**
 * The brand's tax rate per country for direct-to-consumer checkout, in basis points
 * (2500 is 25 %), as an admin types it in Settings: a percentage such as "25" or "8.25".
 * Like money, a rate is read digit by digit, never through a float, and a rate finer
 * than a basis point is refused rather than rounded.
 */

/** Basis points in one percent. */
const BP_PER_PERCENT = 100;
/** Decimals of a percentage a basis point can hold. */
export const TAX_RATE_DECIMALS = 2;
/** The highest rate as a person types it: 100 (%). */
export const MAX_TAX_RATE_PERCENT = MAX_TAX_RATE_BP / BP_PER_PERCENT;

export const TAX_RATE_REFUSALS = [
  'tax_country_required',
  'tax_country_unknown',
  'tax_rate_required',
  'tax_rate_negative',
  'tax_rate_unreadable',
  'tax_rate_too_precise',
  'tax_rate_too_high',
] as const;
export type TaxRateRefusal = (typeof TAX_RATE_REFUSALS)[number];

/** A decimal point or comma (percentages under 100 never need a thousands separator), then a percent sign if typed. */
const PERCENT = /^(\d{1,6})(?:[.,](\d+))?\s*%?$/;

/**
 * Reads a percentage as a person types it ("25", "8.25", "8,25", "7.5 %") into basis
 * points. Empty, negative, unreadable, finer than a basis point or above 100 % each has
 * its code, with what the admin needs to put it right.
 */
export function parseTaxRatePercent(text: string): Decided<{ rateBp: number }, TaxRateRefusal> {
  const typed = text.trim();
  if (typed === '' || typed === '%') return refuse('tax_rate_required');
  if (/^[-−]/.test(typed)) return refuse('tax_rate_negative');
  const match = PERCENT.exec(typed);
  if (!match) return refuse('tax_rate_unreadable', { example: '8.25' });
  const fraction = match[2] ?? '';
  if (fraction.length > TAX_RATE_DECIMALS) {
    return refuse('tax_rate_too_precise', { decimals: TAX_RATE_DECIMALS });
  }
  const rateBp =
    Number(match[1]) * BP_PER_PERCENT + Number(fraction.padEnd(TAX_RATE_DECIMALS, '0'));
  if (rateBp > MAX_TAX_RATE_BP) return refuse('tax_rate_too_high', { max: MAX_TAX_RATE_PERCENT });
  return { ok: true, rateBp };
}

/** A rate as the field shows it again, the inverse of parseTaxRatePercent: 2500 → "25", 825 → "8.25". */
export function taxRatePercentText(rateBp: number): string {
  const whole = Math.trunc(rateBp / BP_PER_PERCENT);
  const fraction = String(rateBp % BP_PER_PERCENT)
    .padStart(TAX_RATE_DECIMALS, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

/** Whether a stored rate is one the brand may keep: whole basis points from 0 to 100 %. */
export function isTaxRateBp(rateBp: number): boolean {
  return Number.isInteger(rateBp) && rateBp >= 0 && rateBp <= MAX_TAX_RATE_BP;
}

export type TaxRateField = 'countryCode' | 'rate';

/** A problem of a typed tax rate, at the field it concerns. */
export interface TaxRateProblem extends Refusal<TaxRateRefusal> {
  readonly field: TaxRateField;
}

/**
 * A country's rate as Settings sends it: an ISO 3166-1 alpha-2 country from the
 * addresses' list and a percentage. Every problem comes back, each at its field.
 */
export function readTaxRate(typed: {
  readonly countryCode: string;
  readonly rate: string;
}):
  | { readonly ok: true; readonly countryCode: string; readonly rateBp: number }
  | { readonly ok: false; readonly problems: readonly TaxRateProblem[] } {
  const problems: TaxRateProblem[] = [];
  const country = taxCountryProblem(typed.countryCode);
  if (country) problems.push({ ...country, field: 'countryCode' });
  const rate = parseTaxRatePercent(typed.rate);
  if (!rate.ok) problems.push({ code: rate.code, params: rate.params, field: 'rate' });
  if (problems.length > 0 || !rate.ok) return { ok: false, problems };
  return { ok: true, countryCode: typed.countryCode, rateBp: rate.rateBp };
}

/** Why a country cannot carry a tax rate, or null: a rate is for a country the addresses know. */
export function taxCountryProblem(countryCode: string): Refusal<TaxRateRefusal> | null {
  if (countryCode === '') return { code: 'tax_country_required', params: {} };
  if (!isCountryCode(countryCode)) {
    return { code: 'tax_country_unknown', params: { country: countryCode } };
  }
  return null;
}
