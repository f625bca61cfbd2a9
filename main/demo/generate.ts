import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import { makeGtin13 } from '../domain/barcode.ts';
import { styleSearchText } from '../domain/catalog-import.ts';
import { minorUnitDigits } from '../domain/money.ts';
import { insertInBatches } from '../store/batches.ts';
import { settleAfterBulkWrite, type StoreDb } from '../store/database.ts';
import type { StoreSchema } from '../store/schema.ts';
import { garmentPicture, lookbookPicture } from './pictures.ts';
import { SeededRandom } from './random.ts';
import {
  ADJECTIVES,
  BUYER_NAME_PARTS,
  CATEGORIES,
  COLOURS,
  MARKETS,
  MATERIALS,
  PEOPLE,
  PRICELISTS,
  SEASONS,
  SHIPPING_RATE_GROUPS,
  SIZE_SCALES,
  STAFF,
  type CategoryPlan,
} from './vocabulary.ts';
import { inTransaction } from '../store/transactions.ts';

export interface DemoBrandOptions {
  seed?: number;
  styles?: number;
  /** The moment the brand is generated at; fixed by default so the output is too. */
  now?: Date;
  /**
   * The day its catalogs' publication dates and order deadlines are counted from (by
   * default `now`). A hub seeding the demo passes its own clock, so the demo's season is
   * under way whenever it is made, rather than closed months after the fixed `now`.
   */
  catalogDatesFrom?: Date;
}

export interface DemoBrandSummary {
  brand: string;
  styles: number;
  colorways: number;
  skus: number;
  pictures: number;
  pricelists: number;
  buyers: number;
  buyerUsers: number;
}

/** The demo brand goes only into an empty store: one with no staff and no styles. */
export class StoreNotEmpty extends Error {
  constructor() {
    super('The store already holds a brand; the demo brand goes only into an empty store.');
  }
}

export const DEMO_DEFAULT_STYLES = 300;
export const DEMO_MAX_STYLES = 20_000;
const DEFAULT_SEED = 2027;
const DEFAULT_NOW = new Date('2026-09-01T09:00:00Z');
const BRAND_NAME = 'Nordlys Atelier';
/** A GS1 company prefix for barcodes; with 5 item digits it numbers 100,000 SKUs. */
const GS1_PREFIX = '7350123';
const DAY_MS = 86_400_000;
/** Most styles come in one colourway, some in two or three: about 6 SKUs a style. */
const COLORWAY_COUNTS = [1, 1, 1, 1, 1, 1, 2, 2, 2, 3];

type Rows<T extends keyof StoreSchema> = Insertable<StoreSchema[T]>[];

/**
 * Writes a whole, believable brand into an empty store, in one transaction: staff,
 * styles → colourways → SKUs with barcodes and pictures, four pricelists and their
 * markets, stock in two warehouses, catalogs in every status, lookbooks, buyers in
 * three-plus currencies and two languages, buyer users, DTC customers.
 */
export async function generateDemoBrand(
  db: StoreDb,
  options: DemoBrandOptions = {},
): Promise<DemoBrandSummary> {
  const styles = options.styles ?? DEMO_DEFAULT_STYLES;
  if (!Number.isInteger(styles) || styles < 1 || styles > DEMO_MAX_STYLES) {
    throw new RangeError(`The demo brand has 1 to ${DEMO_MAX_STYLES} styles, not ${styles}`);
  }
  const now = options.now ?? DEFAULT_NOW;
  const random = new SeededRandom(options.seed ?? DEFAULT_SEED, now);
  const brand = drawBrand(random, styles, now, options.catalogDatesFrom ?? now);
  await inTransaction(db, async (trx) => {
    // Checked in the writing transaction: two hubs starting with --demo on one database
    // at once must not both write a brand.
    const staff = await trx.selectFrom('staff_users').select('id').limit(1).executeTakeFirst();
    const products = await trx.selectFrom('products').select('id').limit(1).executeTakeFirst();
    if (staff || products) throw new StoreNotEmpty();
    for (const [table, rows] of brand.tables) {
      await insertInBatches(rows, (batch) =>
        trx
          .insertInto(table)
          .values(batch as never)
          .execute(),
      );
    }
  });
  // Fold the large write into the main file and refresh the planner's statistics, so the
  // first searches on a fresh demo store run as fast as on one that has been reopened.
  await settleAfterBulkWrite(db);
  return brand.summary;
}

interface DrawnBrand {
  tables: [keyof StoreSchema, Rows<keyof StoreSchema>][];
  summary: DemoBrandSummary;
}

