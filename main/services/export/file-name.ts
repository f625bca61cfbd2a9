/** Characters that Windows, macOS or Linux refuse in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g;
/** Names Windows keeps for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** Leaves room for the folder path within Windows' 260 characters. */
const MAX_STEM = 120;

/**
 * A file name a save dialog accepts on every system: what a person reads ("Spring order –
 * Maison Rivière.pdf"), with only the characters some system refuses taken out.
 */
export function safeFileName(parts: readonly string[], extension: string): string {
  const stem = parts
    .map((part) => part.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .join(' – ');
  // Windows drops trailing dots and spaces, so "Order." and "Order" would collide.
  let safe = [...stem]
    .slice(0, MAX_STEM)
    .join('')
    .replace(/[. ]+$/, '');
  if (safe === '' || RESERVED.test(safe)) safe = `selection${safe ? ` ${safe}` : ''}`;
  return `${safe}.${extension}`;
}
