import type { CsvKind, CsvProblem } from '../../preload/contract/index.ts';
import { isValidGtin } from './barcode.ts';
import { isCurrencyCode, minorUnitDigits, parseAmount } from './money.ts';

/**
 * The catalog CSV formats and the rules for each row, free of I/O: the service parses
 * the file, these functions say what each line means or what is wrong with it.
 */
export const CSV_COLUMNS = {
  products: {
    required: [
      'style_number',
      'name',
      'category',
      'season',
      'size_scale',
      'colorway_code',
      'colorway_name',
      'color_hex',
      'size',
    ],
    optional: ['barcode', 'description', 'sizes'],
  },
  prices: { required: ['pricelist', 'currency', 'wholesale', 'retail'], optional: [] },
  stock: { required: ['warehouse', 'quantity'], optional: [] },
} as const satisfies Record<CsvKind, { required: readonly string[]; optional: readonly string[] }>;

/** Prices and stock name their SKU by barcode, or by style number, colourway and size. */
export const SKU_BY_BARCODE = ['barcode'] as const;
export const SKU_BY_STYLE = ['style_number', 'colorway_code', 'size'] as const;

/** The header row of each kind as the README and the import dialog quote it. */
export const CSV_HEADERS: Record<CsvKind, string> = {
  products:
    'style_number,name,category,season,colorway_code,colorway_name,color_hex,size_scale,sizes,size,barcode,description',
  prices: 'pricelist,currency,barcode,wholesale,retail',
  stock: 'warehouse,barcode,quantity',
};

export const MAX_PROBLEMS_PER_FILE = 100;

export interface CsvRecord {
  /** 1-based line where the record starts; the header is line 1. */
  line: number;
  values: string[];
}

export type SkuKey =
  { barcode: string } | { styleNumber: string; colorwayCode: string; size: string };

export interface ProductRow {
  line: number;
  styleNumber: string;
  name: string;
  category: string;
  season: string;
  description: string;
  sizeScale: string;
  /** The scale's sizes in order, when the file gives them. */
  sizes: string[] | null;
  colorwayCode: string;
  colorwayName: string;
  colorHex: string;
  size: string;
  barcode: string | null;
}

export interface PriceRow {
  line: number;
  pricelist: string;
  currency: string;
  sku: SkuKey;
  wholesaleMinor: number;
  retailMinor: number;
}

export interface StockRow {
  line: number;
  warehouse: string;
  sku: SkuKey;
  quantity: number;
}

export type ReadRows =
  | { kind: 'products'; rows: ProductRow[] }
  | { kind: 'prices'; rows: PriceRow[] }
  | { kind: 'stock'; rows: StockRow[] };

export type ReadResult =
  (ReadRows & { problems: CsvProblem[] }) | { kind: null; problems: CsvProblem[] };

export function describeFormats(): string {
  const sku = `(or ${SKU_BY_STYLE.join(',')} instead of barcode)`;
  return [
    `products: ${CSV_HEADERS.products}`,
    `prices: ${CSV_HEADERS.prices} ${sku}`,
    `stock: ${CSV_HEADERS.stock} ${sku}`,
  ].join('; ');
}

/** The trimmed, lower-cased header names and where each stands; a BOM is not part of a name. */
export interface Columns {
  readonly byName: ReadonlyMap<string, number>;
  /** How many columns the header has, named or not. */
  readonly width: number;
}

/** Which kind of file a header row announces; column order and letter case are free. */
export function detectKind(header: string[]): { kind: CsvKind; columns: Columns } | CsvProblem {
  const byName = new Map<string, number>();
  header.forEach((name, index) => {
    const key = name
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase();
    if (key && !byName.has(key)) byName.set(key, index);
  });
  const columns: Columns = { byName, width: header.length };
  const has = (names: readonly string[]) => names.every((name) => byName.has(name));
  const identifiesSku = has(SKU_BY_BARCODE) || has(SKU_BY_STYLE);
  if (has(CSV_COLUMNS.products.required)) return { kind: 'products', columns };
  if (has(CSV_COLUMNS.prices.required) && identifiesSku) return { kind: 'prices', columns };
  if (has(CSV_COLUMNS.stock.required) && identifiesSku) return { kind: 'stock', columns };
  return { line: 1, column: null, message: unknownHeaderMessage(byName) };
}

