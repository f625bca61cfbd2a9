import { describe, expect, it } from 'vitest';
import {
  MAX_PROBLEMS_PER_FILE,
  describeWritten,
  detectKind,
  readRecords,
  type CsvRecord,
} from '../../../main/domain/catalog-import.ts';

const PRODUCTS_HEADER =
  'style_number,name,category,season,size_scale,colorway_code,colorway_name,color_hex,size,barcode';

function read(header: string, lines: string[]) {
  const detected = detectKind(header.split(','));
  if ('message' in detected) throw new Error(detected.message);
  const records: CsvRecord[] = lines.map((line, i) => ({ line: i + 2, values: line.split(',') }));
  return readRecords(detected.kind, detected.columns, records);
}

describe('catalog CSV kinds', () => {
  it('tells the kind from the header, whatever the column order, case and BOM', () => {
    expect(detectKind(['\uFEFFWarehouse', ' Quantity ', 'BARCODE'])).toMatchObject({
      kind: 'stock',
    });
    expect(
      detectKind('pricelist,currency,style_number,colorway_code,size,wholesale,retail'.split(',')),
    ).toMatchObject({ kind: 'prices' });
    expect(detectKind(PRODUCTS_HEADER.split(',').reverse())).toMatchObject({ kind: 'products' });
  });

  it('names the expected headers when a file is none of them', () => {
    expect(detectKind(['sku', 'qty'])).toEqual({
      line: 1,
      column: null,
      message: expect.stringMatching(
        /^The header does not match a catalog file\. .*products: style_number,name,.*; prices: pricelist,currency,barcode,wholesale,retail .*; stock: warehouse,barcode,quantity/,
      ),
    });
    expect(detectKind(['pricelist', 'currency', 'barcode', 'wholesale'])).toMatchObject({
      message: expect.stringMatching(
        /^The header looks like a prices file but has no column retail\./,
      ),
    });
    // Prices without any way to name the SKU are not prices.
    expect(detectKind(['pricelist', 'currency', 'wholesale', 'retail'])).toHaveProperty('message');
  });
});

describe('price rows', () => {
  const header = 'pricelist,currency,barcode,wholesale,retail';

  it('reads amounts into minor units of the currency', () => {
    const result = read(header, [
      'Europe EUR,eur,4006381333931,12.5,30',
      'Japan JPY,JPY,4006381333931,2400,5400',
    ]);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({
      kind: 'prices',
      rows: [
        {
          line: 2,
          currency: 'EUR',
          wholesaleMinor: 1250,
          retailMinor: 3000,
          sku: { barcode: '4006381333931' },
        },
        { line: 3, currency: 'JPY', wholesaleMinor: 2400, retailMinor: 5400 },
      ],
    });
  });

  it('refuses a decimal comma, decimals in yen, a bad currency and a bad barcode, by line and column', () => {
    const detected = detectKind(header.split(','));
    if ('message' in detected) throw new Error(detected.message);
    const result = readRecords(detected.kind, detected.columns, [
      { line: 2, values: ['Europe EUR', 'EUR', '4006381333931', '12,5', '30.00'] },
      { line: 3, values: ['Japan JPY', 'JPY', '4006381333931', '2400.50', '5400'] },
      { line: 4, values: ['Mars', 'XYZ', '4006381333931', '1', '2'] },
      { line: 5, values: ['Europe EUR', 'EUR', '4006381333932', '1', '2'] },
    ]);
    expect(result.problems).toEqual([
      {
        line: 2,
        column: 'wholesale',
        message: '"12,5" is not an amount; write it like 12.50',
      },
      {
        line: 3,
        column: 'wholesale',
        message: '"2400.50" has decimals, but JPY amounts are whole numbers, like 1200',
      },
      {
        line: 4,
        column: 'currency',
        message: '"XYZ" is not an ISO 4217 currency code such as EUR',
      },
      {
        line: 5,
        column: 'barcode',
        message: expect.stringMatching(/"4006381333932" is not a valid barcode/),
      },
    ]);
  });

  it('names the SKU by style, colourway and size when there is no barcode column', () => {
    const result = read('pricelist,currency,style_number,colorway_code,size,wholesale,retail', [
      'Europe EUR,EUR,SS27-1,100,M,10,25',
      'Europe EUR,EUR,,100,M,10,25',
    ]);
    expect(result.problems).toEqual([
      { line: 3, column: 'style_number', message: 'style_number is empty' },
    ]);
  });
});

