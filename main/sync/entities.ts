import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { StaffRole } from '../domain/model.ts';
import { can } from '../domain/permissions.ts';
import type { StoreSchema } from '../store/schema.ts';

/**
 * The tables the hub sends to desktops, keyed as its change log keys them. One list
 * for the hub's change feed and the replica's apply, so both agree on what a row is.
 * What a signed-in rep may see is this list and these columns: buyer people, devices and the audit log stay on the hub, and so do password hashes.
 */
export interface SyncedEntity {
  readonly table: SyncedTable;
  /** One or two key columns, in the order the change log stores them (k1, k2). */
  readonly key: readonly [string] | readonly [string, string];
  /** Columns sent to desktops, keys included. */
  readonly columns: readonly string[];
  /** Columns holding bytes; they travel as base64. */
  readonly binary: readonly string[];
  /**
   * Which rows a staff member may pull, as a condition on the row (aliased `t`); absent
   * when every staff member sees every row. Deleted rows always travel: only their key
   * is left, and deleting what a desktop never had changes nothing.
   */
  readonly visibleTo?: (viewer: SyncViewer) => RawBuilder<SqlBool> | null;
}

/** Who pulls: reps see their own selections, admins every one. */
export interface SyncViewer {
  userId: string;
  role: StaffRole;
}

export type SyncedTable =
  | 'brand_settings'
  | 'staff_users'
  | 'media'
  | 'media_uploads'
  | 'size_scales'
  | 'products'
  | 'colorways'
  | 'skus'
  | 'pricelists'
  | 'prices'
  | 'markets'
  | 'tax_rates'
  | 'market_countries'
  | 'warehouses'
  | 'stock'
  | 'shipping_rate_groups'
  | 'catalogs'
  | 'catalog_products'
  | 'lookbooks'
  | 'lookbook_pages'
  | 'buyers'
  | 'buyer_addresses'
  | 'trading_terms_proposals'
  | 'selections'
  | 'selection_lines'
  | 'share_links'
  | 'customer_order_links'
  | 'dtc_customers'
  | 'dtc_selections'
  | 'dtc_selection_lines'
  | 'dtc_links'
  | 'orders'
  | 'order_lines'
  | 'order_events';

type Columns<Table extends SyncedTable> = readonly (keyof StoreSchema[Table] & string)[];

function entity<Table extends SyncedTable>(
  table: Table,
  key: readonly [keyof StoreSchema[Table] & string, (keyof StoreSchema[Table] & string)?],
  columns: Columns<Table>,
  options: Pick<SyncedEntity, 'visibleTo'> & { binary?: Columns<Table> } = {},
): SyncedEntity {
  const [first, second] = key;
  return {
    table,
    key: second === undefined ? [first] : [first, second],
    columns,
    binary: options.binary ?? [],
    ...(options.visibleTo ? { visibleTo: options.visibleTo } : {}),
  };
}

const ownSelections = (viewer: SyncViewer) =>
  can(viewer.role, 'seeEverySelection') ? null : sql<SqlBool>`t.owner_id = ${viewer.userId}`;

/** Rows that belong to a selection (its lines, its links) go where the selection goes. */
const partsOfOwnSelections = (viewer: SyncViewer) =>
  can(viewer.role, 'seeEverySelection')
    ? null
    : sql<SqlBool>`exists (select 1 from selections s
        where s.id = t.selection_id and s.owner_id = ${viewer.userId})`;

/**
 * An order goes where its selection goes: a wholesale selection's, or for a DTC order
 * (whose `selection_id` is the DTC selection it was bought from) a DTC selection's.
 */
const ownOrders = (viewer: SyncViewer) =>
  can(viewer.role, 'seeEverySelection')
    ? null
    : sql<SqlBool>`(exists (select 1 from selections s
          where s.id = t.selection_id and s.owner_id = ${viewer.userId})
        or exists (select 1 from dtc_selections s
          where s.id = t.selection_id and s.owner_id = ${viewer.userId}))`;

/** Rows that belong to an order (its lines, its history) go where the order goes. */
const partsOfOwnOrders = (viewer: SyncViewer) =>
  can(viewer.role, 'seeEverySelection')
    ? null
    : sql<SqlBool>`exists (select 1 from orders o where o.id = t.order_id and (
        exists (select 1 from selections s
          where s.id = o.selection_id and s.owner_id = ${viewer.userId})
        or exists (select 1 from dtc_selections s
          where s.id = o.selection_id and s.owner_id = ${viewer.userId})))`;

