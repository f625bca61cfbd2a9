import { crc32, deflateSync } from 'node:zlib';
import { applyDiscount } from '../../main/domain/money.ts';
import { garmentPicture } from '../../main/demo/pictures.ts';
import type { Silhouette } from '../../main/demo/vocabulary.ts';
import type { Picture } from '../../main/services/export/pdf-pictures.ts';
import type { SelectionDetail, SelectionStyleLine } from '../../preload/contract/selections.ts';

/** A size of a hand-made line: its quantity and wholesale in minor units (null: no longer sold). */
type SizeSpec = [size: string, quantity: number, price: number | null];

interface LineExtras {
  retail?: number | null;
  pictureId?: string | null;
}

/** Sizes all at one price, quantities in order: sized('S M L', [1, 0, 2], 4950). */
export function sized(sizes: string, quantities: number[], price: number | null): SizeSpec[] {
  return sizes.split(' ').map((size, index) => [size, quantities[index] ?? 0, price]);
}

/** A style in one colourway, priced in `currency`; its barcodes derive from the style number. */
export function styleLine(
  currency: string,
  [styleNumber, name]: [styleNumber: string, name: string],
  [code, colorName, colorHex]: [code: string, name: string, hex: string],
  sizes: SizeSpec[],
  { retail = null, pictureId = `picture-${styleNumber}` }: LineExtras = {},
): SelectionStyleLine {
  const digits = styleNumber.replace(/\D/g, '').padStart(6, '0');
  const cells = sizes.map(([size, quantity, price], index) => ({
    size,
    skuId: `${styleNumber}-${code}-${size}`,
    barcode: `400${digits}${String(index).padStart(3, '0')}`,
    quantity,
    unitPrice: price === null ? null : { amountMinor: price, currency },
    stock: 100,
  }));
  const sold = cells.filter((cell) => cell.unitPrice !== null);
  const amountMinor = sold.reduce(
    (sum, cell) => sum + cell.quantity * cell.unitPrice!.amountMinor,
    0,
  );
  return {
    styleId: `style-${styleNumber}`,
    styleNumber,
    name,
    pictureId,
    colorway: { code, name: colorName, colorHex },
    cells,
    units: sold.reduce((sum, cell) => sum + cell.quantity, 0),
    amount: sold.length ? { amountMinor, currency } : null,
    retail: retail === null ? null : { amountMinor: retail, currency },
    unsold: cells.filter((cell) => cell.unitPrice === null && cell.quantity > 0).map((c) => c.size),
    orderRefusal: null,
  };
}

export function selectionDetail(
  lines: SelectionStyleLine[],
  buyer: Partial<SelectionDetail['buyer']> & { currency: string },
  extra: Partial<Pick<SelectionDetail, 'name' | 'notes'>> = {},
): SelectionDetail {
  const currency = buyer.currency;
  const discountPercent = buyer.discountPercent ?? 0;
  const units = lines.reduce((sum, line) => sum + line.units, 0);
  const subtotal = lines.reduce((sum, line) => sum + (line.amount?.amountMinor ?? 0), 0);
  const total = applyDiscount(subtotal, Math.round(discountPercent * 100));
  const totals = {
    units,
    subtotal: { amountMinor: subtotal, currency },
    discountPercent,
    discount: { amountMinor: subtotal - total, currency },
    total: { amountMinor: total, currency },
  };
  return {
    id: 'selection-1',
    name: extra.name ?? 'Spring 26 – first pass',
    notes: extra.notes ?? '',
    buyer: {
      id: 'buyer-1',
      name: 'Maison Rivière',
      pricelistId: `pricelist-${currency}`,
      pricelistName: `Wholesale ${currency}`,
      discountPercent,
      language: 'en',
      ...buyer,
    },
    owner: { id: 'rep-1', name: 'Anna Berg' },
    createdAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-12T15:30:00.000Z',
    lines,
    missingSkuIds: [],
    totals,
    pastDeadline: [],
    waitingToSync: false,
    refusals: [],
  };
}

