import { sql, type Kysely, type RawBuilder } from 'kysely';
import { DEFAULT_ORDER_NUMBER_PREFIX } from '../../../domain/order-number.ts';

/**
 * The hub's schema on PostgreSQL as SQLite hub migrations 0001–0029 leave it: the same
 * tables, columns, defaults, keys, foreign keys, checks and index names, so the hub's
 * queries run unchanged on either engine. No PostgreSQL hub existed before it, so this
 * one migration stands for all of them; migrations from 0030 on are written for both.
 *
 * How SQLite's forms are carried over:
 * - integer → bigint (the store reads int8 as a JS number), real → double precision,
 *   blob → bytea. Flags stay 0/1 integers with the same checks, so code reading them
 *   sees the same values on both engines.
 * - JSON stays text. Its checks cast to jsonb: SQLite's json_valid becomes a cast that
 *   must succeed, json_type becomes jsonb_typeof, json_array_length jsonb_array_length.
 * - `collate nocase` indexes (colorways_name, orders_po_number) are indexes on lower()
 *   of the column: queries that want them on PostgreSQL compare lower() of both sides.
 * - The change log takes its versions from a sequence under the hub's writer lock, not
 *   from AUTOINCREMENT: see the change log section below for why.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const group of [
    brandAndStaff,
    media,
    catalog,
    buyers,
    selectionsAndShareLinks,
    orders,
    customerOrderLinks,
    dtc,
    mail,
    hubBookkeeping,
    changeLog,
  ]) {
    for (const statement of group) await statement.execute(db);
  }
  for (const [table, k1, k2] of CHANGE_LOG_KEYS) {
    await sql`create trigger ${sql.raw(`change_log_${table}`)}
      after insert or update or delete on ${sql.table(table)}
      for each row execute function change_log_record(${sql.lit(k1)}, ${sql.lit(k2)})`.execute(db);
  }
}

/** The brand's settings (one row), shipping rate groups, tax rates, staff and devices. */
const brandAndStaff: readonly RawBuilder<unknown>[] = [
  sql`create table shipping_rate_groups (
    id text primary key,
    name text not null check (length(name) between 1 and 120),
    rates text not null default '[]' check (jsonb_typeof(rates::jsonb) = 'array'),
    created_at text not null,
    updated_at text not null
  )`,
  sql`create table brand_settings (
    id bigint primary key check (id = 1),
    name text not null,
    default_pricelist_id text,
    default_language text not null default 'en',
    updated_at text not null,
    share_links_enabled bigint not null default 0 check (share_links_enabled in (0, 1)),
    share_link_expiry_days bigint not null default 14 check (share_link_expiry_days between 1 and 366),
    prepayment_checkout bigint not null default 0 check (prepayment_checkout in (0, 1)),
    public_url text,
    default_shipping_rate_group_id text references shipping_rate_groups (id) on delete set null,
    stripe_card_enabled bigint not null default 0 check (stripe_card_enabled in (0, 1)),
    dtc_link_template text check (dtc_link_template is null or length(dtc_link_template) <= 500)
  )`,
  sql`create table tax_rates (
    country_code text primary key check (length(country_code) = 2),
    rate_bp bigint not null check (rate_bp between 0 and 10000),
    updated_at text not null
  )`,
  sql`create table staff_users (
    id text primary key,
    email text not null unique,
    name text not null,
    role text not null check (role in ('admin', 'rep')),
    password_hash text,
    created_at text not null
  )`,
  sql`create table devices (
    id text primary key,
    user_id text not null references staff_users (id) on delete cascade,
    name text not null,
    token_hash text not null unique,
    created_at text not null,
    last_seen_at text,
    revoked_at text,
    revoked_by text,
    last_applied_seq bigint not null default 0
  )`,
  sql`create index devices_user on devices (user_id)`,
];

