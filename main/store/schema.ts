import type { Generated } from 'kysely';

/** Table shapes as Kysely sees them; one interface per table of the migrations. */
export interface StoreSchema {
  brand_settings: {
    id: number;
    name: string;
    default_pricelist_id: string | null;
    default_language: string;
    updated_at: string;
  };
  staff_users: {
    id: string;
    email: string;
    name: string;
    role: 'admin' | 'rep';
    password_hash: string | null;
    created_at: string;
  };
  media: {
    id: string;
    content_type: string;
    sha256: string;
    bytes: Uint8Array;
    created_at: string;
  };
  size_scales: { id: string; name: string; sizes: string };
  products: {
    id: string;
    style_number: string;
    name: string;
    description: Generated<string>;
    category: string;
    season: string;
    size_scale_id: string;
    search_text: string;
    updated_at: string;
  };
  colorways: {
    id: string;
    product_id: string;
    code: string;
    name: string;
    color_hex: string;
    picture_id: string | null;
    position: number;
  };
  skus: {
    id: string;
    product_id: string;
    colorway_id: string;
    size: string;
    barcode: string | null;
    position: number;
  };
  pricelists: { id: string; name: string; currency: string };
  prices: { pricelist_id: string; sku_id: string; wholesale_minor: number; retail_minor: number };
  markets: { id: string; name: string; pricelist_id: string };
  market_countries: { country_code: string; market_id: string };
  warehouses: { id: string; name: string };
  stock: { warehouse_id: string; sku_id: string; quantity: number };
  catalogs: {
    id: string;
    name: string;
    status: 'Open' | 'Limited' | 'Closed';
    publication_at: string | null;
    order_deadline_at: string | null;
  };
  catalog_products: { catalog_id: string; product_id: string; position: number };
  lookbooks: { id: string; name: string; status: 'Public' | 'Draft' };
  lookbook_pages: {
    lookbook_id: string;
    position: number;
    picture_id: string;
    caption: Generated<string>;
    product_ids: Generated<string>;
  };
  buyers: {
    id: string;
    name: string;
    kind: 'customer_owned' | 'offline';
    country_code: string;
    pricelist_id: string;
    discount_bp: Generated<number>;
    language: 'en' | 'ja';
    updated_at: string;
  };
  buyer_users: { id: string; email: string; name: string; password_hash: string | null };
  buyer_memberships: { buyer_user_id: string; buyer_id: string };
  dtc_customers: {
    id: string;
    email: string;
    first_name: string;
    last_name: string;
    market_id: string;
  };
  audit_log: {
    id: string;
    at: string;
    actor_kind: string;
    actor_id: string | null;
    device: string | null;
    action: string;
    subject: string | null;
    details: Generated<string>;
  };
}