describe('product rows', () => {
  const row = (size: string, overrides: Partial<Record<'name' | 'hex' | 'barcode', string>> = {}) =>
    `SS27-1,${overrides.name ?? 'Linen Shirt'},Shirts,SS27,Letter,100,Ecru,${overrides.hex ?? '#efe7d6'},${size},${overrides.barcode ?? ''}`;

  it('reads one row per SKU', () => {
    const result = read(PRODUCTS_HEADER, [row('S', { barcode: '4006381333931' }), row('M')]);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({
      kind: 'products',
      rows: [
        { styleNumber: 'SS27-1', size: 'S', barcode: '4006381333931', colorHex: '#efe7d6' },
        { size: 'M', barcode: null },
      ],
    });
  });

  it('finds style fields that disagree, a SKU twice, a barcode twice and a bad colour', () => {
    const result = read(PRODUCTS_HEADER, [
      row('S', { barcode: '4006381333931' }),
      row('M', { name: 'Linen Shirt II' }),
      row('S'),
      row('L', { barcode: '4006381333931' }),
      row('XL', { hex: 'ecru' }),
    ]);
    expect(result.problems).toEqual([
      {
        line: 3,
        column: 'name',
        message: '"Linen Shirt II" differs from line 2, which says "Linen Shirt" for style SS27-1',
      },
      {
        line: 4,
        column: 'size',
        message: 'size S of style SS27-1, colourway 100 is already on line 2',
      },
      { line: 5, column: 'barcode', message: 'barcode 4006381333931 is already on line 2' },
      { line: 6, column: 'color_hex', message: '"ecru" is not a colour; write it like #1F2D4A' },
    ]);
  });

  it('says an empty field is empty', () => {
    const result = read(PRODUCTS_HEADER, [',Linen Shirt,Shirts,SS27,Letter,100,Ecru,#efe7d6,S,']);
    expect(result.problems).toEqual([
      { line: 2, column: 'style_number', message: 'style_number is empty' },
    ]);
  });

  it('keeps a size within the sizes column', () => {
    const result = read(`${PRODUCTS_HEADER},sizes`, [`${row('XXL')},S|M|L`]);
    expect(result.problems).toEqual([
      { line: 2, column: 'size', message: 'size "XXL" is not one of the sizes S, M, L' },
    ]);
  });
});

describe('lines and sizes', () => {
  it('refuses a line with more values than the header, as an unquoted decimal comma makes', () => {
    const result = read('pricelist,currency,barcode,wholesale,retail', [
      'Europe EUR,EUR,4006381333931,12,5,30.00',
      'Europe EUR,EUR,4006381333931,12.50,30.00,',
    ]);
    expect(result.problems).toEqual([
      {
        line: 2,
        column: null,
        message: expect.stringMatching(
          /^This line has 6 values but the header has 5 columns; put double quotes/,
        ),
      },
    ]);
    expect(result).toMatchObject({ rows: [{ line: 3, wholesaleMinor: 1250 }] });
  });

  it('wants every row of a size scale to list the same sizes, each once', () => {
    const header = `${PRODUCTS_HEADER},sizes`;
    const result = read(header, [
      'A-1,Shirt,Shirts,SS27,Letter,100,Ecru,#efe7d6,S,,S|M|L',
      'A-2,Tee,Tops,SS27,Letter,100,Ecru,#efe7d6,S,,S|M|L|XL',
      'A-3,Tee,Tops,SS27,Kids,100,Ecru,#efe7d6,S,,S|S|M',
    ]);
    expect(result.problems).toEqual([
      {
        line: 3,
        column: 'sizes',
        message: '"S|M|L|XL" differs from line 2, which says "S|M|L" for size scale Letter',
      },
      { line: 4, column: 'sizes', message: 'size "S" is in sizes twice' },
    ]);
  });

  it('reads amounts with as many decimals as the currency has, and no sign', () => {
    const result = read('pricelist,currency,barcode,wholesale,retail', [
      'Kuwait,KWD,4006381333931,1.250,2',
      'Europe EUR,EUR,4006381333931,1.255,2',
      'Europe EUR,EUR,4006381333931,-1,',
      'Europe EUR,EUR,4006381333931,€12,1e3',
    ]);
    expect(result.problems).toEqual([
      { line: 3, column: 'wholesale', message: '"1.255" has more than 2 decimals for EUR' },
      { line: 4, column: 'wholesale', message: '"-1" is negative' },
      { line: 4, column: 'retail', message: 'retail is empty' },
      { line: 5, column: 'wholesale', message: '"€12" is not an amount; write it like 12.50' },
      { line: 5, column: 'retail', message: '"1e3" is not an amount; write it like 12.50' },
    ]);
    expect(result).toMatchObject({
      rows: [{ currency: 'KWD', wholesaleMinor: 1250, retailMinor: 2000 }],
    });
  });
});

describe('stock rows and limits', () => {
  it('wants whole quantities of zero or more', () => {
    const result = read('warehouse,barcode,quantity', [
      'Main,4006381333931,-1',
      'Main,4006381333931,2.5',
      'Main,4006381333931,0',
    ]);
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'quantity'],
      [3, 'quantity'],
    ]);
  });

  it('stops listing after a hundred problems and says how many more there were', () => {
    const lines = Array.from({ length: MAX_PROBLEMS_PER_FILE + 5 }, () => 'Main,4006381333931,x');
    const result = read('warehouse,barcode,quantity', lines);
    expect(result.problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1);
    expect(result.problems.at(-1)!.message).toBe('…and 5 more problems');
  });

  it('says a file with only a header has no rows', () => {
    expect(read('warehouse,barcode,quantity', [])).toEqual({
      kind: null,
      problems: [{ line: 2, column: null, message: 'The file has a header but no rows.' }],
    });
  });

  it('describes what an import wrote in words', () => {
    expect(describeWritten({ styles: 1, colorways: 2, skus: 1200 })).toBe(
      '1 style · 2 colourways · 1,200 SKUs',
    );
    expect(describeWritten({ prices: 4, pricelists: 0 })).toBe('4 prices');
  });
});