/** Pictures the catalog shows, and the uploads (images, videos in chunks) staff make. */
const media: readonly RawBuilder<unknown>[] = [
  sql`create table media (
    id text primary key,
    content_type text not null,
    sha256 text not null unique,
    bytes bytea not null,
    created_at text not null
  )`,
  sql`create table media_uploads (
    id text primary key,
    kind text not null check (kind in ('image', 'video')),
    name text not null,
    content_type text not null,
    byte_size bigint not null check (byte_size > 0),
    sha256 text not null unique,
    uploaded_by text not null references staff_users (id),
    uploaded_at text not null
  )`,
  sql`create table media_video_chunks (
    media_id text not null references media_uploads (id) on delete cascade,
    n bigint not null check (n >= 0),
    bytes bytea not null,
    primary key (media_id, n)
  )`,
];

/** Styles, their colourways and SKUs, prices, markets, stock, catalogs and lookbooks. */
const catalog: readonly RawBuilder<unknown>[] = [
  sql`create table size_scales (
    id text primary key,
    name text not null unique,
    sizes text not null
  )`,
  sql`create table products (
    id text primary key,
    style_number text not null unique,
    name text not null,
    description text not null default '',
    category text not null,
    season text not null,
    size_scale_id text not null references size_scales (id),
    search_text text not null,
    updated_at text not null
  )`,
  sql`create index products_category on products (category)`,
  sql`create index products_season on products (season)`,
  sql`create table colorways (
    id text primary key,
    product_id text not null references products (id) on delete cascade,
    code text not null,
    name text not null,
    color_hex text not null,
    picture_id text references media (id),
    position bigint not null,
    constraint colorways_product_code unique (product_id, code)
  )`,
  // SQLite's (name collate nocase, product_id): a colour filter compares lower(name).
  sql`create index colorways_name on colorways (lower(name), product_id)`,
  sql`create table skus (
    id text primary key,
    product_id text not null references products (id) on delete cascade,
    colorway_id text not null references colorways (id) on delete cascade,
    size text not null,
    barcode text unique,
    position bigint not null,
    constraint skus_colorway_size unique (colorway_id, size)
  )`,
  sql`create index skus_product_sku on skus (product_id, id)`,
  sql`create table pricelists (
    id text primary key,
    name text not null unique,
    currency text not null
  )`,
  sql`create table prices (
    pricelist_id text not null references pricelists (id) on delete cascade,
    sku_id text not null references skus (id) on delete cascade,
    wholesale_minor bigint not null check (wholesale_minor >= 0),
    retail_minor bigint not null check (retail_minor >= 0),
    constraint prices_pk primary key (pricelist_id, sku_id)
  )`,
  sql`create index prices_sku on prices (sku_id)`,
  sql`create table warehouses (
    id text primary key,
    name text not null unique
  )`,
  sql`create table markets (
    id text primary key,
    name text not null unique,
    pricelist_id text not null references pricelists (id),
    warehouse_id text references warehouses (id) on delete set null,
    prices_include_tax bigint not null default 1 check (prices_include_tax in (0, 1))
  )`,
  sql`create table market_countries (
    country_code text primary key,
    market_id text not null references markets (id) on delete cascade
  )`,
  sql`create table stock (
    warehouse_id text not null references warehouses (id) on delete cascade,
    sku_id text not null references skus (id) on delete cascade,
    quantity bigint not null,
    held bigint not null default 0 check (held >= 0),
    constraint stock_pk primary key (sku_id, warehouse_id)
  )`,
  sql`create index stock_sku_quantity on stock (sku_id, quantity)`,
  sql`create table catalogs (
    id text primary key,
    name text not null unique,
    status text not null check (status in ('Open', 'Limited', 'Closed')),
    publication_at text,
    order_deadline_at text,
    season text not null default '' check (length(season) <= 40),
    address_field text not null default 'show' check (address_field in ('show', 'hide')),
    payment_methods text not null default '["outside_app"]'
      check (jsonb_typeof(payment_methods::jsonb) = 'array'
        and jsonb_array_length(payment_methods::jsonb) > 0),
    shipping_rate_group_ids text not null default '[]'
      check (jsonb_typeof(shipping_rate_group_ids::jsonb) = 'array')
  )`,
  sql`create table catalog_products (
    catalog_id text not null references catalogs (id) on delete cascade,
    product_id text not null references products (id) on delete cascade,
    position bigint not null,
    constraint catalog_products_pk primary key (catalog_id, product_id)
  )`,
  sql`create index catalog_products_product on catalog_products (product_id)`,
  sql`create table lookbooks (
    id text primary key,
    name text not null unique,
    status text not null check (status in ('Public', 'Draft'))
  )`,
  sql`create table lookbook_pages (
    lookbook_id text not null references lookbooks (id) on delete cascade,
    position bigint not null,
    picture_id text not null references media (id),
    caption text not null default '',
    product_ids text not null default '[]',
    constraint lookbook_pages_pk primary key (lookbook_id, position)
  )`,
];

