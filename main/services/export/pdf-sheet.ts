import PDFDocument from 'pdfkit';
import { shippedPdfFonts, toWinAnsi, type PdfFonts } from './pdf-fonts.ts';

/**
 * What every PDF the app makes shares (the selection's order sheet, the order
 * confirmation): an A4 pdfkit document with the shipped fonts, the palette, text that is
 * clipped to its box, a ruled line, page frames ("Page x of y") and the bytes at the end.
 */

export const INK = '#1d1d1b';
export const MUTED = '#6f6b64';
export const RULE = '#dcd7ce';
export const BAND = '#f3f0ea';
export const ALERT = '#b3261e';
export const ALERT_BAND = '#fbe9e7';

/** A4, in points, and the margin every sheet keeps. */
export const A4 = { long: 841.89, short: 595.28 } as const;
export const MARGIN = 28;
/** Pages after the first start below a one-line running header. */
export const TOP = 54;
/** The footer sits below this. */
export const BOTTOM = 42;

export type Face = 'regular' | 'bold';
export interface TextStyle {
  face?: Face;
  size?: number;
  color?: string;
  align?: 'left' | 'right' | 'center';
  /** Lines the text may take before it ends in an ellipsis. */
  lines?: number;
}

export type SheetLanguage = 'en' | 'ja';

/** A table's column: its heading, left edge (from the margin) and width. */
export interface SheetColumn {
  label: string;
  x: number;
  w: number;
  align?: 'left' | 'right';
}

/** A size grid's cell: the size on a band, its quantity below. */
export interface SizeCellBox {
  width: number;
  labelHeight: number;
  quantityHeight: number;
  /** Between the rows of a grid that wraps. */
  gap: number;
}

export interface SizeGridCell {
  size: string;
  /** Empty leaves the cell blank. */
  quantity: string;
  /** Drawn in the alert colour (a size no longer sold). */
  alert?: boolean;
}

export interface SheetOptions {
  layout: 'portrait' | 'landscape';
  /** The language the reader asked for; English when no Japanese font is there. */
  language: string;
  title: string;
  author: string;
  /** In the sheet's language, which openSheet settles. */
  subject: (language: SheetLanguage) => string;
  now: Date;
  /** The shipped Noto Sans JP by default; null for pdfkit's Helvetica (no Japanese). */
  fonts?: PdfFonts | null;
  /** false leaves the page contents readable as text, for tests. */
  compress?: boolean;
}

export interface PdfSheet {
  readonly doc: PDFKit.PDFDocument;
  /** Japanese only with a font that draws it: Helvetica would draw question marks. */
  readonly language: SheetLanguage;
  readonly width: number;
  readonly height: number;
  /** The font name pdfkit knows a face by (for helpers that write on their own). */
  fontOf: (face: Face) => string;
  /** What the fonts can draw of `text`. */
  clean: (text: string) => string;
  /** Writes `text` at (x from the left margin, y), clipped to `width` and its lines. */
  write: (text: string, x: number, y: number, width: number, style?: TextStyle) => void;
  /** The height `write` takes for the same text and style. */
  textHeight: (text: string, width: number, style?: TextStyle) => number;
  /** A horizontal rule across the content width (or from x for width). */
  rule: (
    y: number,
    options?: { x?: number; width?: number; color?: string; weight?: number },
  ) => void;
  /** The band of column headings at `top`; answers where the rows start. */
  headings: (top: number, height: number, columns: readonly SheetColumn[]) => number;
  /** Cells side by side from (x, top), `perRow` to a row, further rows below. */
  sizeGrid: (
    x: number,
    top: number,
    cells: readonly SizeGridCell[],
    box: SizeCellBox,
    perRow: number,
  ) => void;
  /**
   * The totals at the right, below `top` (on a new page when they do not fit): each row's
   * label and figure, a rule, and the total in large. Answers the box's left edge and
   * first row's top, for what goes beside it.
   */
  totals: (
    top: number,
    rows: readonly (readonly [string, string])[],
    total: readonly [string, string],
    boxWidth: number,
  ) => { x: number; y: number };
  /**
   * Footer ("identity · Page x of y") on every page and a running header on every page
   * but the first, drawn once all pages exist.
   */
  frame: (
    identity: string,
    runningHeader: string,
    page: (page: number, pages: number) => string,
  ) => void;
  /** Ends the document and answers its bytes. */
  finish: () => Promise<Uint8Array>;
}

