import {
  CONFIRMATION_LABELS,
  confirmationFormat,
  type ConfirmationDocument,
  type ConfirmationGroup,
} from '../../domain/order-confirmation.ts';
import { giveWay } from '../../platform/give-way.ts';
import type { PdfFonts } from './pdf-fonts.ts';
import {
  ALERT,
  ALERT_BAND,
  BOTTOM,
  colorOf,
  INK,
  MARGIN,
  MUTED,
  openSheet,
  RULE,
  TOP,
} from './pdf-sheet.ts';

export interface ConfirmationPdfOptions {
  /** When the PDF was made; now by default. */
  now?: Date;
  /** Where the placement date is read; the document's (the buyer's) zone, else UTC. */
  timeZone?: string;
  /** The shipped Noto Sans JP by default; null for pdfkit's Helvetica (no Japanese). */
  fonts?: PdfFonts | null;
  /** false leaves the page contents readable as text, for tests. */
  compress?: boolean;
}

const HEADER_ROW_HEIGHT = 18;
/** Rows drawn between two turns of the event loop. */
const YIELD_EVERY = 20;
const ROW_PADDING = 6;
const SIZE_CELL = { width: 24, labelHeight: 11, quantityHeight: 13, gap: 3 };

/**
 * The order confirmation as a PDF: A4 portrait, the brand and number on top, who it is
 * for and where it goes, then a row per style and colour with its size grid, units and
 * amount, and the totals with discount and shipping at the end. Rows never split across
 * pages; column headings repeat on each page.
 */