/** Buyers (wholesale accounts), their people, addresses, sign-ins and proposed terms. */
const buyers: readonly RawBuilder<unknown>[] = [
  sql`create table buyers (
    id text primary key,
    name text not null,
    kind text not null check (kind in ('customer_owned', 'offline')),
    country_code text not null,
    pricelist_id text not null references pricelists (id),
    discount_bp bigint not null default 0 check (discount_bp between 0 and 10000),
    language text not null check (language in ('en', 'ja')),
    updated_at text not null,
    contact_email text not null default ''
  )`,
  sql`create index buyers_name on buyers (name)`,
  sql`create table buyer_users (
    id text primary key,
    email text not null unique,
    name text not null,
    password_hash text
  )`,
  sql`create table buyer_memberships (
    buyer_user_id text not null references buyer_users (id) on delete cascade,
    buyer_id text not null references buyers (id) on delete cascade,
    constraint buyer_memberships_pk primary key (buyer_user_id, buyer_id)
  )`,
  sql`create index buyer_memberships_buyer on buyer_memberships (buyer_id)`,
  sql`create table buyer_addresses (
    id text primary key,
    buyer_id text not null references buyers (id) on delete cascade,
    kind text not null check (kind in ('ship_to', 'bill_to')),
    name text not null,
    line1 text not null,
    line2 text not null default '',
    postal_code text not null default '',
    city text not null,
    region text not null default '',
    country text not null,
    phone text not null default '',
    position bigint not null,
    updated_at text not null
  )`,
  sql`create index buyer_addresses_buyer on buyer_addresses (buyer_id, kind, position)`,
  sql`create unique index buyer_addresses_one_bill_to on buyer_addresses (buyer_id)
    where kind = 'bill_to'`,
  sql`create table buyer_sessions (
    token_hash text primary key,
    buyer_user_id text not null references buyer_users (id) on delete cascade,
    created_at text not null,
    expires_at text not null
  )`,
  sql`create table buyer_invitations (
    id text primary key,
    buyer_id text not null references buyers (id),
    email text not null,
    name text not null,
    token_hash text not null unique,
    invited_by text not null,
    created_at text not null,
    expires_at text not null,
    accepted_at text,
    revoked_at text
  )`,
  sql`create index buyer_invitations_buyer on buyer_invitations (buyer_id, email)`,
  sql`create table buyer_credentials (
    buyer_id text not null references buyers (id),
    kind text not null check (kind in ('offline_email', 'brand_code')),
    identifier text not null,
    secret_hash text not null,
    set_by text not null,
    set_at text not null,
    constraint buyer_credentials_pk primary key (buyer_id, kind)
  )`,
  sql`create unique index buyer_credentials_identifier on buyer_credentials (kind, identifier)`,
  sql`create table trading_terms_proposals (
    id text primary key,
    buyer_id text not null references buyers (id),
    proposed_by text not null references staff_users (id),
    pricelist_id text not null,
    discount_bp bigint not null check (discount_bp between 0 and 10000),
    language text not null check (language in ('en', 'ja')),
    note text not null default '',
    status text not null default 'pending' check (status in ('pending', 'approved', 'declined')),
    decided_by text,
    decided_at text,
    decline_reason text not null default '',
    created_at text not null
  )`,
  sql`create index trading_terms_proposals_buyer on trading_terms_proposals
    (buyer_id, status, created_at)`,
  sql`create index trading_terms_proposals_status on trading_terms_proposals (status, created_at)`,
];

