import { formatMoney, type Money } from '../../domain/money.ts';
import type {
  ExportedFile,
  SelectionCell,
  SelectionDetail,
  SelectionStyleLine,
} from '../../../preload/contract/selections.ts';
import { safeFileName } from './file-name.ts';
import type { PdfFonts } from './pdf-fonts.ts';
import { pdfPictures, type LoadPicture } from './pdf-pictures.ts';
import {
  A4,
  ALERT,
  BAND,
  BOTTOM,
  colorOf,
  INK,
  MARGIN,
  MUTED,
  openSheet,
  RULE,
  TOP,
  type TextStyle,
} from './pdf-sheet.ts';

export interface SelectionPdfOptions {
  /** The brand's name, heading the sheet. */
  brandName?: string;
  /** When the sheet was made; now by default. */
  now?: Date;
  /** Where the date is read; the system's zone by default. */
  timeZone?: string;
  /** The shipped Noto Sans JP by default; null for pdfkit's Helvetica (no Japanese). */
  fonts?: PdfFonts | null;
  /** false leaves the page contents readable as text, for tests. */
  compress?: boolean;
}

const LABELS = {
  en: {
    orderSheet: 'Order sheet',
    buyer: 'Buyer',
    pricelist: 'Pricelist',
    discount: 'Discount',
    rep: 'Rep',
    date: 'Date',
    style: 'Style',
    colorway: 'Colorway',
    sizes: 'Sizes and quantities',
    wholesale: 'Wholesale',
    retail: 'Retail',
    units: 'Units',
    amount: 'Amount',
    subtotal: 'Subtotal',
    total: 'Total',
    notes: 'Notes',
    noLongerSold: 'No longer sold',
    unsoldCounted: 'Sizes marked “No longer sold” are in no total.',
    missing: (count: number) =>
      count === 1
        ? '1 selected size is no longer in the catalog and is left out.'
        : `${count} selected sizes are no longer in the catalog and are left out.`,
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },
  ja: {
    orderSheet: 'オーダーシート',
    buyer: 'バイヤー',
    pricelist: '価格表',
    discount: '割引',
    rep: '営業担当',
    date: '日付',
    style: 'スタイル',
    colorway: 'カラー',
    sizes: 'サイズと数量',
    wholesale: '卸値',
    retail: '上代',
    units: '数量',
    amount: '金額',
    subtotal: '小計',
    total: '合計',
    notes: '備考',
    noLongerSold: '販売終了',
    unsoldCounted: '「販売終了」のサイズは合計に含まれません。',
    missing: (count: number) => `カタログから削除されたサイズ ${count} 点は含まれていません。`,
    page: (page: number, pages: number) => `${page} / ${pages} ページ`,
  },
};

/** A4 landscape, in points. */
const PAGE_HEIGHT = A4.short;
const WIDTH = A4.long - 2 * MARGIN;

const PICTURE = { width: 46, height: 61 };
const ROW_PADDING = 7;
const ROW_MIN_HEIGHT = PICTURE.height + 2 * ROW_PADDING;
const HEADER_ROW_HEIGHT = 18;
const SIZE_CELL = { width: 26, labelHeight: 12, quantityHeight: 14, gap: 4 };

/** Column left edges and widths, from the left margin; the figures line up on the right. */
const COLUMNS = (() => {
  const amount = { x: WIDTH - 76, w: 76 };
  const units = { x: amount.x - 40, w: 40 };
  const retail = { x: units.x - 64, w: 64 };
  const wholesale = { x: retail.x - 76, w: 76 };
  const sizesX = 306;
  return {
    picture: { x: 0, w: PICTURE.width },
    style: { x: 58, w: 142 },
    colorway: { x: 210, w: 88 },
    sizes: { x: sizesX, w: wholesale.x - sizesX - 8 },
    wholesale,
    retail,
    units,
    amount,
  };
})();
const SIZES_PER_ROW = Math.floor(COLUMNS.sizes.w / SIZE_CELL.width);

/**
 * A selection as the order sheet a rep hands a buyer: A4 landscape, a row per style in
 * one colourway with its picture, size run and quantities, the buyer's terms on top and
 * the totals at the end. Rows never split across pages; column headings repeat on each.
 */