function unknownHeaderMessage(byName: ReadonlyMap<string, number>): string {
  const expected = `Expected the header of one of these: ${describeFormats()}.`;
  // The kind the header comes closest to, so the message can name what it lacks.
  let nearest: { kind: CsvKind; missing: string[]; found: number } | null = null;
  for (const kind of Object.keys(CSV_COLUMNS) as CsvKind[]) {
    const wanted: string[] = [...CSV_COLUMNS[kind].required];
    if (kind !== 'products' && !SKU_BY_STYLE.every((c) => byName.has(c))) wanted.push('barcode');
    const missing = wanted.filter((name) => !byName.has(name));
    const found = wanted.length - missing.length;
    if (found >= 2 && (!nearest || found > nearest.found)) nearest = { kind, missing, found };
  }
  if (!nearest) return `The header does not match a catalog file. ${expected}`;
  const missing = `${nearest.missing.length === 1 ? 'column' : 'columns'} ${nearest.missing.join(', ')}`;
  return `The header looks like a ${nearest.kind} file but has no ${missing}. ${expected}`;
}

/** Reads every record of a file of a known kind, collecting each problem with its place. */
export function readRecords(kind: CsvKind, columns: Columns, records: CsvRecord[]): ReadResult {
  const problems = new ProblemList();
  if (records.length === 0) {
    problems.add({ line: 2, column: null, message: 'The file has a header but no rows.' });
    return { kind: null, problems: problems.list };
  }
  const reader = new RecordReader(columns, problems);
  // A line with more values than the header almost always holds an unquoted comma, as in
  // 12,50: reading it anyway would shift every value after it into the wrong column.
  const fits = (record: CsvRecord): boolean => {
    const extra = record.values.slice(columns.width).filter((value) => value.trim() !== '');
    if (extra.length === 0) return true;
    problems.add({
      line: record.line,
      column: null,
      message: `This line has ${columns.width + extra.length} values but the header has ${columns.width} columns; put double quotes around a value that contains a comma, like "Shirt, linen".`,
    });
    return false;
  };
  const read = <Row>(row: (record: CsvRecord) => Row | null): Row[] =>
    records.flatMap((record) => (fits(record) ? (row(record) ?? []) : []));
  switch (kind) {
    case 'products': {
      const rows = read((r) => reader.product(r));
      checkProductsAgree(rows, problems);
      return { kind, rows, problems: problems.list };
    }
    case 'prices':
      return { kind, rows: read((r) => reader.price(r)), problems: problems.list };
    case 'stock':
      return { kind, rows: read((r) => reader.stock(r)), problems: problems.list };
  }
}

export function skuKeyText(key: SkuKey): string {
  return 'barcode' in key
    ? `barcode ${key.barcode}`
    : `style ${key.styleNumber}, colourway ${key.colorwayCode}, size ${key.size}`;
}

/**
 * Keeps the first MAX_PROBLEMS_PER_FILE found, then says how many more there were.
 * Lists them by line, as a person fixes a file from the top.
 */
export class ProblemList {
  readonly #problems: CsvProblem[] = [];
  #more = 0;

  add(problem: CsvProblem): void {
    if (this.#problems.length < MAX_PROBLEMS_PER_FILE) this.#problems.push(problem);
    else this.#more++;
  }

  get list(): CsvProblem[] {
    const sorted = this.#problems.toSorted((a, b) => a.line - b.line);
    if (this.#more === 0) return sorted;
    const last = sorted.at(-1)!;
    return [
      ...sorted,
      {
        line: last.line,
        column: null,
        message: `…and ${this.#more} more problem${this.#more === 1 ? '' : 's'}`,
      },
    ];
  }
}

/** A plain decimal with a dot: what a price column holds once signs and commas are out. */
const DECIMAL = /^\d+(?:\.\d+)?$/;

function readAmount(text: string, currency: string): { amountMinor: number } | { problem: string } {
  if (text === '') return { problem: '{column} is empty' };
  const digits = minorUnitDigits(currency);
  const example = digits === 0 ? '1200' : `12.${'5'.padEnd(digits, '0')}`;
  if (!text.startsWith('-') && !DECIMAL.test(text)) {
    return { problem: `"${text}" is not an amount; write it like ${example}` };
  }
  const amount = parseAmount(text, currency);
  if (amount.ok) return { amountMinor: amount.amountMinor };
  if (digits === 0 && text.includes('.')) {
    return {
      problem: `"${text}" has decimals, but ${currency} amounts are whole numbers, like ${example}`,
    };
  }
  return { problem: amount.reason };
}

const HEX = /^#[0-9a-fA-F]{6}$/;
const WHOLE_NUMBER = /^\d{1,9}$/;

class RecordReader {
  readonly #columns: Columns;
  readonly #problems: ProblemList;
  /**
   * Amounts already read, by currency and text: a price file repeats a few amounts many
   * times, and each fresh read builds an Intl.NumberFormat to learn the currency's digits.
   */
  readonly #amounts = new Map<string, ReturnType<typeof readAmount>>();

  constructor(columns: Columns, problems: ProblemList) {
    this.#columns = columns;
    this.#problems = problems;
  }

  #value(record: CsvRecord, column: string): string {
    const index = this.#columns.byName.get(column);
    return index === undefined ? '' : (record.values[index] ?? '').trim();
  }

  #required(record: CsvRecord, column: string, ok: { ok: boolean }): string {
    const value = this.#value(record, column);
    if (value === '') {
      this.#problems.add({ line: record.line, column, message: `${column} is empty` });
      ok.ok = false;
    }
    return value;
  }