/** Selections reps build for buyers, and the anonymous share links that show them. */
const selectionsAndShareLinks: readonly RawBuilder<unknown>[] = [
  sql`create table selections (
    id text primary key,
    buyer_id text not null references buyers (id),
    owner_id text not null references staff_users (id),
    name text not null,
    notes text not null default '',
    created_at text not null,
    updated_at text not null
  )`,
  sql`create index selections_buyer on selections (buyer_id, updated_at)`,
  sql`create index selections_owner on selections (owner_id, updated_at)`,
  sql`create table selection_lines (
    selection_id text not null references selections (id) on delete cascade,
    sku_id text not null,
    quantity bigint not null check (quantity > 0),
    added_at text not null,
    constraint selection_lines_pk primary key (selection_id, sku_id)
  )`,
  sql`create table share_links (
    id text primary key,
    selection_id text not null,
    token_hash text unique,
    created_by text not null,
    created_at text not null,
    expires_at text not null,
    revoked_at text,
    revoked_by text,
    open_count bigint not null default 0,
    last_opened_at text
  )`,
  sql`create index share_links_selection on share_links (selection_id, created_at)`,
  sql`create table share_link_open_periods (
    link_id text not null,
    period_start text not null,
    opens bigint not null check (opens > 0),
    first_at text not null,
    last_at text not null,
    constraint share_link_open_periods_pk primary key (link_id, period_start)
  )`,
  sql`create index share_link_open_periods_last on share_link_open_periods (last_at)`,
];

/** Orders from every source, their lines, stock allocations, history and numbering. */
const orders: readonly RawBuilder<unknown>[] = [
  sql`create table orders (
    id text primary key,
    source text not null
      check (source in ('booth', 'share_link', 'customer_order_link', 'dtc_link')),
    selection_id text not null,
    share_link_id text,
    buyer_id text check (buyer_id is not null or source = 'dtc_link'),
    status text not null
      check (status in ('Checkout Requested', 'Order', 'Confirmed', 'Cancelled')),
    contact_name text not null,
    contact_email text not null,
    contact_phone text not null default '',
    note text not null default '',
    currency text not null,
    units bigint not null,
    subtotal_minor bigint not null,
    discount_minor bigint not null,
    total_minor bigint not null,
    created_at text not null,
    completed_at text,
    completed_by text,
    number text unique,
    ship_to text,
    bill_to text,
    ship_start text,
    cancel_date text,
    po_number text not null default '',
    payment_method text,
    shipping_rate_name text not null default '',
    shipping_minor bigint not null default 0 check (shipping_minor >= 0),
    approved_by text not null default '',
    placed_by_kind text not null default 'anonymous',
    placed_by text,
    units_short bigint not null default 0 check (units_short >= 0),
    customer_order_link_id text,
    payment_status text not null default 'none'
      check (payment_status in ('none', 'pending', 'paid', 'failed')),
    paid_at text,
    dtc_customer_id text,
    dtc_link_id text,
    tax_minor bigint not null default 0 check (tax_minor >= 0),
    tax_included bigint not null default 0 check (tax_included in (0, 1)),
    payment_reference text
  )`,
  sql`create index orders_buyer on orders (buyer_id, created_at)`,
  sql`create index orders_newest on orders (created_at, id)`,
  sql`create index orders_source_newest on orders (source, created_at, id)`,
  sql`create index orders_status_newest on orders (status, created_at, id)`,
  sql`create index orders_customer_order_link on orders (customer_order_link_id)
    where customer_order_link_id is not null`,
  sql`create index orders_dtc_customer on orders (dtc_customer_id, created_at)
    where dtc_customer_id is not null`,
  sql`create unique index orders_payment_reference on orders (payment_reference)
    where payment_reference is not null`,
  // SQLite's (po_number collate nocase): a PO number search compares lower(po_number).
  sql`create index orders_po_number on orders (lower(po_number))`,
  sql`create table order_lines (
    order_id text not null references orders (id) on delete cascade,
    sku_id text not null,
    quantity bigint not null check (quantity > 0),
    unit_price_minor bigint not null,
    tax_rate_bp bigint not null default 0 check (tax_rate_bp between 0 and 10000),
    constraint order_lines_pk primary key (order_id, sku_id)
  )`,
  sql`create table order_allocations (
    order_id text not null references orders (id) on delete cascade,
    sku_id text not null,
    warehouse_id text not null references warehouses (id),
    allocated bigint not null check (allocated >= 0),
    short bigint not null check (short >= 0),
    constraint order_allocations_pk primary key (order_id, sku_id)
  )`,
  sql`create index order_allocations_stock on order_allocations (warehouse_id, sku_id)`,
  sql`create table order_events (
    id text primary key,
    order_id text not null references orders (id) on delete cascade,
    at text not null,
    actor_kind text not null,
    actor_id text,
    from_state text
      check (from_state in ('Checkout Requested', 'Order', 'Confirmed', 'Cancelled')),
    to_state text not null
      check (to_state in ('Checkout Requested', 'Order', 'Confirmed', 'Cancelled')),
    reason text not null default ''
  )`,
  sql`create index order_events_order on order_events (order_id, at)`,
  sql`create table order_counters (
    prefix text primary key,
    last_sequence bigint not null check (last_sequence >= 0)
  )`,
  // SQLite's 0013 starts the brand's counter (past the orders it had; here there are none).
  sql`insert into order_counters (prefix, last_sequence) values (${DEFAULT_ORDER_NUMBER_PREFIX}, 0)`,
];

