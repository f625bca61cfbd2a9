/**
 * The brand's world as the product names it. These are plain records: rules that act
 * on them live in the neighbouring modules (money, catalog-availability, barcode,
 * trading-terms), and the store maps them to tables.
 */

export type Id = string;
/** An instant in UTC, ISO 8601. */
export type Instant = string;

export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export const STAFF_ROLES = ['admin', 'rep'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface BrandSettings {
  name: string;
  defaultPricelistId: Id | null;
  defaultLanguage: Language;
}

export interface StaffUser {
  id: Id;
  email: string;
  name: string;
  role: StaffRole;
}

/** The ordered sizes a style is cut in, e.g. XS–XL or 34–44. */
export interface SizeScale {
  id: Id;
  name: string;
  sizes: readonly string[];
}

/** A style: what the catalog shows as one card. */
export interface Product {
  id: Id;
  styleNumber: string;
  name: string;
  description: string;
  category: string;
  season: string;
  sizeScaleId: Id;
}

export interface Colorway {
  id: Id;
  productId: Id;
  code: string;
  name: string;
  /** #rrggbb, for swatches. */
  colorHex: string;
  pictureId: Id | null;
  position: number;
}

/** One sellable unit: a colorway in one size. */
export interface Sku {
  id: Id;
  productId: Id;
  colorwayId: Id;
  size: string;
  barcode: string | null;
  position: number;
}

export interface Pricelist {
  id: Id;
  name: string;
  currency: string;
}

/** Prices of one SKU on one pricelist, in the pricelist's currency's minor units. */
export interface Price {
  pricelistId: Id;
  skuId: Id;
  wholesaleMinor: number;
  retailMinor: number;
}

/** Countries that buy on one pricelist. */
export interface Market {
  id: Id;
  name: string;
  pricelistId: Id;
  countries: readonly string[];
}

export interface Warehouse {
  id: Id;
  name: string;
}

export interface StockLevel {
  warehouseId: Id;
  skuId: Id;
  quantity: number;
}

export const CATALOG_STATUSES = ['Open', 'Limited', 'Closed'] as const;
export type CatalogStatus = (typeof CATALOG_STATUSES)[number];

export interface Catalog {
  id: Id;
  name: string;
  status: CatalogStatus;
  /** Buyers can browse from this instant; null: at once. */
  publicationAt: Instant | null;
  /** Buyers can order until this instant; null: no deadline. */
  orderDeadlineAt: Instant | null;
  productIds: readonly Id[];
}

export const LOOKBOOK_STATUSES = ['Public', 'Draft'] as const;
export type LookbookStatus = (typeof LOOKBOOK_STATUSES)[number];

export interface Lookbook {
  id: Id;
  name: string;
  status: LookbookStatus;
  pages: readonly { pictureId: Id; caption: string; productIds: readonly Id[] }[];
}

/**
 * A buyer organization. Customer-owned buyers are managed by the customer in the
 * Buyer App; offline buyers are managed by the brand on the customer's behalf.
 */
export const BUYER_KINDS = ['customer_owned', 'offline'] as const;
export type BuyerKind = (typeof BUYER_KINDS)[number];

export interface TradingTerms {
  pricelistId: Id;
  /** 0–10000: 1250 is 12.5 % off wholesale. */
  discountBasisPoints: number;
  language: Language;
}

export interface Buyer {
  id: Id;
  name: string;
  kind: BuyerKind;
  countryCode: string;
  terms: TradingTerms;
}

/** A person who logs in to the Buyer App; may buy for several organizations. */
export interface BuyerUser {
  id: Id;
  email: string;
  name: string;
  buyerIds: readonly Id[];
}

/** A direct-to-consumer customer, for one-time checkout links. */
export interface DtcCustomer {
  id: Id;
  email: string;
  firstName: string;
  lastName: string;
  marketId: Id;
}