/** Three styles in EUR: a name with a comma and quotes, a size no longer sold, a long size run. */
export function euroSelection(): SelectionDetail {
  const shoeSizes = '36 37 38 39 40 41 42 43 44 45 46';
  const lines = [
    styleLine(
      'EUR',
      ['SS26-01001', 'Linen shirt, "relaxed"'],
      ['NAV', 'Navy', '#1f2a44'],
      [...sized('XS S M L', [0, 2, 4, 4], 4950), ['XL', 2, 5200]],
      { retail: 9900 },
    ),
    styleLine(
      'EUR',
      ['SS26-01002', 'Wool coat'],
      ['CAM', 'Camel', '#b48a5a'],
      [...sized('S M', [1, 2], 18900), ['L', 3, null]],
      { retail: 37900 },
    ),
    styleLine(
      'EUR',
      ['SS26-01003', 'Leather derby'],
      ['BLK', 'Black', '#222222'],
      sized(shoeSizes, [0, 2, 3, 0, 1, 2, 0, 4, 1, 0, 3], 12950),
      { retail: 25900, pictureId: null },
    ),
  ];
  return selectionDetail(
    lines,
    { currency: 'EUR', discountPercent: 12.5 },
    { notes: 'Deliver in two drops: shirts in February, coats in August.' },
  );
}

/** A Japanese buyer on a JPY pricelist, with Japanese names. */
export function yenSelection(): SelectionDetail {
  const lines = [
    styleLine(
      'JPY',
      ['SS26-02001', 'リネンシャツ'],
      ['ECR', '生成り', '#efe6d2'],
      sized('S M L', [3, 5, 0], 12000),
      {
        retail: 24000,
      },
    ),
    styleLine(
      'JPY',
      ['SS26-02002', 'Wide trousers'],
      ['OLV', 'Olive', '#6b6b3a'],
      [
        ['1', 2, 15500],
        ['2', 0, null],
        ['3', 1, 15500],
      ],
      { retail: 31000 },
    ),
  ];
  return selectionDetail(
    lines,
    { name: '株式会社ミナト', currency: 'JPY', discountPercent: 5, language: 'ja' },
    { name: '2026春夏 初回', notes: '納品は3月上旬希望。' },
  );
}

const SILHOUETTES: Silhouette[] = [
  'top',
  'knit',
  'trousers',
  'dress',
  'coat',
  'shoe',
  'bag',
  'skirt',
];
const COLOURS: [string, string, string][] = [
  ['NAV', 'Navy', '#1f2a44'],
  ['SND', 'Sand', '#d8c3a0'],
  ['RST', 'Rust', '#a3482a'],
  ['SGE', 'Sage', '#9aab8a'],
];

/** A selection of `count` style-colourways, every fifth without a picture. */
export function largeSelection(count: number): SelectionDetail {
  const lines = Array.from({ length: count }, (_, n) =>
    styleLine(
      'EUR',
      [`AW26-${10001 + n}`, `Style ${n + 1} ${SILHOUETTES[n % SILHOUETTES.length]}`],
      COLOURS[n % COLOURS.length]!,
      sized(
        'XS S M L XL',
        [0, 1, 2, 3, 4].map((i) => (n + i) % 4),
        5900 + (n % 7) * 100,
      ),
      { retail: 11900, pictureId: n % 5 === 4 ? null : `picture-${n}` },
    ),
  );
  return selectionDetail(lines, { currency: 'EUR', discountPercent: 10 }, { name: 'Whole range' });
}

/** SVG packshots like the demo brand's, for any picture id. */
export async function svgPictures(id: string): Promise<Picture | null> {
  const n = Number(id.replace(/\D/g, '')) || 0;
  const svg = garmentPicture(SILHOUETTES[n % SILHOUETTES.length]!, COLOURS[n % COLOURS.length]![2]);
  return Promise.resolve({ contentType: 'image/svg+xml', bytes: new TextEncoder().encode(svg) });
}

/** A width × height PNG of one colour, made here so no test reads a file. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array.from({ length: width }, () => rgb).flat()),
  ]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