  #fail(record: CsvRecord, column: string | null, message: string, ok: { ok: boolean }): void {
    this.#problems.add({ line: record.line, column, message });
    ok.ok = false;
  }

  #barcode(record: CsvRecord, ok: { ok: boolean }, required: boolean): string | null {
    const barcode = this.#value(record, 'barcode');
    if (barcode === '') {
      if (required) this.#fail(record, 'barcode', 'barcode is empty', ok);
      return null;
    }
    if (!isValidGtin(barcode)) {
      this.#fail(
        record,
        'barcode',
        `"${barcode}" is not a valid barcode (EAN-8, UPC-A, EAN-13 or GTIN-14 with its check digit)`,
        ok,
      );
    }
    return barcode;
  }

  #sku(record: CsvRecord, ok: { ok: boolean }): SkuKey {
    if (this.#columns.byName.has('barcode') && this.#value(record, 'barcode') !== '') {
      return { barcode: this.#barcode(record, ok, true)! };
    }
    if (SKU_BY_STYLE.every((c) => this.#columns.byName.has(c))) {
      return {
        styleNumber: this.#required(record, 'style_number', ok),
        colorwayCode: this.#required(record, 'colorway_code', ok),
        size: this.#required(record, 'size', ok),
      };
    }
    this.#fail(record, 'barcode', 'barcode is empty', ok);
    return { barcode: '' };
  }

  product(record: CsvRecord): ProductRow | null {
    const ok = { ok: true };
    const colorHex = this.#required(record, 'color_hex', ok);
    if (colorHex && !HEX.test(colorHex)) {
      this.#fail(record, 'color_hex', `"${colorHex}" is not a colour; write it like #1F2D4A`, ok);
    }
    const listed = this.#value(record, 'sizes')
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
    const sizes = listed.length > 0 ? listed : null;
    const twice = listed.find((s, i) => listed.indexOf(s) !== i);
    if (twice) this.#fail(record, 'sizes', `size "${twice}" is in sizes twice`, ok);
    const size = this.#required(record, 'size', ok);
    if (sizes && size && !sizes.includes(size)) {
      this.#fail(record, 'size', `size "${size}" is not one of the sizes ${sizes.join(', ')}`, ok);
    }
    const row: ProductRow = {
      line: record.line,
      styleNumber: this.#required(record, 'style_number', ok),
      name: this.#required(record, 'name', ok),
      category: this.#required(record, 'category', ok),
      season: this.#required(record, 'season', ok),
      description: this.#value(record, 'description'),
      sizeScale: this.#required(record, 'size_scale', ok),
      sizes,
      colorwayCode: this.#required(record, 'colorway_code', ok),
      colorwayName: this.#required(record, 'colorway_name', ok),
      colorHex: colorHex.toLowerCase(),
      size,
      barcode: this.#barcode(record, ok, false),
    };
    return ok.ok ? row : null;
  }

  price(record: CsvRecord): PriceRow | null {
    const ok = { ok: true };
    const pricelist = this.#required(record, 'pricelist', ok);
    const currency = this.#required(record, 'currency', ok).toUpperCase();
    if (currency && !isCurrencyCode(currency)) {
      this.#fail(
        record,
        'currency',
        `"${currency}" is not an ISO 4217 currency code such as EUR`,
        ok,
      );
    }
    const sku = this.#sku(record, ok);
    const amounts = (['wholesale', 'retail'] as const).map((column) => {
      const text = this.#value(record, column);
      if (!isCurrencyCode(currency)) return 0;
      const key = `${currency}\u0000${text}`;
      let amount = this.#amounts.get(key);
      if (!amount) this.#amounts.set(key, (amount = readAmount(text, currency)));
      if ('amountMinor' in amount) return amount.amountMinor;
      this.#fail(record, column, amount.problem.replace('{column}', column), ok);
      return 0;
    });
    if (!ok.ok) return null;
    return {
      line: record.line,
      pricelist,
      currency,
      sku,
      wholesaleMinor: amounts[0]!,
      retailMinor: amounts[1]!,
    };
  }

  stock(record: CsvRecord): StockRow | null {
    const ok = { ok: true };
    const warehouse = this.#required(record, 'warehouse', ok);
    const sku = this.#sku(record, ok);
    const text = this.#value(record, 'quantity');
    if (!WHOLE_NUMBER.test(text)) {
      this.#fail(
        record,
        'quantity',
        text === ''
          ? 'quantity is empty'
          : `"${text}" is not a quantity; write a whole number of 0 or more`,
        ok,
      );
    }
    return ok.ok ? { line: record.line, warehouse, sku, quantity: Number(text) } : null;
  }
}