function drawBrand(
  random: SeededRandom,
  styleCount: number,
  now: Date,
  catalogDatesFrom: Date,
): DrawnBrand {
  const at = now.toISOString();
  const media = new MediaLibrary(random, at);

  const sizeScales = Object.entries(SIZE_SCALES).map(([name, sizes]) => ({
    id: random.id(),
    name,
    sizes: JSON.stringify(sizes),
  }));
  const scaleId = new Map(sizeScales.map((scale) => [scale.name, scale.id]));

  const pricelists = PRICELISTS.map((p) => ({
    id: random.id(),
    name: p.name,
    currency: p.currency,
  }));
  const minorPerUnit = PRICELISTS.map((p) => 10 ** minorUnitDigits(p.currency));
  const pricelistId = new Map<string, string>(pricelists.map((p) => [p.name, p.id]));
  const markets = MARKETS.map((m) => ({
    id: random.id(),
    name: m.name,
    pricelist_id: pricelistId.get(m.pricelist)!,
  }));
  const marketCountries = MARKETS.flatMap((m, i) =>
    m.countries.map((country) => ({ country_code: country, market_id: markets[i]!.id })),
  );
  const stockholm = { id: random.id(), name: 'Stockholm DC' };
  const osaka = { id: random.id(), name: 'Osaka DC' };
  const warehouses = [stockholm, osaka];
  // Japan ships from Osaka, every other market from Stockholm.
  const shippingMarkets = markets.map((market) => ({
    ...market,
    warehouse_id: market.name === 'Japan' ? osaka.id : stockholm.id,
  }));

  const products: Rows<'products'> = [];
  const colorways: Rows<'colorways'> = [];
  const skus: Rows<'skus'> = [];
  const prices: Rows<'prices'> = [];
  const stock: Rows<'stock'> = [];
  const productsBySeason = new Map<string, string[]>();
  const weightedCategories = CATEGORIES.flatMap((c) => Array<CategoryPlan>(c.weight).fill(c));

  for (let n = 0; n < styleCount; n++) {
    const category = random.pick(weightedCategories);
    const season = random.pick(SEASONS);
    const name = `${random.pick(ADJECTIVES)} ${random.pick(MATERIALS)} ${random.pick(category.garments)}`;
    const styleNumber = `${season}-${String(1001 + n).padStart(5, '0')}`;
    const productId = random.id();
    const sizes = SIZE_SCALES[category.sizeScale]!;
    const wholesaleEur = random.int(category.wholesaleEur[0], category.wholesaleEur[1]);
    const colours = random.sample(COLOURS, random.pick(COLORWAY_COUNTS));

    colours.forEach((colour, position) => {
      const colorwayId = random.id();
      colorways.push({
        id: colorwayId,
        product_id: productId,
        code: String(100 + COLOURS.indexOf(colour)),
        name: colour.name,
        color_hex: colour.hex,
        picture_id: media.add(garmentPicture(category.silhouette, colour.hex)),
        position,
      });
      sizes.forEach((size, sizePosition) => {
        const skuId = random.id();
        skus.push({
          id: skuId,
          product_id: productId,
          colorway_id: colorwayId,
          size,
          barcode: makeGtin13(GS1_PREFIX, skus.length),
          position: sizePosition,
        });
        PRICELISTS.forEach((pricelist, i) => {
          const local = wholesaleEur * pricelist.rate;
          const wholesale = pricePoint(local, minorPerUnit[i]!, pricelist.step);
          const retail = pricePoint(local * 2.3, minorPerUnit[i]!, pricelist.retailStep);
          prices.push({
            pricelist_id: pricelists[i]!.id,
            sku_id: skuId,
            wholesale_minor: wholesale,
            retail_minor: retail,
          });
        });
        for (const warehouse of warehouses) {
          stock.push({
            warehouse_id: warehouse.id,
            sku_id: skuId,
            quantity: random.chance(0.15) ? 0 : random.int(1, 240),
          });
        }
      });
    });

    products.push({
      id: productId,
      style_number: styleNumber,
      name,
      description: `${name} in ${colours.map((c) => c.name).join(', ')}. ${category.name}, ${season}.`,
      category: category.name,
      season,
      size_scale_id: scaleId.get(category.sizeScale)!,
      search_text: styleSearchText({
        styleNumber,
        name,
        category: category.name,
        season,
        colorwayNames: colours.map((c) => c.name),
      }),
      updated_at: at,
    });
    const seasonProducts = productsBySeason.get(season) ?? [];
    seasonProducts.push(productId);
    productsBySeason.set(season, seasonProducts);
  }

  const { catalogs, catalogProducts } = drawCatalogs(random, catalogDatesFrom, productsBySeason);
  const { lookbooks, lookbookPages } = drawLookbooks(random, media, products);
  const staff = STAFF.map((person) => ({ id: random.id(), ...person, created_at: at }));
  const people = drawBuyers(random, styleCount, pricelists, markets, at);

  const tables: DrawnBrand['tables'] = [
    ['media', media.rows],
    ['size_scales', sizeScales],
    ['pricelists', pricelists],
    ['shipping_rate_groups', shippingRateGroups(at)],
    [
      'brand_settings',
      [
        {
          id: 1,
          name: BRAND_NAME,
          default_pricelist_id: pricelistId.get('Europe EUR')!,
          default_language: 'en',
          default_shipping_rate_group_id: SHIPPING_RATE_GROUPS[0].id,
          updated_at: at,
        },
      ],
    ],
    ['staff_users', staff],
    ['warehouses', warehouses],
    ['markets', shippingMarkets],
    ['market_countries', marketCountries],
    ['products', products],
    ['colorways', colorways],
    ['skus', skus],
    ['prices', prices],
    ['stock', stock],
    ['catalogs', catalogs],
    ['catalog_products', catalogProducts],
    ['lookbooks', lookbooks],
    ['lookbook_pages', lookbookPages],
    ['buyers', people.buyers],
    ['buyer_users', people.users],
    ['buyer_memberships', people.memberships],
    ['dtc_customers', people.dtcCustomers],
  ] as DrawnBrand['tables'];

  return {
    tables,
    summary: {
      brand: BRAND_NAME,
      styles: products.length,
      colorways: colorways.length,
      skus: skus.length,
      pictures: media.rows.length,
      pricelists: pricelists.length,
      buyers: people.buyers.length,
      buyerUsers: people.users.length,
    },
  };
}

