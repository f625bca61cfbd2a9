/**
 * GTIN barcodes (EAN-8, UPC-A, EAN-13, GTIN-14) as printed on swing tags: digits whose
 * last one is a mod-10 check digit, so a mistyped or misread code is caught at once.
 */
const GTIN = /^(?:\d{8}|\d{12}|\d{13}|\d{14})$/;

/** The check digit for the digits before it (weights 3,1,3,… from the right). */
export function gtinCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidGtin(code: string): boolean {
  if (!GTIN.test(code)) return false;
  return gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/** An EAN-13 from a company prefix and an item number that together fill 12 digits. */
export function makeGtin13(companyPrefix: string, itemNumber: number): string {
  const itemDigits = 12 - companyPrefix.length;
  const item = String(itemNumber);
  if (!/^\d{6,10}$/.test(companyPrefix) || item.length > itemDigits || itemNumber < 0) {
    throw new RangeError(`Item ${itemNumber} does not fit after prefix ${companyPrefix}`);
  }
  const body = companyPrefix + item.padStart(itemDigits, '0');
  return body + String(gtinCheckDigit(body));
}