export function openSheet(options: SheetOptions): PdfSheet {
  const fonts = options.fonts === undefined ? shippedPdfFonts() : options.fonts;
  const language: SheetLanguage = fonts && options.language === 'ja' ? 'ja' : 'en';
  const clean = fonts ? (text: string) => text : toWinAnsi;
  const landscape = options.layout === 'landscape';
  const pageWidth = landscape ? A4.long : A4.short;
  const pageHeight = landscape ? A4.short : A4.long;
  const width = pageWidth - 2 * MARGIN;

  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout,
    margins: { top: TOP, bottom: BOTTOM, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: options.compress ?? true,
    lang: language,
    info: {
      Title: clean(options.title),
      Author: clean(options.author),
      Subject: clean(options.subject(language)),
      Creator: 'Trunkshow',
      CreationDate: options.now,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const face: Record<Face, string> = fonts
    ? { regular: 'Body', bold: 'Body-Bold' }
    : { regular: 'Helvetica', bold: 'Helvetica-Bold' };
  if (fonts) {
    doc.registerFont(face.regular, fonts.regular);
    doc.registerFont(face.bold, fonts.bold);
  }

  const write: PdfSheet['write'] = (text, x, y, boxWidth, style = {}) => {
    doc
      .font(face[style.face ?? 'regular'])
      .fontSize(style.size ?? 8)
      .fillColor(style.color ?? INK);
    const lines = style.lines ?? 1;
    doc.text(clean(text), MARGIN + x, y, {
      width: boxWidth,
      align: style.align ?? 'left',
      height: lines * doc.currentLineHeight(true),
      ellipsis: true,
      lineGap: 0,
    });
  };
  const textHeight: PdfSheet['textHeight'] = (text, boxWidth, style = {}) => {
    doc.font(face[style.face ?? 'regular']).fontSize(style.size ?? 8);
    const lines = style.lines ?? 1;
    return Math.min(
      doc.heightOfString(clean(text), { width: boxWidth, lineGap: 0 }),
      lines * doc.currentLineHeight(true),
    );
  };
  const rule: PdfSheet['rule'] = (y, line = {}) => {
    const x = MARGIN + (line.x ?? 0);
    doc
      .moveTo(x, y)
      .lineTo(x + (line.width ?? width - (line.x ?? 0)), y)
      .lineWidth(line.weight ?? 0.5)
      .strokeColor(line.color ?? RULE)
      .stroke();
  };

  const headings: PdfSheet['headings'] = (top, height, columns) => {
    doc.rect(MARGIN, top, width, height).fill(BAND);
    for (const column of columns) {
      write(column.label, column.x, top + 5, column.w, {
        face: 'bold',
        size: 7,
        color: MUTED,
        align: column.align ?? 'left',
      });
    }
    return top + height;
  };

  const sizeGrid: PdfSheet['sizeGrid'] = (left, top, cells, box, perRow) => {
    cells.forEach((cell, index) => {
      const x = MARGIN + left + (index % perRow) * box.width;
      const y = top + Math.floor(index / perRow) * (box.labelHeight + box.quantityHeight + box.gap);
      doc.rect(x, y, box.width, box.labelHeight).fill(BAND);
      if (cell.alert) {
        doc.rect(x, y + box.labelHeight, box.width, box.quantityHeight).fill(ALERT_BAND);
      }
      doc
        .rect(x, y, box.width, box.labelHeight + box.quantityHeight)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      const textX = x - MARGIN + 1;
      write(cell.size, textX, y + 2.5, box.width - 2, { size: 6.5, color: MUTED, align: 'center' });
      if (cell.quantity !== '') {
        write(cell.quantity, textX, y + box.labelHeight + 2, box.width - 2, {
          size: 8.5,
          face: 'bold',
          color: cell.alert ? ALERT : INK,
          align: 'center',
        });
      }
    });
  };

  const totals: PdfSheet['totals'] = (top, rows, [totalLabel, totalValue], boxWidth) => {
    const rowGap = 15;
    let y = top + 14;
    if (y + rows.length * rowGap + 26 > pageHeight - BOTTOM) {
      doc.addPage();
      y = TOP;
    }
    const first = y;
    const x = width - boxWidth;
    for (const [label, value] of rows) {
      write(label, x, y, boxWidth - 110, { size: 8.5, color: MUTED });
      write(value, x + boxWidth - 110, y, 110, { size: 8.5, align: 'right' });
      y += rowGap;
    }
    rule(y, { x, width: boxWidth, color: INK, weight: 1 });
    write(totalLabel, x, y + 6, boxWidth - 130, { size: 11, face: 'bold' });
    write(totalValue, x + boxWidth - 130, y + 6, 130, { size: 11, face: 'bold', align: 'right' });
    return { x, y: first };
  };

  return {
    doc,
    language,
    width,
    height: pageHeight,
    fontOf: (which) => face[which],
    clean,
    write,
    textHeight,
    rule,
    headings,
    sizeGrid,
    totals,
    frame(identity, runningHeader, page) {
      const range = doc.bufferedPageRange();
      const pages = range.count;
      for (let index = 0; index < pages; index++) {
        doc.switchToPage(range.start + index);
        // Writing in the bottom margin would make pdfkit start a new page.
        const bottom = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        const footerY = pageHeight - MARGIN - 4;
        rule(footerY - 6);
        write(identity, 0, footerY, width - 160, { size: 7, color: MUTED });
        write(page(index + 1, pages), width - 150, footerY, 150, {
          size: 7,
          color: MUTED,
          align: 'right',
        });
        if (index > 0) write(runningHeader, 0, MARGIN, width, { size: 7, color: MUTED });
        doc.page.margins.bottom = bottom;
      }
    },
    async finish() {
      doc.end();
      await finished;
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}

/** The colourway's colour, or a neutral grey when the catalog holds no valid one. */
export function colorOf(hex: string): string {
  return /^#[0-9a-f]{6}$/i.test(hex) ? hex : '#c8c4bc';
}
