/** A tax rate in basis points as the reader's language writes a percentage: 1900 is "19%". */
export function taxRateText(rateBp: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(
    rateBp / 10_000,
  );
}
