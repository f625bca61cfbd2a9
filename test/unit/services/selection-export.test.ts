import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parseAmount } from '../../../main/domain/money.ts';
import { safeFileName } from '../../../main/services/export/file-name.ts';
import type { Picture } from '../../../main/services/export/pdf-pictures.ts';
import { selectionCsv } from '../../../main/services/export/selection-csv.ts';
import { selectionPdf } from '../../../main/services/export/selection-pdf.ts';
import { pdfPages } from '../../support/pdf-text.ts';
import {
  euroSelection,
  largeSelection,
  selectionDetail,
  solidPng,
  styleLine,
  svgPictures,
  yenSelection,
} from '../../support/selection-detail.ts';

const now = new Date('2026-03-12T10:00:00Z');
/** Keeps a BOM, which TextDecoder drops by default. */
const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('selection CSV', () => {
  it('writes one row per SKU with a quantity, amounts as decimals, quoted where needed', () => {
    const file = selectionCsv(euroSelection());
    expect(file.fileName).toBe('Spring 26 – first pass – Maison Rivière.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(file.bytes)).toBe(
      '\ufeff' +
        [
          'style_number,style_name,colorway_code,colorway_name,size,barcode,quantity,wholesale,amount,currency,note',
          'SS26-01001,"Linen shirt, ""relaxed""",NAV,Navy,S,4002601001001,2,49.50,99.00,EUR,',
          'SS26-01001,"Linen shirt, ""relaxed""",NAV,Navy,M,4002601001002,4,49.50,198.00,EUR,',
          'SS26-01001,"Linen shirt, ""relaxed""",NAV,Navy,L,4002601001003,4,49.50,198.00,EUR,',
          'SS26-01001,"Linen shirt, ""relaxed""",NAV,Navy,XL,4002601001004,2,52.00,104.00,EUR,',
          'SS26-01002,Wool coat,CAM,Camel,S,4002601002000,1,189.00,189.00,EUR,',
          'SS26-01002,Wool coat,CAM,Camel,M,4002601002001,2,189.00,378.00,EUR,',
          'SS26-01002,Wool coat,CAM,Camel,L,4002601002002,3,,,EUR,No longer sold',
          'SS26-01003,Leather derby,BLK,Black,37,4002601003001,2,129.50,259.00,EUR,',
          'SS26-01003,Leather derby,BLK,Black,38,4002601003002,3,129.50,388.50,EUR,',
          'SS26-01003,Leather derby,BLK,Black,40,4002601003004,1,129.50,129.50,EUR,',
          'SS26-01003,Leather derby,BLK,Black,41,4002601003005,2,129.50,259.00,EUR,',
          'SS26-01003,Leather derby,BLK,Black,43,4002601003007,4,129.50,518.00,EUR,',
          'SS26-01003,Leather derby,BLK,Black,44,4002601003008,1,129.50,129.50,EUR,',
          'SS26-01003,Leather derby,BLK,Black,46,4002601003010,3,129.50,388.50,EUR,',
        ].join('\r\n') +
        '\r\n',
    );
  });

  it('writes yen without decimals and Japanese names as they are', () => {
    const file = selectionCsv(yenSelection());
    expect(file.fileName).toBe('2026春夏 初回 – 株式会社ミナト.csv');
    expect(text(file.bytes).split('\r\n').slice(1)).toEqual([
      'SS26-02001,リネンシャツ,ECR,生成り,S,4002602001000,3,12000,36000,JPY,',
      'SS26-02001,リネンシャツ,ECR,生成り,M,4002602001001,5,12000,60000,JPY,',
      'SS26-02002,Wide trousers,OLV,Olive,1,4002602002000,2,15500,31000,JPY,',
      'SS26-02002,Wide trousers,OLV,Olive,3,4002602002002,1,15500,15500,JPY,',
      '',
    ]);
  });

  it('reads back with a CSV parser to amounts that add up to the subtotal', () => {
    const detail = euroSelection();
    const rows = parse<Record<string, string>>(text(selectionCsv(detail).bytes), {
      bom: true,
      columns: true,
    });
    expect(rows[0]?.style_name).toBe('Linen shirt, "relaxed"');
    const cents = rows
      .filter((row) => row.amount)
      .reduce((sum, row) => {
        const amount = parseAmount(row.amount!, row.currency!);
        return sum + (amount.ok ? amount.amountMinor : NaN);
      }, 0);
    expect(cents).toBe(detail.totals.subtotal?.amountMinor);
  });

  it('keeps a name from running as a formula in a spreadsheet', () => {
    const name = '=HYPERLINK("http://example.test","Open")';
    const line = styleLine('EUR', ['X-1', name], ['@RED', 'Red', '#aa0000'], [['M', 1, 1000]]);
    const csv = text(selectionCsv(selectionDetail([line], { currency: 'EUR' })).bytes);
    expect(csv.split('\r\n')[1]).toBe(
      `X-1,"'=HYPERLINK(""http://example.test"",""Open"")",'@RED,Red,M,400000001000,1,10.00,10.00,EUR,`,
    );
  });
});

describe('export file names', () => {
  it('keep what a person reads and drop what a file system refuses', () => {
    expect(safeFileName(['A/B: "C"?', 'Buyer*'], 'pdf')).toBe('A B C – Buyer.pdf');
    expect(safeFileName(['Order...', ''], 'csv')).toBe('Order.csv');
    expect(safeFileName(['CON'], 'csv')).toBe('selection CON.csv');
    expect(safeFileName(['\u0000/'], 'csv')).toBe('selection.csv');
    expect(safeFileName(['x'.repeat(300)], 'pdf')).toBe(`${'x'.repeat(120)}.pdf`);
  });
});

