import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** TrueType files for the PDF's text: Noto Sans JP draws Latin and Japanese alike. */
export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** Read at run time from the worker, so packaged apps unpack it (electron-builder.yml). */
export const PDF_FONT_PACKAGE = '@expo-google-fonts/noto-sans-jp';
const FILES = {
  regular: `${PDF_FONT_PACKAGE}/400Regular/NotoSansJP_400Regular.ttf`,
  bold: `${PDF_FONT_PACKAGE}/700Bold/NotoSansJP_700Bold.ttf`,
};

let loaded: PdfFonts | null | undefined;

/**
 * The fonts the app ships for PDFs, read once per process (11 MB; pdfkit embeds only the
 * glyphs a document uses). Null where the font package is missing: the PDF then falls back
 * to Helvetica, which has no Japanese, and says so by drawing "?" rather than garbage.
 */
export function shippedPdfFonts(): PdfFonts | null {
  if (loaded === undefined) {
    try {
      // Resolved from this module, so it works from source and from the worker's bundle,
      // whose node_modules sit beside it (electron-builder.yml unpacks them).
      const require = createRequire(import.meta.url);
      loaded = {
        regular: readFileSync(require.resolve(FILES.regular)),
        bold: readFileSync(require.resolve(FILES.bold)),
      };
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/**
 * What the built-in Helvetica can draw: Windows-1252. pdfkit writes any other character as
 * its raw bytes, so "日本" would come out as Latin gibberish that reads like a real name.
 */
const NOT_WIN_ANSI =
  /[^\u0020-\u007e\u00a0-\u00ff\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178\n]/gu;

/** Look-alikes Helvetica has, for characters the sheet itself writes. */
const SUBSTITUTES: Record<string, string> = { '\u2212': '-', '\u202f': ' ' };

export function toWinAnsi(text: string): string {
  return text.normalize('NFC').replace(NOT_WIN_ANSI, (char) => SUBSTITUTES[char] ?? '?');
}