/** A DTC selection's lines and links go where the selection goes. */
const partsOfOwnDtcSelections = (viewer: SyncViewer) =>
  can(viewer.role, 'seeEverySelection')
    ? null
    : sql<SqlBool>`exists (select 1 from dtc_selections s
        where s.id = t.selection_id and s.owner_id = ${viewer.userId})`;

/** In the order a replica applies them: rows before the rows that point at them. */
export const SYNCED_ENTITIES: readonly SyncedEntity[] = [
  entity(
    'brand_settings',
    ['id'],
    [
      'id',
      'name',
      'default_pricelist_id',
      'default_language',
      'updated_at',
      'share_links_enabled',
      'share_link_expiry_days',
      'prepayment_checkout',
      'public_url',
      'default_shipping_rate_group_id',
      'stripe_card_enabled',
      'dtc_link_template',
    ],
  ),
  entity('staff_users', ['id'], ['id', 'email', 'name', 'role', 'created_at']),
  entity('media', ['id'], ['id', 'content_type', 'sha256', 'bytes', 'created_at'], {
    binary: ['bytes'],
  }),
  entity(
    'media_uploads',
    ['id'],
    ['id', 'kind', 'name', 'content_type', 'byte_size', 'sha256', 'uploaded_by', 'uploaded_at'],
  ),
  entity('size_scales', ['id'], ['id', 'name', 'sizes']),
  entity('pricelists', ['id'], ['id', 'name', 'currency']),
  entity('warehouses', ['id'], ['id', 'name']),
  entity('markets', ['id'], ['id', 'name', 'pricelist_id', 'warehouse_id', 'prices_include_tax']),
  entity('tax_rates', ['country_code'], ['country_code', 'rate_bp', 'updated_at']),
  entity('market_countries', ['country_code'], ['country_code', 'market_id']),
  entity(
    'products',
    ['id'],
    [
      'id',
      'style_number',
      'name',
      'description',
      'category',
      'season',
      'size_scale_id',
      'search_text',
      'updated_at',
    ],
  ),
  entity(
    'colorways',
    ['id'],
    ['id', 'product_id', 'code', 'name', 'color_hex', 'picture_id', 'position'],
  ),
  entity('skus', ['id'], ['id', 'product_id', 'colorway_id', 'size', 'barcode', 'position']),
  entity(
    'prices',
    ['pricelist_id', 'sku_id'],
    ['pricelist_id', 'sku_id', 'wholesale_minor', 'retail_minor'],
  ),
  entity('stock', ['sku_id', 'warehouse_id'], ['warehouse_id', 'sku_id', 'quantity', 'held']),
  entity('shipping_rate_groups', ['id'], ['id', 'name', 'rates', 'created_at', 'updated_at']),
  entity(
    'catalogs',
    ['id'],
    [
      'id',
      'name',
      'status',
      'publication_at',
      'order_deadline_at',
      'season',
      'address_field',
      'payment_methods',
      'shipping_rate_group_ids',
    ],
  ),
  entity(
    'catalog_products',
    ['catalog_id', 'product_id'],
    ['catalog_id', 'product_id', 'position'],
  ),
  entity('lookbooks', ['id'], ['id', 'name', 'status']),
  entity(
    'lookbook_pages',
    ['lookbook_id', 'position'],
    ['lookbook_id', 'position', 'picture_id', 'caption', 'product_ids'],
  ),
  entity(
    'buyers',
    ['id'],
    [
      'id',
      'name',
      'kind',
      'country_code',
      'pricelist_id',
      'discount_bp',
      'language',
      'updated_at',
      'contact_email',
    ],
  ),
  // Every staff member sees every buyer, so every buyer's addresses too.
  entity(
    'buyer_addresses',
    ['id'],
    [
      'id',
      'buyer_id',
      'kind',
      'name',
      'line1',
      'line2',
      'postal_code',
      'city',
      'region',
      'country',
      'phone',
      'position',
      'updated_at',
    ],
  ),
  // A rep pulls only the proposals they made: what they wrote to the admins about a
  // buyer's terms is between them, and the decided terms reach every rep with the buyer.
  // Whoever decides proposals sees them all.
  entity(
    'trading_terms_proposals',
    ['id'],
    [
      'id',
      'buyer_id',
      'proposed_by',
      'pricelist_id',
      'discount_bp',
      'language',
      'note',
      'status',
      'decided_by',
      'decided_at',
      'decline_reason',
      'created_at',
    ],
    {
      visibleTo: (viewer) =>
        can(viewer.role, 'decideTermsProposals')
          ? null
          : sql<SqlBool>`t.proposed_by = ${viewer.userId}`,
    },
  ),
  entity(
    'selections',
    ['id'],
    ['id', 'buyer_id', 'owner_id', 'name', 'notes', 'created_at', 'updated_at'],
    { visibleTo: ownSelections },
  ),
  entity(
    'selection_lines',
    ['selection_id', 'sku_id'],
    ['selection_id', 'sku_id', 'quantity', 'added_at'],
    { visibleTo: partsOfOwnSelections },
  ),
  // The token's hash stays on the hub: a desktop has no use for it.
  entity(
    'share_links',
    ['id'],
    [
      'id',
      'selection_id',
      'created_by',
      'created_at',
      'expires_at',
      'revoked_at',
      'revoked_by',
      'open_count',
      'last_opened_at',
    ],
    { visibleTo: partsOfOwnSelections },
  ),
  // A rep pulls the links they made; whoever manages every link, all of them. The
  // token's hash stays on the hub.
  entity(
    'customer_order_links',
    ['id'],
    [
      'id',
      'name',
      'description',
      'view_only',
      'offline_buyer_transition',
      'address_field',
      'release_at',
      'expires_at',
      'passcode_enabled',
      'catalog_ids',
      'payment_methods',
      'shipping_rate_group_ids',
      'video',
      'background',
      'lookbook_ids',
      'contacts',
      'created_by',
      'created_at',
      'updated_at',
      'disabled_at',
      'disabled_by',
      'open_count',
      'last_opened_at',
    ],
    {
      visibleTo: (viewer) =>
        can(viewer.role, 'manageEveryCustomerOrderLink')
          ? null
          : sql<SqlBool>`t.created_by = ${viewer.userId}`,
    },
  ),
  // Every staff member serves DTC customers (the spec: admins and reps alike).
  entity(
    'dtc_customers',
    ['id'],
    [
      'id',
      'email',
      'first_name',
      'last_name',
      'market_id',
      'phone',
      'country_code',
      'addresses',
      'created_by',
      'created_at',
      'updated_at',
    ],
  ),
  entity(
    'dtc_selections',
    ['id'],
    [
      'id',
      'customer_id',
      'owner_id',
      'market_id',
      'pricelist_id',
      'name',
      'created_at',
      'updated_at',
      'deleted_at',
      'deleted_by_order_id',
    ],
    { visibleTo: ownSelections },
  ),
  entity(
    'dtc_selection_lines',
    ['selection_id', 'sku_id'],
    ['selection_id', 'sku_id', 'quantity', 'special_price_minor', 'added_at'],
    { visibleTo: partsOfOwnDtcSelections },
  ),
  // The token's hash stays on the hub.
  entity(
    'dtc_links',
    ['id'],
    [
      'id',
      'selection_id',
      'lock_quantities',
      'ignore_shipping',
      'ignore_tax',
      'created_by',
      'created_at',
      'claim_count',
      'purchased_at',
      'purchase_order_id',
      'killed_at',
      'killed_by',
    ],
    { visibleTo: partsOfOwnDtcSelections },
  ),
  entity(
    'orders',
    ['id'],
    [
      'id',
      'source',
      'selection_id',
      'share_link_id',
      'buyer_id',
      'status',
      'contact_name',
      'contact_email',
      'contact_phone',
      'note',
      'currency',
      'units',
      'subtotal_minor',
      'discount_minor',
      'total_minor',
      'created_at',
      'completed_at',
      'completed_by',
      'number',
      'ship_to',
      'bill_to',
      'ship_start',
      'cancel_date',
      'po_number',
      'payment_method',
      'shipping_rate_name',
      'shipping_minor',
      'approved_by',
      'placed_by_kind',
      'placed_by',
      'units_short',
      'customer_order_link_id',
      'payment_status',
      'paid_at',
      'dtc_customer_id',
      'dtc_link_id',
      'tax_minor',
      'tax_included',
    ],
    { visibleTo: ownOrders },
  ),
  entity(
    'order_lines',
    ['order_id', 'sku_id'],
    ['order_id', 'sku_id', 'quantity', 'unit_price_minor', 'tax_rate_bp'],
    { visibleTo: partsOfOwnOrders },
  ),
  entity(
    'order_events',
    ['id'],
    ['id', 'order_id', 'at', 'actor_kind', 'actor_id', 'from_state', 'to_state', 'reason'],
    { visibleTo: partsOfOwnOrders },
  ),
];

const byTable = new Map(SYNCED_ENTITIES.map((entry) => [entry.table, entry]));

export function syncedEntity(table: string): SyncedEntity | undefined {
  return byTable.get(table as SyncedTable);
}

/** The change log's (k1, k2) for a row or a key: k2 is '' for one-column keys. */
export function changeKey(entry: SyncedEntity, row: Record<string, unknown>): [string, string] {
  const [first, second] = entry.key;
  return [String(row[first]), second === undefined ? '' : String(row[second])];
}