export async function selectionPdf(
  detail: SelectionDetail,
  loadPicture: LoadPicture,
  options: SelectionPdfOptions = {},
): Promise<ExportedFile> {
  const now = options.now ?? new Date();
  const sheet = openSheet({
    layout: 'landscape',
    language: detail.buyer.language,
    title: `${detail.name} – ${detail.buyer.name}`,
    author: detail.owner.name,
    subject: (language) => LABELS[language].orderSheet,
    now,
    ...(options.fonts !== undefined ? { fonts: options.fonts } : {}),
    ...(options.compress !== undefined ? { compress: options.compress } : {}),
  });
  const { doc, language, write, textHeight } = sheet;
  const labels = LABELS[language];

  const locale = language;
  const money = (value: Money | null) => (value ? formatMoney(value, locale) : '—');
  const count = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(now);

  const pictures = pdfPictures(doc, loadPicture, () => sheet.fontOf('regular'));

  // Page one: who the sheet is for and on what terms.
  let y = drawFirstHeader();
  y = drawColumnHeadings(y);

  for (const line of detail.lines) {
    const hasPicture = await pictures.prepare(line.pictureId);
    const height = rowHeight(line);
    if (y + height > PAGE_HEIGHT - BOTTOM) {
      doc.addPage();
      y = drawColumnHeadings(TOP);
    }
    drawRow(line, y, height, hasPicture);
    y += height;
  }

  drawTotals(y);
  sheet.frame(
    [options.brandName, detail.name, detail.buyer.name].filter((part) => part).join(' · '),
    `${labels.orderSheet} · ${date}`,
    labels.page,
  );

  return {
    fileName: safeFileName([detail.name, detail.buyer.name], 'pdf'),
    contentType: 'application/pdf',
    bytes: await sheet.finish(),
  };

  function drawFirstHeader(): number {
    const top = MARGIN;
    const termsWidth = 250;
    const titleWidth = WIDTH - termsWidth - 24;
    let left = top;
    if (options.brandName) {
      write(options.brandName.toLocaleUpperCase(locale), 0, left, titleWidth, {
        face: 'bold',
        size: 8.5,
        color: MUTED,
      });
      left += 14;
    }
    write(detail.name, 0, left, titleWidth, { face: 'bold', size: 18, lines: 2 });
    left += textHeight(detail.name, titleWidth, { face: 'bold', size: 18, lines: 2 }) + 2;
    write(labels.orderSheet, 0, left, titleWidth, { size: 9, color: MUTED });
    left += 14;

    const buyer = detail.buyer;
    const pricelist =
      [buyer.pricelistName, buyer.currency].filter((part) => part !== null).join(' · ') || '—';
    const terms: [string, string][] = [
      [labels.buyer, buyer.name],
      [labels.pricelist, pricelist],
      [labels.discount, percent.format(buyer.discountPercent / 100)],
      [labels.rep, detail.owner.name],
      [labels.date, date],
    ];
    let right = top;
    const termsX = WIDTH - termsWidth;
    for (const [label, value] of terms) {
      write(label, termsX, right + 1, 70, { size: 7.5, color: MUTED });
      const style: TextStyle = { face: label === labels.buyer ? 'bold' : 'regular', size: 9 };
      write(value, termsX + 72, right, termsWidth - 72, style);
      right += 13;
    }

    const bottom = Math.max(left, right) + 8;
    doc
      .moveTo(MARGIN, bottom)
      .lineTo(MARGIN + WIDTH, bottom)
      .lineWidth(1)
      .strokeColor(INK)
      .stroke();
    return bottom + 8;
  }

  function drawColumnHeadings(top: number): number {
    return sheet.headings(top, HEADER_ROW_HEIGHT, [
      { label: labels.style, ...COLUMNS.style },
      { label: labels.colorway, ...COLUMNS.colorway },
      { label: labels.sizes, ...COLUMNS.sizes },
      ...(['wholesale', 'retail', 'units', 'amount'] as const).map((key) => ({
        label: labels[key],
        ...COLUMNS[key],
        align: 'right' as const,
      })),
    ]);
  }

  function sizeRows(line: SelectionStyleLine): SelectionCell[][] {
    const rows: SelectionCell[][] = [];
    for (let i = 0; i < line.cells.length; i += SIZES_PER_ROW) {
      rows.push(line.cells.slice(i, i + SIZES_PER_ROW));
    }
    return rows;
  }

  function styleTexts(line: SelectionStyleLine) {
    const unsold =
      line.unsold.length === 0
        ? null
        : line.unsold.length === line.cells.filter((cell) => cell.quantity > 0).length
          ? labels.noLongerSold
          : `${labels.noLongerSold}: ${line.unsold.join(', ')}`;
    return { unsold };
  }

  function rowHeight(line: SelectionStyleLine): number {
    const grid =
      sizeRows(line).length * (SIZE_CELL.labelHeight + SIZE_CELL.quantityHeight + SIZE_CELL.gap);
    const { unsold } = styleTexts(line);
    const style =
      textHeight(line.styleNumber, COLUMNS.style.w, { face: 'bold', size: 9 }) +
      textHeight(line.name, COLUMNS.style.w, { lines: 2 }) +
      (unsold ? 4 + textHeight(unsold, COLUMNS.style.w, { size: 7.5, lines: 2 }) : 0);
    return Math.max(ROW_MIN_HEIGHT, Math.max(grid, style) + 2 * ROW_PADDING);
  }

  function drawRow(line: SelectionStyleLine, top: number, height: number, hasPicture: boolean) {
    const y0 = top + ROW_PADDING;
    const box = { x: MARGIN, y: y0, width: PICTURE.width, height: PICTURE.height };
    const swatch = colorOf(line.colorway.colorHex);
    if (hasPicture && line.pictureId) {
      pictures.draw(line.pictureId, box);
    } else {
      // No picture pdfkit can draw: the colourway's colour stands in for it.
      const side = 22;
      doc.rect(box.x, box.y, box.width, box.height).fill(BAND);
      doc
        .rect(box.x + (box.width - side) / 2, box.y + (box.height - side) / 2, side, side)
        .fill(swatch);
    }
    doc.rect(box.x, box.y, box.width, box.height).lineWidth(0.5).strokeColor(RULE).stroke();

    let at = y0;
    write(line.styleNumber, COLUMNS.style.x, at, COLUMNS.style.w, { face: 'bold', size: 9 });
    at += textHeight(line.styleNumber, COLUMNS.style.w, { face: 'bold', size: 9 });
    write(line.name, COLUMNS.style.x, at, COLUMNS.style.w, { lines: 2 });
    at += textHeight(line.name, COLUMNS.style.w, { lines: 2 }) + 4;
    const { unsold } = styleTexts(line);
    if (unsold) {
      write(unsold, COLUMNS.style.x, at, COLUMNS.style.w, {
        face: 'bold',
        size: 7.5,
        color: ALERT,
        lines: 2,
      });
    }

    doc
      .rect(MARGIN + COLUMNS.colorway.x, y0 + 1.5, 9, 9)
      .lineWidth(0.5)
      .fillAndStroke(swatch, RULE);
    write(line.colorway.name, COLUMNS.colorway.x + 13, y0, COLUMNS.colorway.w - 13, { lines: 2 });
    const nameHeight = textHeight(line.colorway.name, COLUMNS.colorway.w - 13, { lines: 2 });
    write(
      line.colorway.code,
      COLUMNS.colorway.x + 13,
      y0 + nameHeight + 1,
      COLUMNS.colorway.w - 13,
      {
        size: 7,
        color: MUTED,
      },
    );

    drawSizeGrid(line, y0);

    write(wholesaleOf(line), COLUMNS.wholesale.x, y0, COLUMNS.wholesale.w, {
      align: 'right',
      size: 8.5,
      lines: 2,
    });
    write(money(line.retail), COLUMNS.retail.x, y0, COLUMNS.retail.w, {
      align: 'right',
      size: 8.5,
      color: MUTED,
    });
    write(count.format(line.units), COLUMNS.units.x, y0, COLUMNS.units.w, {
      align: 'right',
      size: 9,
      face: 'bold',
    });
    write(money(line.amount), COLUMNS.amount.x, y0, COLUMNS.amount.w, {
      align: 'right',
      size: 9,
      face: 'bold',
    });

    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + WIDTH, top + height)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
  }

  function drawSizeGrid(line: SelectionStyleLine, top: number) {
    const cells = line.cells.map((cell) => ({
      size: cell.size,
      quantity: cell.quantity > 0 ? String(cell.quantity) : '',
      alert: cell.unitPrice === null && cell.quantity > 0,
    }));
    sheet.sizeGrid(COLUMNS.sizes.x, top, cells, SIZE_CELL, SIZES_PER_ROW);
  }

  /** One price, or the range when sizes are priced apart (e.g. larger sizes cost more). */
  function wholesaleOf(line: SelectionStyleLine): string {
    const prices = line.cells.flatMap((cell) => (cell.unitPrice ? [cell.unitPrice] : []));
    const first = prices[0];
    if (!first) return labels.noLongerSold;
    let low = first;
    let high = first;
    for (const price of prices) {
      if (price.amountMinor < low.amountMinor) low = price;
      if (price.amountMinor > high.amountMinor) high = price;
    }
    return low.amountMinor === high.amountMinor ? money(low) : `${money(low)} – ${money(high)}`;
  }

  function drawTotals(top: number) {
    const totals = detail.totals;
    const rows: [string, string][] = [[labels.units, count.format(totals.units)]];
    rows.push([labels.subtotal, money(totals.subtotal)]);
    if (totals.discountPercent > 0) {
      rows.push([
        `${labels.discount} (${percent.format(totals.discountPercent / 100)})`,
        totals.discount ? `−${money(totals.discount)}` : '—',
      ]);
    }
    const { x, y: notesTop } = sheet.totals(top, rows, [labels.total, money(totals.total)], 250);

    const notesWidth = x - 40;
    let notesY = notesTop;
    if (detail.lines.some((line) => line.unsold.length > 0)) {
      write(labels.unsoldCounted, 0, notesY, notesWidth, { size: 7.5, color: ALERT, lines: 2 });
      notesY += 16;
    }
    if (detail.missingSkuIds.length > 0) {
      write(labels.missing(detail.missingSkuIds.length), 0, notesY, notesWidth, {
        size: 7.5,
        color: ALERT,
        lines: 2,
      });
      notesY += 16;
    }
    if (detail.notes.trim() !== '') {
      write(labels.notes, 0, notesY, notesWidth, { face: 'bold', size: 8, color: MUTED });
      // Notes flow on to further pages when long, so they are written unclipped.
      doc.font(sheet.fontOf('regular')).fontSize(8.5).fillColor(INK);
      doc.text(sheet.clean(detail.notes), MARGIN, notesY + 13, { width: notesWidth, lineGap: 1 });
    }
  }
}
