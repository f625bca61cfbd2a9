import type {
  ConfirmationFacts,
  ConfirmationLineFacts,
} from '../../main/domain/order-confirmation.ts';

const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const COLOURS = [
  { code: 'NAV', name: 'Navy', hex: '#1f2a44' },
  { code: 'ECR', name: 'Ecru', hex: '#eee6d3' },
  { code: 'OLV', name: 'Olive', hex: '#6b6b3a' },
];

/** `count` order lines: whole size runs of styles in a few colourways, priced per size. */
export function confirmationLines(count: number): ConfirmationLineFacts[] {
  const lines: ConfirmationLineFacts[] = [];
  for (let index = 0; lines.length < count; index++) {
    const style = Math.floor(index / (SIZES.length * COLOURS.length));
    const colour = Math.floor(index / SIZES.length) % COLOURS.length;
    const size = index % SIZES.length;
    const colourway = COLOURS[colour]!;
    lines.push({
      styleNumber: `SS27-${String(1000 + style).padStart(5, '0')}`,
      styleName: `Relaxed linen shirt ${style + 1}`,
      colorwayCode: colourway.code,
      colorwayName: colourway.name,
      colorHex: colourway.hex,
      colorwayPosition: colour,
      size: SIZES[size]!,
      sizePosition: size,
      quantity: 1 + ((index * 7) % 5),
      unitPriceMinor: size >= 5 ? 5_200 : 4_950,
    });
  }
  return lines;
}

/** A placed booth order for a European buyer, with its totals summed from `lines`. */
export function confirmationFacts(
  lines: readonly ConfirmationLineFacts[] = confirmationLines(12),
  extra: { number?: string | null; language?: string; currency?: string } = {},
): ConfirmationFacts {
  const units = lines.reduce((sum, line) => sum + line.quantity, 0);
  const subtotal = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0);
  const discount = Math.round(subtotal * 0.1);
  const shipping = 2_500;
  return {
    order: {
      id: '019a1b2c-3d4e-7f00-8000-00000000abcd',
      number: extra.number === undefined ? 'SO-2027-00042' : extra.number,
      status: 'Order',
      source: 'booth',
      createdAt: '2026-09-14T09:30:00.000Z',
      currency: extra.currency ?? 'EUR',
      units,
      subtotalMinor: subtotal,
      discountMinor: discount,
      shippingMinor: shipping,
      tax: null,
      totalMinor: subtotal - discount + shipping,
      shipTo: {
        name: 'Maison Rivière – Entrepôt',
        line1: '12 rue des Tanneurs',
        line2: '',
        postalCode: '69002',
        city: 'Lyon',
        region: '',
        country: 'FR',
        phone: '+33 4 78 00 00 00',
      },
      billTo: {
        name: 'Maison Rivière SARL',
        line1: '3 place Bellecour',
        line2: 'Bâtiment B',
        postalCode: '69002',
        city: 'Lyon',
        region: '',
        country: 'FR',
        phone: '',
      },
      shipStart: '2027-03-01',
      cancelDate: '2027-03-31',
      poNumber: 'PO-7781',
      paymentMethod: 'outside_app',
      shippingRateName: 'Europe standard',
      note: 'Please pack the shirts folded, not on hangers.',
      approvedBy: 'Inès Duarte',
      contact: { name: 'Inès Duarte', email: 'ines@riviere.example', phone: '' },
    },
    brandName: 'Nordlys',
    buyer: {
      name: 'Maison Rivière',
      language: extra.language ?? 'en',
      country: 'FR',
      contactEmail: 'orders@riviere.example',
      pricelistName: 'Wholesale EUR',
      discountBasisPoints: 1_000,
    },
    rep: { name: 'Sofie Lund', email: 'sofie@nordlys.example' },
    lines,
  };
}

/** A small order for a Japanese buyer in yen, with a Japanese address. */
export function japaneseConfirmationFacts(): ConfirmationFacts {
  const lines = confirmationLines(8).map((line) => ({
    ...line,
    styleName: 'リネンシャツ',
    colorwayName: line.colorwayCode === 'NAV' ? '紺' : '生成り',
    unitPriceMinor: 12_000,
  }));
  const base = confirmationFacts(lines, { language: 'ja', currency: 'JPY' });
  return {
    ...base,
    order: {
      ...base.order,
      shippingMinor: 0,
      tax: null,
      shippingRateName: '',
      totalMinor: base.order.subtotalMinor - base.order.discountMinor,
      shipTo: {
        name: '株式会社ミナト',
        line1: '神宮前 1-2-3',
        line2: 'ミナトビル 4F',
        postalCode: '150-0001',
        city: '渋谷区',
        region: '東京都',
        country: 'JP',
        phone: '03-0000-0000',
      },
      billTo: null,
      note: '',
      approvedBy: '山田 花子',
      contact: { name: '山田 花子', email: 'hanako@minato.example', phone: '03-0000-0000' },
    },
    buyer: { ...base.buyer, name: '株式会社ミナト', country: 'JP', pricelistName: '卸価格 JPY' },
  };
}