describe('selection PDF', () => {
  it('is an A4 landscape order sheet with the terms, lines, unsold sizes and totals', async () => {
    const file = await selectionPdf(euroSelection(), svgPictures, {
      brandName: 'Nordlys',
      now,
      timeZone: 'Europe/Paris',
    });
    expect(file.fileName).toBe('Spring 26 – first pass – Maison Rivière.pdf');
    expect(file.contentType).toBe('application/pdf');
    expect(text(file.bytes.slice(0, 5))).toBe('%PDF-');
    expect(text(file.bytes)).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);

    const pages = await pdfPages(file.bytes);
    expect(pages).toHaveLength(1);
    const page = pages[0]!.split('\n');
    for (const expected of [
      'NORDLYS',
      'Spring 26 – first pass',
      'Maison Rivière',
      'Wholesale EUR · EUR',
      '12.5%',
      'Anna Berg',
      'March 12, 2026',
      'SS26-01001',
      'Linen shirt, "relaxed"',
      'Navy',
      '€49.50 – €52.00',
      '€599.00',
      'SS26-01002',
      'No longer sold: L',
      'SS26-01003',
      '€2,072.00',
      '3,238.00',
      'Discount (12.5%)',
      '−€404.75',
      '€2,833.25',
      'Deliver in two drops: shirts in February, coats in August.',
      'Page 1 of 1',
    ]) {
      expect(pages[0]).toContain(expected);
    }
    // The shoe's size run: sizes as headings, quantities under them.
    expect(page).toEqual(expect.arrayContaining(['36', '46', '4', '3']));
    expect(page).toContain('31');
  });

  it('speaks Japanese to a Japanese buyer, with Japanese names drawn', async () => {
    const file = await selectionPdf(yenSelection(), svgPictures, { brandName: 'Nordlys', now });
    const [page] = await pdfPages(file.bytes);
    for (const expected of [
      '2026春夏 初回',
      'オーダーシート',
      '株式会社ミナト',
      'リネンシャツ',
      '生成り',
      '￥12,000',
      '合計',
      '￥135,375',
      '納品は3月上旬希望。',
      '1 / 1 ページ',
    ]) {
      expect(page).toContain(expected);
    }
  });

  it('falls back to Helvetica without crashing on text it cannot draw', async () => {
    const file = await selectionPdf(yenSelection(), svgPictures, { now, fonts: null });
    const [page] = await pdfPages(file.bytes);
    expect(page).toContain('Order sheet');
    expect(page).toContain('SS26-02001');
    expect(page).toContain('¥135,375');
    expect(page).toContain('??????');
  });

  it('opens each picture once, embeds JPEG/PNG once, and shows the swatch for anything else', async () => {
    const loads: string[] = [];
    const png = solidPng(30, 40, [180, 138, 90]);
    const pictures: Record<string, Picture> = {
      shared: { contentType: 'image/png', bytes: png },
      webp: { contentType: 'image/webp', bytes: new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0]) },
      broken: { contentType: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff]) },
    };
    const line = (n: number, pictureId: string) =>
      styleLine('EUR', [`P-${n}`, 'Tee'], ['WHT', 'White', '#ffffff'], [['M', 1, 1000]], {
        pictureId,
      });
    const detail = selectionDetail(
      [line(1, 'shared'), line(2, 'shared'), line(3, 'webp'), line(4, 'broken'), line(5, 'gone')],
      { currency: 'EUR' },
    );
    const file = await selectionPdf(
      detail,
      (id) => {
        loads.push(id);
        return Promise.resolve(pictures[id] ?? null);
      },
      { now, compress: false },
    );
    expect(loads).toEqual(['shared', 'webp', 'broken', 'gone']);
    expect(text(file.bytes).match(/\/Subtype \/Image/g)).toHaveLength(1);
    expect((await pdfPages(file.bytes)).join('\n')).toContain('P-5');
  });

  it('draws SVG packshots but never a file an SVG points at', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trunkshow-svg-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const secret = join(folder, 'secret.png');
    writeFileSync(secret, solidPng(4, 4, [255, 0, 0]));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="30" height="40"><rect width="30" height="40" fill="#336699"/><image href="${secret}" xlink:href="${secret}" width="30" height="40"/></svg>`;
    const detail = selectionDetail(
      [styleLine('EUR', ['S-1', 'Tee'], ['BLU', 'Blue', '#000080'], [['M', 1, 1000]])],
      { currency: 'EUR' },
    );
    const file = await selectionPdf(
      detail,
      () => Promise.resolve({ contentType: 'image/svg+xml', bytes: new TextEncoder().encode(svg) }),
      { now, compress: false },
    );
    const pdf = text(file.bytes);
    expect(pdf).toContain('0.2 0.4 0.6 scn');
    expect(pdf).not.toMatch(/\/Subtype \/Image/);
  });

  // How long it takes is the bench's export.pdf.500_lines_ms.
  it('pages a 500-line selection, rows whole, headings and page numbers on each', async () => {
    const detail = largeSelection(500);
    const file = await selectionPdf(detail, svgPictures, { brandName: 'Nordlys', now });

    const pages = await pdfPages(file.bytes);
    expect(pages.length).toBeGreaterThan(50);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      if (index < pages.length - 1 || page.includes('AW26-')) {
        expect(page).toContain('Sizes and quantities');
      }
    });
    // Every row is on exactly one page, with its amount on the same page.
    const all = pages.join('\n');
    for (const line of detail.lines) {
      expect(all.split(line.styleNumber)).toHaveLength(2);
      const page = pages.find((p) => p.includes(line.styleNumber))!;
      expect(page).toContain(line.name);
    }
    expect(pages.at(-1)).toContain('€209,205.00');
  });
});