/** Customer order links, their sealed secrets, buyers' sessions and sign-in tickets. */
const customerOrderLinks: readonly RawBuilder<unknown>[] = [
  sql`create table customer_order_links (
    id text primary key,
    token_hash text unique,
    name text not null check (length(name) between 1 and 120),
    description text not null default '' check (length(description) <= 2000),
    view_only bigint not null default 0 check (view_only in (0, 1)),
    offline_buyer_transition bigint not null default 0
      check (offline_buyer_transition in (0, 1)),
    address_field text not null default 'show' check (address_field in ('show', 'hide')),
    release_at text,
    expires_at text,
    passcode_enabled bigint not null default 0 check (passcode_enabled in (0, 1)),
    catalog_ids text not null default '[]' check (jsonb_typeof(catalog_ids::jsonb) = 'array'),
    payment_methods text not null default '[]'
      check (jsonb_typeof(payment_methods::jsonb) = 'array'),
    shipping_rate_group_ids text not null default '[]'
      check (jsonb_typeof(shipping_rate_group_ids::jsonb) = 'array'),
    video text check (video is null or (video::jsonb) is not null),
    background text not null default '{"kind":"empty"}' check ((background::jsonb) is not null),
    lookbook_ids text not null default '[]' check (jsonb_typeof(lookbook_ids::jsonb) = 'array'),
    contacts text not null default '[]' check (jsonb_typeof(contacts::jsonb) = 'array'),
    created_by text not null,
    created_at text not null,
    updated_at text not null,
    disabled_at text,
    disabled_by text,
    open_count bigint not null default 0 check (open_count >= 0),
    last_opened_at text
  )`,
  sql`create index customer_order_links_created on customer_order_links (created_at, id)`,
  sql`create table customer_order_link_secrets (
    link_id text primary key references customer_order_links (id) on delete cascade,
    token_sealed text,
    passcode_hash text
  )`,
  sql`create table customer_link_sessions (
    token_hash text primary key,
    link_id text not null references customer_order_links (id) on delete cascade,
    passcode_passed_at text,
    method text check (method in ('userAccount', 'offlineBuyer', 'brandCredentials')),
    buyer_user_id text references buyer_users (id) on delete cascade,
    buyer_id text references buyers (id) on delete cascade,
    on_behalf_of text references staff_users (id) on delete cascade,
    created_at text not null,
    expires_at text not null,
    on_behalf_device text references devices (id) on delete set null
  )`,
  sql`create index customer_link_sessions_expiry on customer_link_sessions (expires_at)`,
  sql`create table customer_link_sign_in_tickets (
    ticket_hash text primary key,
    link_id text not null references customer_order_links (id) on delete cascade,
    buyer_id text not null references buyers (id) on delete cascade,
    staff_user_id text not null references staff_users (id) on delete cascade,
    device_id text not null references devices (id) on delete cascade,
    created_at text not null,
    expires_at text not null,
    used_at text
  )`,
  sql`create index customer_link_sign_in_tickets_expiry on customer_link_sign_in_tickets
    (expires_at)`,
];

