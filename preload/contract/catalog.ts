import { z } from 'zod';
import type { CatalogFilters, ColourChoice } from '../../main/domain/catalog-filters.ts';
import type { Money } from '../../main/domain/money.ts';
import type { CatalogStatus } from '../../main/domain/model.ts';
import { operation } from './operation.ts';

const id = z.string().min(1).max(64);

/** A value picked from one of the filter menus (catalog.filters lists them). */
const facet = (what: string) =>
  z
    .string({ error: `Choose a ${what} from the list` })
    .min(1, `Choose a ${what} from the list`)
    .max(100, `A ${what} is at most 100 characters`)
    .optional();

export const CatalogFiltersInput = z.strictObject(
  {
    catalogId: z
      .string({ error: 'Choose a catalog from the list' })
      .min(1, 'Choose a catalog from the list')
      .max(64, 'That is not a catalog of this brand')
      .optional(),
    season: facet('season'),
    category: facet('category'),
    colour: facet('colour'),
    inStock: z.boolean({ error: '"In stock" is either on or off' }).optional(),
  },
  { error: 'Filter by catalog, season, category, colour or in stock' },
);

export const CatalogSearchInput = z.strictObject({
  query: z.string().max(200, 'A search is at most 200 characters').default(''),
  pricelistId: id.optional(),
  filters: CatalogFiltersInput.default({}),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(60),
});

export const ColorwaySwatch = z.object({
  code: z.string(),
  name: z.string(),
  colorHex: z.string(),
});
export type ColorwaySwatch = z.infer<typeof ColorwaySwatch>;

/** One style as the catalog grid shows it. */
export interface StyleCard {
  id: string;
  styleNumber: string;
  name: string;
  category: string;
  season: string;
  pictureId: string | null;
  /** The first few colourways, for swatches; colorwayCount says how many there are. */
  colorways: ColorwaySwatch[];
  colorwayCount: number;
  /** Lowest wholesale and retail price of the style's SKUs on the pricelist. */
  wholesale: Money | null;
  retail: Money | null;
  /** The barcode that matched, when the search was a barcode. */
  matchedBarcode: string | null;
}

export interface CatalogPage {
  query: string;
  pricelistId: string | null;
  /** The filters that narrowed this page, empty choices left out. */
  filters: CatalogFilters;
  total: number;
  offset: number;
  items: StyleCard[];
}

/** What the filter menus offer: everything the brand's catalog has, whatever is chosen. */
export interface CatalogFilterChoices {
  /** Open catalogs first, then limited, then closed. */
  catalogs: { id: string; name: string; status: CatalogStatus }[];
  /** Newest first. */
  seasons: string[];
  categories: string[];
  /** One per colourway name (in any letter case), with the swatch most of them use. */
  colours: ColourChoice[];
}

export const StyleOpenInput = z.strictObject({
  styleId: id,
  pricelistId: id.optional(),
  /** For a buyer: each size also says what is available in the warehouse their market ships from. */
  buyerId: id.optional(),
});

/** One size of one colourway: its barcode, prices on the pricelist and stock in all warehouses. */
export interface StyleSku {
  id: string;
  size: string;
  barcode: string | null;
  wholesale: Money | null;
  retail: Money | null;
  stock: number;
  /**
   * Opened for a buyer whose market ships from a warehouse: units available to them there
   * now (on hand − what orders hold − this device's orders waiting to sync).
   */
  available?: number;
}

export interface StyleColorway {
  code: string;
  name: string;
  colorHex: string;
  pictureId: string | null;
  /** In the style's size order; a size the colourway is not cut in is absent. */
  skus: StyleSku[];
}

/** A style opened: everything a rep tells a buyer about it. */
export interface StyleDetail {
  id: string;
  styleNumber: string;
  name: string;
  description: string;
  category: string;
  season: string;
  /** The size scale's sizes in order: the columns of a size run. */
  sizes: string[];
  colorways: StyleColorway[];
  pricelistId: string | null;
  /** The catalogs the style is in. */
  catalogs: string[];
  /** Opened for a buyer: the warehouse their market ships from, by name; null when none keeps stock. */
  warehouse?: string | null;
}

export const MediaGetInput = z.strictObject({ id });
export interface MediaFile {
  contentType: string;
  bytes: Uint8Array;
}

export const CSV_FILE_MAX_BYTES = 50 * 1024 * 1024;

export const CatalogImportInput = z.strictObject({
  files: z
    .array(
      z.strictObject({
        name: z.string().min(1).max(255),
        content: z.string().max(CSV_FILE_MAX_BYTES, 'A CSV file is at most 50 MB'),
      }),
    )
    .min(1, 'Choose at least one CSV file')
    .max(10, 'Import at most 10 files at once'),
});

export const CSV_KINDS = ['products', 'prices', 'stock'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export interface CsvProblem {
  /** 1-based line of the file, the header being line 1. */
  line: number;
  /** The header of the column, or null when the whole line is at fault. */
  column: string | null;
  message: string;
}

export interface CsvFileReport {
  name: string;
  kind: CsvKind | null;
  /** True when the file was written; false when any problem kept all of it out. */
  imported: boolean;
  rows: number;
  /** What the file created or changed, e.g. { styles: 12, skus: 60 }. */
  written: Record<string, number>;
  problems: CsvProblem[];
}

export interface CatalogImportReport {
  files: CsvFileReport[];
}

export interface PricelistSummary {
  id: string;
  name: string;
  currency: string;
}

export interface BrandSummary {
  name: string;
  defaultPricelistId: string | null;
  pricelists: PricelistSummary[];
  styleCount: number;
  skuCount: number;
}

export const catalogOperations = {
  'brand.summary': operation<BrandSummary>()({
    input: z.strictObject({}),
    summary: "The brand's name, pricelists and catalog size",
  }),
  'catalog.search': operation<CatalogPage>()({
    input: CatalogSearchInput,
    summary:
      'Styles matching a style number, name or barcode and the chosen filters, one page at a time',
  }),
  'catalog.filters': operation<CatalogFilterChoices>()({
    input: z.strictObject({}),
    summary: 'The catalogs, seasons, categories and colours the catalog can be filtered by',
  }),
  'catalog.importCsv': operation<CatalogImportReport>()({
    input: CatalogImportInput,
    summary: 'Import products, prices or stock from CSV files, each file all or nothing',
  }),
  'catalog.openStyle': operation<StyleDetail>()({
    input: StyleOpenInput,
    summary: 'A style with its colourways, sizes, prices on a pricelist and stock per size',
  }),
  'media.get': operation<MediaFile>()({
    input: MediaGetInput,
    summary: 'A picture by its id',
  }),
};
