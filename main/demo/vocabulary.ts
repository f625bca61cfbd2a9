/** The words and numbers a believable fashion brand's catalog is made of. */

export type Silhouette = 'top' | 'knit' | 'trousers' | 'dress' | 'coat' | 'shoe' | 'bag' | 'skirt';

export interface CategoryPlan {
  name: string;
  silhouette: Silhouette;
  garments: readonly string[];
  sizeScale: string;
  /** Wholesale in whole euros, low and high. */
  wholesaleEur: readonly [number, number];
  weight: number;
}

export const SIZE_SCALES: Record<string, readonly string[]> = {
  'Letter XS–XL': ['XS', 'S', 'M', 'L', 'XL'],
  'Waist 26–34': ['26', '28', '30', '32', '34'],
  'EU shoe 36–41': ['36', '37', '38', '39', '40', '41'],
  'One size': ['OS'],
};

export const CATEGORIES: readonly CategoryPlan[] = [
  {
    name: 'Shirts',
    silhouette: 'top',
    garments: ['Shirt', 'Overshirt', 'Blouse', 'Camp Shirt', 'Tunic'],
    sizeScale: 'Letter XS–XL',
    wholesaleEur: [28, 70],
    weight: 4,
  },
  {
    name: 'T-shirts',
    silhouette: 'top',
    garments: ['Tee', 'Long Sleeve Tee', 'Tank', 'Polo'],
    sizeScale: 'Letter XS–XL',
    wholesaleEur: [14, 32],
    weight: 4,
  },
  {
    name: 'Knitwear',
    silhouette: 'knit',
    garments: ['Cardigan', 'Crewneck', 'Turtleneck', 'Vest', 'Sweater'],
    sizeScale: 'Letter XS–XL',
    wholesaleEur: [45, 120],
    weight: 3,
  },
  {
    name: 'Trousers',
    silhouette: 'trousers',
    garments: ['Trousers', 'Chinos', 'Jeans', 'Pleated Pants', 'Cargo Pants'],
    sizeScale: 'Waist 26–34',
    wholesaleEur: [38, 95],
    weight: 3,
  },
  {
    name: 'Skirts',
    silhouette: 'skirt',
    garments: ['Midi Skirt', 'Wrap Skirt', 'Pleated Skirt', 'Mini Skirt'],
    sizeScale: 'Letter XS–XL',
    wholesaleEur: [32, 80],
    weight: 2,
  },
  {
    name: 'Dresses',
    silhouette: 'dress',
    garments: ['Dress', 'Slip Dress', 'Shirt Dress', 'Maxi Dress', 'Wrap Dress'],
    sizeScale: 'Letter XS–XL',
    wholesaleEur: [48, 140],
    weight: 3,
  },
  {
    name: 'Outerwear',
    silhouette: 'coat',
    garments: ['Coat', 'Trench Coat', 'Blazer', 'Parka', 'Bomber Jacket', 'Field Jacket'],
    sizeScale: 'Letter XS–XL',
    wholesaleEur: [90, 260],
    weight: 2,
  },
  {
    name: 'Shoes',
    silhouette: 'shoe',
    garments: ['Loafer', 'Derby', 'Sneaker', 'Ankle Boot', 'Sandal'],
    sizeScale: 'EU shoe 36–41',
    wholesaleEur: [55, 150],
    weight: 2,
  },
  {
    name: 'Accessories',
    silhouette: 'bag',
    garments: ['Tote', 'Crossbody Bag', 'Belt Bag', 'Scarf', 'Cap'],
    sizeScale: 'One size',
    wholesaleEur: [18, 90],
    weight: 2,
  },
];

export const ADJECTIVES = [
  'Relaxed',
  'Boxy',
  'Tailored',
  'Oversized',
  'Cropped',
  'Slim',
  'Wide',
  'Draped',
  'Structured',
  'Easy',
  'Utility',
  'Washed',
  'Brushed',
  'Ribbed',
  'Soft',
  'Classic',
] as const;

export const MATERIALS = [
  'Linen',
  'Cotton',
  'Poplin',
  'Merino',
  'Cashmere',
  'Wool',
  'Denim',
  'Twill',
  'Silk',
  'Seersucker',
  'Corduroy',
  'Jersey',
  'Leather',
  'Canvas',
  'Tencel',
] as const;