/** Direct-to-consumer customers, their saved carts, checkout links and claims of them. */
const dtc: readonly RawBuilder<unknown>[] = [
  sql`create table dtc_customers (
    id text primary key,
    email text not null unique,
    first_name text not null,
    last_name text not null,
    market_id text not null references markets (id),
    phone text not null default '' check (length(phone) <= 40),
    country_code text not null default '' check (country_code = '' or length(country_code) = 2),
    addresses text not null default '[]'
      check (jsonb_typeof(addresses::jsonb) = 'array' and jsonb_array_length(addresses::jsonb) <= 10),
    created_by text,
    created_at text not null default '',
    updated_at text not null default ''
  )`,
  sql`create table dtc_selections (
    id text primary key,
    customer_id text not null references dtc_customers (id),
    owner_id text not null references staff_users (id),
    market_id text not null references markets (id),
    pricelist_id text not null references pricelists (id),
    name text not null check (length(name) between 1 and 120),
    created_at text not null,
    updated_at text not null,
    deleted_at text,
    deleted_by_order_id text
  )`,
  sql`create index dtc_selections_customer on dtc_selections (customer_id, updated_at)`,
  sql`create table dtc_selection_lines (
    selection_id text not null references dtc_selections (id) on delete cascade,
    sku_id text not null references skus (id),
    quantity bigint not null check (quantity between 1 and 999),
    special_price_minor bigint check (special_price_minor is null or special_price_minor >= 0),
    added_at text not null,
    primary key (selection_id, sku_id)
  )`,
  sql`create table dtc_links (
    id text primary key,
    selection_id text not null references dtc_selections (id),
    token_hash text unique,
    lock_quantities bigint not null check (lock_quantities in (0, 1)),
    ignore_shipping bigint not null check (ignore_shipping in (0, 1)),
    ignore_tax bigint not null check (ignore_tax in (0, 1)),
    created_by text not null,
    created_at text not null,
    claim_count bigint not null default 0 check (claim_count >= 0),
    purchased_at text,
    purchase_order_id text unique,
    killed_at text,
    killed_by text
  )`,
  sql`create index dtc_links_selection on dtc_links (selection_id, created_at)`,
  sql`create table dtc_link_secrets (
    link_id text primary key references dtc_links (id) on delete cascade,
    token_sealed text
  )`,
  sql`create table dtc_claims (
    id text primary key,
    link_id text not null references dtc_links (id),
    token_hash text not null unique,
    selection_id text not null references dtc_selections (id),
    market_id text not null references markets (id),
    pricelist_id text not null references pricelists (id),
    lines text not null check (jsonb_typeof(lines::jsonb) = 'array'),
    lock_quantities bigint not null check (lock_quantities in (0, 1)),
    ignore_shipping bigint not null check (ignore_shipping in (0, 1)),
    ignore_tax bigint not null check (ignore_tax in (0, 1)),
    claimed_at text not null,
    order_id text unique references orders (id)
  )`,
  sql`create index dtc_claims_link on dtc_claims (link_id, claimed_at)`,
];