export async function orderConfirmationPdf(
  document: ConfirmationDocument,
  options: ConfirmationPdfOptions = {},
): Promise<Uint8Array> {
  const now = options.now ?? new Date();
  const sheet = openSheet({
    layout: 'portrait',
    language: document.language,
    title: `${CONFIRMATION_LABELS[document.language].title} ${document.number.text}`,
    author: document.brandName,
    subject: (language) => CONFIRMATION_LABELS[language].title,
    now,
    ...(options.fonts !== undefined ? { fonts: options.fonts } : {}),
    ...(options.compress !== undefined ? { compress: options.compress } : {}),
  });
  const { doc, write, textHeight, rule, width: WIDTH, height: PAGE_HEIGHT } = sheet;
  const labels = CONFIRMATION_LABELS[sheet.language];
  const format = confirmationFormat(sheet.language);

  const amount = { x: WIDTH - 70, w: 70 };
  const units = { x: amount.x - 40, w: 36 };
  const price = { x: units.x - 68, w: 64 };
  const COLUMNS = {
    style: { x: 0, w: 112 },
    colorway: { x: 118, w: 84 },
    sizes: { x: 206, w: price.x - 206 - 6 },
    price,
    units,
    amount,
  };
  const sizesPerRow = Math.max(1, Math.floor(COLUMNS.sizes.w / SIZE_CELL.width));

  let y = drawFirstPage();
  y = drawColumnHeadings(y);
  for (const [index, group] of document.groups.entries()) {
    // The hub draws this in its sender, on the thread that answers buyers: a long order
    // gives way now and then rather than holding every request for the whole document.
    if (index > 0 && index % YIELD_EVERY === 0) await giveWay();
    const height = rowHeight(group);
    if (y + height > PAGE_HEIGHT - BOTTOM) {
      doc.addPage();
      y = drawColumnHeadings(TOP);
    }
    drawRow(group, y, height);
    y += height;
  }
  drawTotals(y);
  sheet.frame(
    [document.brandName, `${labels.title} ${document.number.text}`, document.buyer.name]
      .filter((part) => part)
      .join(' · '),
    `${labels.title} · ${document.number.text} · ${document.buyer.name}`,
    labels.page,
  );
  return sheet.finish();

  function drawFirstPage(): number {
    const factsWidth = 230;
    const titleWidth = WIDTH - factsWidth - 20;
    let left = MARGIN;
    if (document.brandName) {
      write(document.brandName.toLocaleUpperCase(sheet.language), 0, left, titleWidth, {
        face: 'bold',
        size: 8.5,
        color: MUTED,
      });
      left += 14;
    }
    write(labels.title, 0, left, titleWidth, { face: 'bold', size: 18 });
    left += textHeight(labels.title, titleWidth, { face: 'bold', size: 18 }) + 2;
    const number = document.number.provisional
      ? `${document.number.text} (${labels.provisional})`
      : document.number.text;
    write(number, 0, left, titleWidth, { face: 'bold', size: 12 });
    left += 18;

    const facts: [string, string][] = [
      [labels.orderNumber, document.number.text],
      [labels.status, labels.statuses[document.status]],
      [
        labels.placed,
        format.instant(document.placedAt, options.timeZone ?? document.timeZone ?? undefined),
      ],
      [labels.po, document.poNumber || labels.none],
      [
        labels.payment,
        document.paymentMethod ? labels.payments[document.paymentMethod] : labels.none,
      ],
      [labels.shippingRate, document.shippingRateName || labels.none],
    ];
    let right = MARGIN;
    const factsX = WIDTH - factsWidth;
    for (const [label, value] of facts) {
      write(label, factsX, right + 1, 80, { size: 7.5, color: MUTED });
      write(value, factsX + 82, right, factsWidth - 82, {
        size: 9,
        face: label === labels.status ? 'bold' : 'regular',
      });
      right += 13;
    }
    let top = Math.max(left, right) + 6;
    rule(top, { color: INK, weight: 1 });
    top += 8;

    if (document.number.provisional) {
      const noteHeight = textHeight(labels.provisionalNote, WIDTH - 16, { size: 8, lines: 2 });
      doc.rect(MARGIN, top, WIDTH, noteHeight + 10).fill(ALERT_BAND);
      write(labels.provisionalNote, 8, top + 5, WIDTH - 16, { size: 8, color: ALERT, lines: 2 });
      top += noteHeight + 18;
    }

    // Who it is for and where it goes, side by side.
    const gap = 16;
    const column = (WIDTH - 2 * gap) / 3;
    const terms = [
      document.buyer.pricelistName,
      document.buyer.discountBasisPoints > 0
        ? `${labels.discount} ${format.percent(document.buyer.discountBasisPoints)}`
        : null,
    ].filter((part): part is string => part !== null && part !== '');
    const buyerLines = [
      document.contact.name && `${labels.contact}: ${document.contact.name}`,
      document.contact.email,
      document.contact.phone,
      terms.length > 0 ? `${labels.terms}: ${terms.join(' · ')}` : '',
    ].filter((line) => line !== '');
    const blocks: { heading: string; lead: string | null; lines: readonly string[] }[] = [
      { heading: labels[document.buyer.label], lead: document.buyer.name, lines: buyerLines },
      { heading: labels.shipTo, lead: null, lines: document.shipTo ?? [labels.noAddress] },
      { heading: labels.billTo, lead: null, lines: document.billTo ?? [labels.noAddress] },
    ];
    let bottom = top;
    blocks.forEach((block, index) => {
      const x = index * (column + gap);
      let at = top;
      write(block.heading, x, at, column, { face: 'bold', size: 7.5, color: MUTED });
      at += 12;
      if (block.lead) {
        write(block.lead, x, at, column, { face: 'bold', size: 9.5, lines: 2 });
        at += textHeight(block.lead, column, { face: 'bold', size: 9.5, lines: 2 }) + 1;
      }
      for (const line of block.lines) {
        write(line, x, at, column, { size: 8.5, lines: 2 });
        at += textHeight(line, column, { size: 8.5, lines: 2 }) + 1;
      }
      bottom = Math.max(bottom, at);
    });
    top = bottom + 8;

    const { shipStart, cancelDate } = document.window;
    const window =
      shipStart || cancelDate
        ? [
            `${labels.shipStart} ${shipStart ? format.day(shipStart) : labels.none}`,
            `${labels.cancelDate} ${cancelDate ? format.day(cancelDate) : labels.none}`,
          ].join('   ')
        : labels.none;
    write(labels.window, 0, top + 1, 90, { face: 'bold', size: 7.5, color: MUTED });
    write(window, 92, top, WIDTH - 92, { size: 9 });
    return top + 20;
  }

  function drawColumnHeadings(top: number): number {
    return sheet.headings(top, HEADER_ROW_HEIGHT, [
      { label: labels.style, ...COLUMNS.style },
      { label: labels.colorway, ...COLUMNS.colorway },
      { label: labels.sizes, ...COLUMNS.sizes },
      { label: labels.unitPrice, ...COLUMNS.price, align: 'right' },
      { label: labels.units, ...COLUMNS.units, align: 'right' },
      { label: labels.amount, ...COLUMNS.amount, align: 'right' },
    ]);
  }

  function gridRows(group: ConfirmationGroup): number {
    return Math.ceil(group.sizes.length / sizesPerRow);
  }

  function rowHeight(group: ConfirmationGroup): number {
    const grid =
      gridRows(group) * (SIZE_CELL.labelHeight + SIZE_CELL.quantityHeight + SIZE_CELL.gap);
    const style =
      textHeight(group.styleNumber, COLUMNS.style.w, { face: 'bold', size: 8.5 }) +
      textHeight(group.styleName, COLUMNS.style.w, { lines: 2 });
    const colour = textHeight(group.colorway.name, COLUMNS.colorway.w - 13, { lines: 2 }) + 10;
    return Math.max(grid, style, colour) + 2 * ROW_PADDING;
  }

  function drawRow(group: ConfirmationGroup, top: number, height: number) {
    const y0 = top + ROW_PADDING;
    write(group.styleNumber, COLUMNS.style.x, y0, COLUMNS.style.w, { face: 'bold', size: 8.5 });
    const numberHeight = textHeight(group.styleNumber, COLUMNS.style.w, {
      face: 'bold',
      size: 8.5,
    });
    write(group.styleName, COLUMNS.style.x, y0 + numberHeight, COLUMNS.style.w, { lines: 2 });

    doc
      .rect(MARGIN + COLUMNS.colorway.x, y0 + 1.5, 9, 9)
      .lineWidth(0.5)
      .fillAndStroke(colorOf(group.colorway.hex), RULE);
    const nameWidth = COLUMNS.colorway.w - 13;
    write(group.colorway.name, COLUMNS.colorway.x + 13, y0, nameWidth, { lines: 2 });
    const nameHeight = textHeight(group.colorway.name, nameWidth, { lines: 2 });
    write(group.colorway.code, COLUMNS.colorway.x + 13, y0 + nameHeight + 1, nameWidth, {
      size: 7,
      color: MUTED,
    });

    const cells = group.sizes.map((cell) => ({
      size: cell.size,
      quantity: format.count(cell.quantity),
    }));
    sheet.sizeGrid(COLUMNS.sizes.x, y0, cells, SIZE_CELL, sizesPerRow);

    const { low, high } = group.unitPrice;
    const unitPrice =
      low.amountMinor === high.amountMinor
        ? format.money(low)
        : `${format.money(low)} – ${format.money(high)}`;
    write(unitPrice, COLUMNS.price.x, y0, COLUMNS.price.w, { align: 'right', size: 8, lines: 2 });
    write(format.count(group.units), COLUMNS.units.x, y0, COLUMNS.units.w, {
      align: 'right',
      size: 8.5,
      face: 'bold',
    });
    write(format.money(group.amount), COLUMNS.amount.x, y0, COLUMNS.amount.w, {
      align: 'right',
      size: 8.5,
      face: 'bold',
    });
    rule(top + height);
  }

  function drawTotals(top: number) {
    const { totals } = document;
    const rows: [string, string][] = [
      [labels.units, format.count(totals.units)],
      [labels.subtotal, format.money(totals.subtotal)],
    ];
    if (totals.discount) {
      const share =
        totals.discountBasisPoints > 0 ? ` (${format.percent(totals.discountBasisPoints)})` : '';
      rows.push([`${labels.discount}${share}`, `−${format.money(totals.discount)}`]);
    }
    if (totals.shipping) {
      const name = document.shippingRateName ? ` (${document.shippingRateName})` : '';
      rows.push([`${labels.shippingRate}${name}`, format.money(totals.shipping)]);
    }
    if (totals.tax) {
      const label = totals.tax.included ? labels.taxIncluded : labels.tax;
      rows.push([label, format.money(totals.tax.amount)]);
    }
    const closing: [string, string][] = [
      [labels.note, document.note.trim()],
      [labels.approvedBy, document.approvedBy],
      [labels.rep, document.rep ? `${document.rep.name} <${document.rep.email}>` : ''],
    ].filter((row): row is [string, string] => row[1] !== '');

    const { x, y: first } = sheet.totals(
      top,
      rows,
      [labels.total, format.money(totals.total)],
      230,
    );

    // Beside the totals: the note (which flows on when long), who approved, the rep.
    const notesWidth = x - 24;
    let at = first;
    for (const [label, value] of closing) {
      write(label, 0, at, notesWidth, { face: 'bold', size: 7.5, color: MUTED });
      doc.font(sheet.fontOf('regular')).fontSize(8.5).fillColor(INK);
      doc.text(sheet.clean(value), MARGIN, at + 11, { width: notesWidth, lineGap: 1 });
      at = doc.y + 6;
    }
  }
}