/** A price a brand would print: rounded to the list's step in minor units (never zero). */
/** The demo's rate groups: each market's countries at its pricelist's currency. */
function shippingRateGroups(at: string): Rows<'shipping_rate_groups'> {
  return SHIPPING_RATE_GROUPS.map((group) => ({
    id: group.id,
    name: group.name,
    rates: JSON.stringify(
      MARKETS.flatMap((market) => {
        const { currency } = PRICELISTS.find((list) => list.name === market.pricelist)!;
        return market.countries.map((country) => ({
          country,
          currency,
          amountMinor: group.charge[currency],
          freeFromMinor: group.freeFrom?.[currency] ?? null,
        }));
      }),
    ),
    created_at: at,
    updated_at: at,
  }));
}

function pricePoint(amount: number, minorPerUnit: number, step: number): number {
  return Math.max(step, Math.round((amount * minorPerUnit) / step) * step);
}

function drawCatalogs(random: SeededRandom, now: Date, productsBySeason: Map<string, string[]>) {
  const day = (offset: number) => new Date(now.getTime() + offset * DAY_MS).toISOString();
  const ss27 = productsBySeason.get('SS27') ?? [];
  const plans = [
    {
      name: 'SS27 Main Collection',
      season: 'SS27',
      status: 'Open',
      products: ss27,
      published: -14,
      deadline: 75,
    },
    {
      name: 'SS27 Pre-order Capsule',
      season: 'SS27',
      status: 'Limited',
      products: random.sample(ss27, Math.ceil(ss27.length / 5)),
      published: -7,
      deadline: 30,
    },
    {
      name: 'AW26 Collection',
      season: 'AW26',
      status: 'Closed',
      products: productsBySeason.get('AW26') ?? [],
      published: -200,
      deadline: -60,
    },
    {
      name: 'AW27 Preview',
      season: 'AW27',
      status: 'Limited',
      products: productsBySeason.get('AW27') ?? [],
      published: 20,
      deadline: 160,
    },
  ] as const;
  const catalogs: Rows<'catalogs'> = [];
  const catalogProducts: Rows<'catalog_products'> = [];
  for (const plan of plans) {
    const id = random.id();
    catalogs.push({
      id,
      name: plan.name,
      season: plan.season,
      status: plan.status,
      publication_at: day(plan.published),
      order_deadline_at: day(plan.deadline),
    });
    plan.products.forEach((productId, position) =>
      catalogProducts.push({ catalog_id: id, product_id: productId, position }),
    );
  }
  return { catalogs, catalogProducts };
}