/** The mail outbox, its attachments, and the SMTP server it sends through (one row). */
const mail: readonly RawBuilder<unknown>[] = [
  sql`create table mail_outbox (
    id text primary key,
    dedupe_key text not null unique,
    entity text,
    to_addresses text not null,
    cc_addresses text not null default '[]',
    subject text not null,
    text_body text not null,
    html_body text,
    status text not null check (status in ('queued', 'sending', 'sent', 'failed')),
    attempts bigint not null default 0,
    next_attempt_at text not null,
    claimed_at text,
    claim text,
    last_error_code text,
    last_error_message text,
    created_at text not null,
    sent_at text,
    renderings text not null default '[]'
  )`,
  sql`create index mail_outbox_due on mail_outbox (status, next_attempt_at)`,
  sql`create index mail_outbox_entity on mail_outbox (entity, created_at) where entity is not null`,
  sql`create table mail_attachments (
    mail_id text not null references mail_outbox (id) on delete cascade,
    position bigint not null,
    filename text not null,
    content_type text not null,
    size bigint not null,
    content bytea,
    constraint mail_attachments_pk primary key (mail_id, position)
  )`,
  sql`create table smtp_settings (
    id bigint primary key check (id = 1),
    host text not null,
    port bigint not null,
    security text not null check (security in ('tls', 'starttls', 'none')),
    username text,
    password_sealed text,
    from_address text not null,
    last_problem_code text,
    last_problem_message text,
    last_problem_at text,
    updated_at text not null,
    updated_by text
  )`,
];

/** What the hub keeps for itself: audit, sync refusals, rate limits, settings, Stripe. */
const hubBookkeeping: readonly RawBuilder<unknown>[] = [
  sql`create table audit_log (
    id text primary key,
    at text not null,
    actor_kind text not null,
    actor_id text,
    device text,
    action text not null,
    subject text,
    details text not null default '{}'
  )`,
  sql`create index audit_log_at on audit_log (at)`,
  sql`create table sync_refusals (
    device_id text not null references devices (id) on delete cascade,
    seq bigint not null,
    mutation text not null,
    subject text,
    summary text not null,
    code text not null,
    reason text not null,
    args text not null,
    at text not null,
    constraint sync_refusals_pk primary key (device_id, seq)
  )`,
  sql`create table auth_failures (
    key text not null,
    at text not null
  )`,
  sql`create index auth_failures_key_at on auth_failures (key, at)`,
  sql`create table limit_hits (
    key text not null,
    at text not null,
    attempt text
  )`,
  sql`create index limit_hits_key_at on limit_hits (key, at)`,
  sql`create index limit_hits_attempt on limit_hits (attempt) where attempt is not null`,
  sql`create index limit_hits_at on limit_hits (at)`,
  sql`create table login_guards (
    account text primary key,
    consecutive_failures bigint not null default 0 check (consecutive_failures >= 0),
    last_failure_at text,
    locked_at text,
    lifetime_failures bigint not null default 0 check (lifetime_failures >= 0)
  )`,
  sql`create table hub_settings (
    key text primary key,
    value text not null
  )`,
  sql`create table stripe_settings (
    id bigint primary key check (id = 1),
    mode text not null check (mode in ('test', 'live')),
    secret_key_sealed text not null,
    webhook_secret_sealed text not null,
    updated_at text not null,
    updated_by text
  )`,
];

/**
 * The advisory lock a hub writer holds from taking its first version until it commits,
 * taken by the change log's trigger (at commit since 0030). Frozen with this migration.
 * Not the lock that keeps check-then-write work one at a time (HUB_CHECK_LOCK).
 */
export const HUB_WRITER_LOCK = 0x7472_756e; // "trun"

/**
 * The change log, the pull cursor: one entry per row ever written to a synced table,
 * moved to a fresh version by every write to that row (as on SQLite).
 *
 * PostgreSQL sequence values commit out of order: a writer can take version 7, another
 * 8 and commit first, and a puller that read `version > 6` and saw 8 moves its cursor
 * past 7, which then commits and is never pulled. So a version is only ever taken under
 * HUB_WRITER_LOCK, which its writer holds until it commits: versions become visible in
 * the order they were given, and a cursor never skips a row. (Taking each version by
 * updating one counter row would hold a lock just as well, but a transaction writing
 * many rows then piles up a version of that row per write: 100,000 rows took minutes.)
 */