const STYLE_FIELDS = [
  ['name', 'name'],
  ['category', 'category'],
  ['season', 'season'],
  ['sizeScale', 'size_scale'],
  ['description', 'description'],
] as const;

/** A style's rows repeat its fields; they must say the same thing, and no SKU twice. */
function checkProductsAgree(rows: ProductRow[], problems: ProblemList): void {
  const firstOfStyle = new Map<string, ProductRow>();
  const firstOfColorway = new Map<string, ProductRow>();
  const firstOfScale = new Map<string, ProductRow>();
  const skus = new Map<string, number>();
  const barcodes = new Map<string, number>();
  for (const row of rows) {
    const first = firstOfStyle.get(row.styleNumber);
    if (!first) firstOfStyle.set(row.styleNumber, row);
    else {
      for (const [field, column] of STYLE_FIELDS) {
        if (row[field] !== first[field]) {
          problems.add({
            line: row.line,
            column,
            message: `"${row[field]}" differs from line ${first.line}, which says "${first[field]}" for style ${row.styleNumber}`,
          });
        }
      }
    }
    const sizes = row.sizes?.join('|') ?? '';
    const scale = firstOfScale.get(row.sizeScale);
    if (!scale) firstOfScale.set(row.sizeScale, row);
    else if ((scale.sizes?.join('|') ?? '') !== sizes) {
      problems.add({
        line: row.line,
        column: 'sizes',
        message: `"${sizes}" differs from line ${scale.line}, which says "${scale.sizes?.join('|') ?? ''}" for size scale ${row.sizeScale}`,
      });
    }
    const colorwayKey = `${row.styleNumber}\u0000${row.colorwayCode}`;
    const colorway = firstOfColorway.get(colorwayKey);
    if (!colorway) firstOfColorway.set(colorwayKey, row);
    else if (colorway.colorwayName !== row.colorwayName || colorway.colorHex !== row.colorHex) {
      problems.add({
        line: row.line,
        column: colorway.colorwayName !== row.colorwayName ? 'colorway_name' : 'color_hex',
        message: `colourway ${row.colorwayCode} of style ${row.styleNumber} is described differently on line ${colorway.line}`,
      });
    }
    const skuKey = `${colorwayKey}\u0000${row.size}`;
    const skuLine = skus.get(skuKey);
    if (skuLine) {
      problems.add({
        line: row.line,
        column: 'size',
        message: `size ${row.size} of style ${row.styleNumber}, colourway ${row.colorwayCode} is already on line ${skuLine}`,
      });
    } else skus.set(skuKey, row.line);
    if (row.barcode) {
      const barcodeLine = barcodes.get(row.barcode);
      if (barcodeLine) {
        problems.add({
          line: row.line,
          column: 'barcode',
          message: `barcode ${row.barcode} is already on line ${barcodeLine}`,
        });
      } else barcodes.set(row.barcode, row.line);
    }
  }
}

/** What a style is found by: lower-cased style number, name, category, season and colours. */
export function styleSearchText(style: {
  styleNumber: string;
  name: string;
  category: string;
  season: string;
  colorwayNames: string[];
}): string {
  return [style.styleNumber, style.name, style.category, style.season, ...style.colorwayNames]
    .join(' ')
    .toLowerCase();
}

const WRITTEN_WORDS: Record<string, [string, string]> = {
  styles: ['style', 'styles'],
  colorways: ['colourway', 'colourways'],
  skus: ['SKU', 'SKUs'],
  prices: ['price', 'prices'],
  pricelists: ['new pricelist', 'new pricelists'],
  stockLevels: ['stock level', 'stock levels'],
  warehouses: ['new warehouse', 'new warehouses'],
};

/** "4 styles · 8 colourways · 42 SKUs": what an import wrote, in words. */
export function describeWritten(written: Record<string, number>, separator = ' · '): string {
  return Object.entries(written)
    .filter(([, count]) => count > 0)
    .map(([what, count]) => {
      const words = WRITTEN_WORDS[what] ?? [what, what];
      return `${count.toLocaleString('en')} ${count === 1 ? words[0] : words[1]}`;
    })
    .join(separator);
}