function drawLookbooks(random: SeededRandom, media: MediaLibrary, products: Rows<'products'>) {
  const lookbooks: Rows<'lookbooks'> = [];
  const lookbookPages: Rows<'lookbook_pages'> = [];
  const looks = [
    { name: 'SS27 Lookbook', status: 'Public', pages: 8 },
    { name: 'AW27 First Look', status: 'Draft', pages: 4 },
  ] as const;
  for (const look of looks) {
    const id = random.id();
    lookbooks.push({ id, name: look.name, status: look.status });
    for (let position = 0; position < look.pages; position++) {
      const featured = random.sample(products, 2);
      const [left, right] = [random.pick(CATEGORIES), random.pick(CATEGORIES)];
      const picture = lookbookPicture(
        random.pick(['#e9e2d6', '#dfe6e3', '#efe4e1', '#e3e1ec']),
        { silhouette: left.silhouette, colorHex: random.pick(COLOURS).hex },
        { silhouette: right.silhouette, colorHex: random.pick(COLOURS).hex },
      );
      lookbookPages.push({
        lookbook_id: id,
        position,
        picture_id: media.add(picture),
        caption: featured.map((p) => p.name).join(' with '),
        product_ids: JSON.stringify(featured.map((p) => p.id)),
      });
    }
  }
  return { lookbooks, lookbookPages };
}

function drawBuyers(
  random: SeededRandom,
  styleCount: number,
  pricelists: { id: string; name: string }[],
  markets: { id: string; name: string; pricelist_id: string }[],
  at: string,
) {
  // We plan for 5,000 buyers beside 10,000 styles.
  const buyerCount = Math.min(5_000, Math.max(12, Math.round(styleCount / 2)));
  const buyers: Rows<'buyers'> = [];
  const users: Rows<'buyer_users'> = [];
  const memberships: Rows<'buyer_memberships'> = [];
  for (let n = 0; n < buyerCount; n++) {
    const market = MARKETS[n % MARKETS.length]!;
    const japanese = market.name === 'Japan';
    const name = japanese
      ? `${random.pick(BUYER_NAME_PARTS.ja.first)} ${random.pick(BUYER_NAME_PARTS.ja.second)} ${n + 1}`
      : `${random.pick(BUYER_NAME_PARTS.en.first)} ${random.pick(BUYER_NAME_PARTS.en.second)} ${random.pick(BUYER_NAME_PARTS.en.cities)} ${n + 1}`;
    const buyerId = random.id();
    buyers.push({
      id: buyerId,
      name,
      kind: random.chance(0.25) ? 'offline' : 'customer_owned',
      country_code: random.pick(market.countries),
      pricelist_id: pricelists.find((p) => p.name === market.pricelist)!.id,
      discount_bp: random.pick([0, 0, 0, 250, 500, 1000]),
      language: japanese ? 'ja' : 'en',
      updated_at: at,
    });
    // Offline buyers have no accounts; the brand orders for them.
    if (buyers.at(-1)!.kind === 'offline') continue;
    const person = japanese ? PEOPLE.ja : PEOPLE.en;
    const userId = random.id();
    users.push({
      id: userId,
      email: `buyer${n + 1}@${japanese ? 'shop.example.jp' : 'store.example.com'}`,
      name: `${random.pick(person.first)} ${random.pick(person.last)}`,
      password_hash: null,
    });
    memberships.push({ buyer_user_id: userId, buyer_id: buyerId });
  }
  // Some buyer users buy for several stores of a group.
  const accountable = buyers.filter((b) => b.kind === 'customer_owned');
  for (let i = 0; i < users.length; i += 7) {
    const extra = accountable[(i * 3 + 1) % accountable.length]!;
    const user = users[i]!;
    if (!memberships.some((m) => m.buyer_user_id === user.id && m.buyer_id === extra.id)) {
      memberships.push({ buyer_user_id: user.id, buyer_id: extra.id });
    }
  }
  const dtcCustomers: Rows<'dtc_customers'> = [];
  for (let n = 0; n < Math.min(500, Math.max(10, Math.round(styleCount / 10))); n++) {
    const market = random.pick(markets);
    const person = market.name === 'Japan' ? PEOPLE.ja : PEOPLE.en;
    dtcCustomers.push({
      id: random.id(),
      email: `customer${n + 1}@mail.example`,
      first_name: random.pick(person.first),
      last_name: random.pick(person.last),
      market_id: market.id,
    });
  }
  return { buyers, users, memberships, dtcCustomers };
}

/** Pictures stored once each, however many colourways share them. */
class MediaLibrary {
  readonly rows: Rows<'media'> = [];
  readonly #idBySha = new Map<string, string>();
  readonly #random: SeededRandom;
  readonly #at: string;

  constructor(random: SeededRandom, at: string) {
    this.#random = random;
    this.#at = at;
  }

  add(svg: string): string {
    const bytes = new TextEncoder().encode(svg);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const known = this.#idBySha.get(sha256);
    if (known) return known;
    const id = this.#random.id();
    this.#idBySha.set(sha256, id);
    this.rows.push({ id, content_type: 'image/svg+xml', sha256, bytes, created_at: this.#at });
    return id;
  }
}