const changeLog: readonly RawBuilder<unknown>[] = [
  sql`create table change_log (
    version bigint primary key,
    entity text not null,
    k1 text not null,
    k2 text not null default '',
    unique (entity, k1, k2)
  )`,
  sql`create index change_log_entity_version on change_log (entity, version)`,
  sql`create sequence change_log_versions`,
  // The trigger's arguments name the table's key columns: k1, then k2 or '' for none.
  // A key is read as text from the row's JSON, which gives what SQLite's cast(x as
  // text) gives for the text and integer keys synced tables have. On a change of key
  // the old key's entry moves first, as SQLite's triggers do.
  sql`create function change_log_record() returns trigger language plpgsql as $$
    declare
      first_key constant text := tg_argv[0];
      second_key constant text := tg_argv[1];
      old_row jsonb;
      new_row jsonb;
      moved jsonb[] := '{}';
      key_row jsonb;
      next_version bigint;
    begin
      perform pg_advisory_xact_lock(${sql.lit(HUB_WRITER_LOCK)});
      if tg_op <> 'INSERT' then old_row := to_jsonb(old); end if;
      if tg_op <> 'DELETE' then new_row := to_jsonb(new); end if;
      if tg_op = 'DELETE' or (tg_op = 'UPDATE' and (
          old_row ->> first_key is distinct from new_row ->> first_key
          or (second_key <> '' and old_row ->> second_key is distinct from new_row ->> second_key)
        )) then
        moved := array_append(moved, old_row);
      end if;
      if tg_op <> 'DELETE' then moved := array_append(moved, new_row); end if;
      foreach key_row in array moved loop
        next_version := nextval('change_log_versions');
        insert into change_log (version, entity, k1, k2)
          values (
            next_version,
            tg_table_name,
            key_row ->> first_key,
            case when second_key = '' then '' else key_row ->> second_key end
          )
          on conflict (entity, k1, k2) do update set version = excluded.version;
      end loop;
      return null;
    end
  $$`,
];

/**
 * The synced tables and their key columns (k1, then k2 or ''), exactly those SQLite's
 * hub has change_log triggers on. (0030 recreates the same triggers.)
 */
export const CHANGE_LOG_KEYS: readonly (readonly [table: string, k1: string, k2: string])[] = [
  ['brand_settings', 'id', ''],
  ['tax_rates', 'country_code', ''],
  ['shipping_rate_groups', 'id', ''],
  ['staff_users', 'id', ''],
  ['media', 'id', ''],
  ['media_uploads', 'id', ''],
  ['size_scales', 'id', ''],
  ['products', 'id', ''],
  ['colorways', 'id', ''],
  ['skus', 'id', ''],
  ['pricelists', 'id', ''],
  ['prices', 'pricelist_id', 'sku_id'],
  ['warehouses', 'id', ''],
  ['markets', 'id', ''],
  ['market_countries', 'country_code', ''],
  ['stock', 'sku_id', 'warehouse_id'],
  ['catalogs', 'id', ''],
  ['catalog_products', 'catalog_id', 'product_id'],
  ['lookbooks', 'id', ''],
  ['lookbook_pages', 'lookbook_id', 'position'],
  ['buyers', 'id', ''],
  ['buyer_addresses', 'id', ''],
  ['trading_terms_proposals', 'id', ''],
  ['selections', 'id', ''],
  ['selection_lines', 'selection_id', 'sku_id'],
  ['share_links', 'id', ''],
  ['orders', 'id', ''],
  ['order_lines', 'order_id', 'sku_id'],
  ['order_events', 'id', ''],
  ['customer_order_links', 'id', ''],
  ['dtc_customers', 'id', ''],
  ['dtc_selections', 'id', ''],
  ['dtc_selection_lines', 'selection_id', 'sku_id'],
  ['dtc_links', 'id', ''],
];