export const COLOURS: readonly { name: string; hex: string }[] = [
  { name: 'Black', hex: '#1d1d1f' },
  { name: 'Ecru', hex: '#efe7d6' },
  { name: 'Navy', hex: '#1f2d4a' },
  { name: 'Stone', hex: '#c8bfae' },
  { name: 'Olive', hex: '#6b6a3a' },
  { name: 'Rust', hex: '#a7492a' },
  { name: 'Sky', hex: '#9ec3de' },
  { name: 'Sage', hex: '#a3b09a' },
  { name: 'Burgundy', hex: '#6d1f2f' },
  { name: 'Camel', hex: '#b88a55' },
  { name: 'Charcoal', hex: '#3c3f44' },
  { name: 'Off White', hex: '#f6f3ec' },
  { name: 'Butter', hex: '#f1dc8f' },
  { name: 'Cobalt', hex: '#2b4fa8' },
  { name: 'Forest', hex: '#254233' },
  { name: 'Blush', hex: '#e6b8b0' },
  { name: 'Chocolate', hex: '#4a2e22' },
  { name: 'Lilac', hex: '#b7a6cf' },
  { name: 'Tomato', hex: '#d3432f' },
  { name: 'Grey Melange', hex: '#9a9a9c' },
];

export const SEASONS = ['SS27', 'AW26', 'AW27'] as const;

export const STAFF = [
  { name: 'Maja Lindqvist', email: 'maja@nordlys-atelier.example', role: 'admin' },
  { name: 'Jonas Berg', email: 'jonas@nordlys-atelier.example', role: 'rep' },
  { name: 'Aiko Tanaka', email: 'aiko@nordlys-atelier.example', role: 'rep' },
  { name: 'Luca Romano', email: 'luca@nordlys-atelier.example', role: 'rep' },
] as const;

/** Pricelists and the markets they serve; rate converts a euro price, step rounds it. */
export const PRICELISTS = [
  { name: 'Europe EUR', currency: 'EUR', rate: 1, step: 50, retailStep: 500 },
  { name: 'Nordics SEK', currency: 'SEK', rate: 11.4, step: 1000, retailStep: 5000 },
  { name: 'Japan JPY', currency: 'JPY', rate: 165, step: 100, retailStep: 1000 },
  { name: 'North America USD', currency: 'USD', rate: 1.08, step: 50, retailStep: 500 },
] as const;

export const MARKETS: readonly { name: string; pricelist: string; countries: string[] }[] = [
  {
    name: 'Europe',
    pricelist: 'Europe EUR',
    countries: ['DE', 'FR', 'IT', 'NL', 'BE', 'ES', 'AT', 'GB', 'CH'],
  },
  { name: 'Nordics', pricelist: 'Nordics SEK', countries: ['SE', 'NO', 'DK', 'FI'] },
  { name: 'Japan', pricelist: 'Japan JPY', countries: ['JP'] },
  { name: 'North America', pricelist: 'North America USD', countries: ['US', 'CA'] },
];

/**
 * The demo brand's shipping rate groups: a flat charge per market's country in its
 * currency, free above an order size; Standard is the brand's default. Amounts in
 * minor units.
 */
export const SHIPPING_RATE_GROUPS = [
  {
    id: 'demo-shipping-standard',
    name: 'Standard',
    charge: { EUR: 2_500, SEK: 25_000, JPY: 3_000, USD: 3_000 },
    freeFrom: { EUR: 150_000, SEK: 1_500_000, JPY: 200_000, USD: 150_000 },
  },
  {
    id: 'demo-shipping-express',
    name: 'Express',
    charge: { EUR: 6_000, SEK: 60_000, JPY: 8_000, USD: 7_500 },
    freeFrom: null,
  },
] as const;

export const BUYER_NAME_PARTS = {
  en: {
    first: ['Harper', 'Wren', 'Fox', 'Linden', 'Juniper', 'Atlas', 'Marlow', 'Ivy', 'Oak', 'Sable'],
    second: ['& Vine', 'Store', 'Supply', 'Collective', 'House', 'Goods', 'Studio', 'Edit'],
    cities: ['Berlin', 'Paris', 'Milan', 'Amsterdam', 'London', 'Stockholm', 'Oslo', 'New York'],
  },
  ja: {
    first: ['セレクトショップ', 'ブティック', 'アトリエ', 'ギャラリー', '洋品店'],
    second: ['青山', '代官山', '心斎橋', '天神', '栄', '元町', '北浜', '吉祥寺'],
  },
} as const;

export const PEOPLE = {
  en: {
    first: ['Emma', 'Oliver', 'Sofia', 'Lucas', 'Clara', 'Noah', 'Elsa', 'Hugo', 'Alice', 'Theo'],
    last: ['Schmidt', 'Martin', 'Rossi', 'de Vries', 'Johansson', 'Smith', 'Dubois', 'Hansen'],
  },
  ja: {
    first: ['Yuki', 'Haruto', 'Sakura', 'Ren', 'Hina', 'Sota', 'Mei', 'Kaito'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura'],
  },
} as const;
