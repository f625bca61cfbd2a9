/**
 * Money is an integer count of the currency's minor units plus its ISO 4217 code.
 * Floating point never holds an amount: decimals typed by people or found in files
 * are parsed digit by digit.
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

/** ISO 4217 codes the runtime knows; Intl would format any three letters, "XYZ" too. */
const CURRENCY_CODES = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return CURRENCY_CODES.has(code);
}

/** Digits after the decimal point for a currency: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}
/** Building an Intl.NumberFormat costs microseconds; imports and price lists ask thousands of times. */
const digitsByCurrency = new Map<string, number>();

export type ParsedAmount = { ok: true; amountMinor: number } | { ok: false; reason: string };

const DECIMAL = /^(\d{1,12})(?:\.(\d+))?$/;

/**
 * Reads an amount as a person writes it in a file or a field ("129", "129.5", "129.50")
 * into minor units. A comma, a sign or more decimals than the currency has is refused
 * with a reason, never rounded away.
 */
export function parseAmount(text: string, currency: string): ParsedAmount {
  const trimmed = text.trim();
  const digits = minorUnitDigits(currency);
  const example = digits === 0 ? '1200' : `12.${'5'.padEnd(digits, '0')}`;
  if (trimmed === '') return { ok: false, reason: 'is empty' };
  if (trimmed.startsWith('-')) return { ok: false, reason: `"${trimmed}" is negative` };
  const match = DECIMAL.exec(trimmed);
  if (!match) {
    return {
      ok: false,
      reason: `"${trimmed}" is not an amount; write digits${digits ? ' with a dot for decimals' : ''}, e.g. ${example}`,
    };
  }
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return {
      ok: false,
      reason:
        digits === 0
          ? `"${trimmed}" has decimals but ${currency} has no minor unit`
          : `"${trimmed}" has more than ${digits} decimals for ${currency}`,
    };
  }
  const amountMinor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(amountMinor)) return { ok: false, reason: `"${trimmed}" is too large` };
  return { ok: true, amountMinor };
}

/**
 * An amount as files write it, the inverse of parseAmount: "129.50" for EUR, "1200" for
 * JPY, built from the integer's digits so no float rounds it.
 */
export function formatDecimal(money: Money): string {
  const digits = minorUnitDigits(money.currency);
  const sign = money.amountMinor < 0 ? '-' : '';
  const minor = String(Math.abs(money.amountMinor)).padStart(digits + 1, '0');
  if (digits === 0) return sign + minor;
  return `${sign}${minor.slice(0, -digits)}.${minor.slice(-digits)}`;
}

export function formatMoney(money: Money, locale = 'en'): string {
  const key = `${locale} ${money.currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    moneyFormats.set(key, format);
  }
  return format.format(money.amountMinor / 10 ** minorUnitDigits(money.currency));
}
/** An order sheet formats thousands of amounts; each new Intl.NumberFormat costs some 50 µs. */
const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * An amount taken off a total, such as a discount, with a minus sign (U+2212) before
 * it: "−€12.50". Nothing taken off shows as zero, without a sign.
 */
export function formatDeduction(money: Money, locale = 'en'): string {
  const amount = formatMoney(money, locale);
  return money.amountMinor > 0 ? `\u2212${amount}` : amount;
}

/** A discount in basis points (1250 = 12.5 %), rounded half up to the minor unit. */
export function applyDiscount(amountMinor: number, discountBasisPoints: number): number {
  if (discountBasisPoints < 0 || discountBasisPoints > 10_000) {
    throw new RangeError('A discount is between 0 and 100 %');
  }
  const discount = Math.floor((amountMinor * discountBasisPoints + 5_000) / 10_000);
  return amountMinor - discount;
}
