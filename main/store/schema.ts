import type { Generated } from 'kysely';
import type { LookbookStatus } from '../domain/lookbooks.ts';
import type { MediaKind } from '../domain/media.ts';
import type { OrderSource, OrderState, PaymentMethod } from '../domain/order-states.ts';

/** Table shapes as Kysely sees them; one interface per table of the migrations. */
export interface StoreSchema {
  brand_settings: {
    id: number;
    name: string;
    default_pricelist_id: string | null;
    default_language: string;
    updated_at: string;
    share_links_enabled: Generated<number>;
    share_link_expiry_days: Generated<number>;
    prepayment_checkout: Generated<number>;
    /** The origin buyers reach the hub at; null: the hub's own address. */
    public_url: Generated<string | null>;
    /** What a booth order or a link without groups of its own charges for shipping. */
    default_shipping_rate_group_id: Generated<string | null>;
    /** The Stripe Credit Card Payment add-on is on (0026): 1 or 0. Its keys are the hub's. */
    stripe_card_enabled: Generated<number>;
    /** The brand's storefront address for DTC checkout links, with %basket% and %hash% (0028); null: the hub's own page. */
    dtc_link_template: Generated<string | null>;
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
  /** What the brand uploaded (migration 0022): an image's bytes are its media row, a video's on the hub. */
  media_uploads: {
    id: string;
    kind: MediaKind;
    name: string;
    content_type: string;
    byte_size: number;
    sha256: string;
    uploaded_by: string;
    uploaded_at: string;
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
  /** `warehouse_id`: the warehouse the market ships from; null when none is set. */
  markets: {
    id: string;
    name: string;
    pricelist_id: string;
    warehouse_id: string | null;
    /** Whether the market's retail prices include tax (0028): 1 or 0. */
    prices_include_tax: Generated<number>;
  };
  /** The brand's tax rate per country (0028), in basis points. */
  tax_rates: { country_code: string; rate_bp: number; updated_at: string };
  market_countries: { country_code: string; market_id: string };
  warehouses: { id: string; name: string };
  /** `held`: units placed orders hold (migration 0018); available = quantity − held. */
  stock: { warehouse_id: string; sku_id: string; quantity: number; held: Generated<number> };
  /** `rates`: JSON array of main/domain/shipping-rates.ts's ShippingRate. */
  shipping_rate_groups: {
    id: string;
    name: string;
    rates: string;
    created_at: string;
    updated_at: string;
  };
  catalogs: {
    id: string;
    name: string;
    status: 'Open' | 'Limited' | 'Closed';
    publication_at: string | null;
    order_deadline_at: string | null;
    season: Generated<string>;
    address_field: Generated<'show' | 'hide'>;
    /** JSON array of PaymentMethod. */
    payment_methods: Generated<string>;
    /** JSON array of shipping rate group ids. */
    shipping_rate_group_ids: Generated<string>;
  };
  catalog_products: { catalog_id: string; product_id: string; position: number };
  /** Customer order links (0021): lists and media as JSON, see main/domain/customer-order-links.ts. */
  customer_order_links: {
    id: string;
    /** SHA-256 of the token, base64url; the hub's alone (desktops pull it as null). */
    token_hash: string | null;
    name: string;
    description: Generated<string>;
    view_only: Generated<number>;
    offline_buyer_transition: Generated<number>;
    address_field: Generated<'show' | 'hide'>;
    release_at: string | null;
    expires_at: string | null;
    passcode_enabled: Generated<number>;
    catalog_ids: Generated<string>;
    payment_methods: Generated<string>;
    shipping_rate_group_ids: Generated<string>;
    /** JSON of LinkVideo, or null. */
    video: string | null;
    /** JSON of LinkBackground. */
    background: Generated<string>;
    lookbook_ids: Generated<string>;
    contacts: Generated<string>;
    created_by: string;
    created_at: string;
    updated_at: string;
    disabled_at: string | null;
    disabled_by: string | null;
    open_count: Generated<number>;
    last_opened_at: string | null;
  };
  lookbooks: { id: string; name: string; status: LookbookStatus };
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
    /** Where mail about the buyer's orders goes; '' when none was given. */
    contact_email: Generated<string>;
  };
  buyer_addresses: {
    id: string;
    buyer_id: string;
    kind: 'ship_to' | 'bill_to';
    name: string;
    line1: string;
    line2: Generated<string>;
    postal_code: Generated<string>;
    city: string;
    region: Generated<string>;
    country: string;
    phone: Generated<string>;
    position: number;
    updated_at: string;
  };
  trading_terms_proposals: {
    id: string;
    buyer_id: string;
    proposed_by: string;
    pricelist_id: string;
    discount_bp: number;
    language: 'en' | 'ja';
    note: Generated<string>;
    status: Generated<'pending' | 'approved' | 'declined'>;
    decided_by: string | null;
    decided_at: string | null;
    decline_reason: Generated<string>;
    created_at: string;
  };
  selections: {
    id: string;
    buyer_id: string;
    owner_id: string;
    name: string;
    notes: Generated<string>;
    created_at: string;
    updated_at: string;
  };
  selection_lines: { selection_id: string; sku_id: string; quantity: number; added_at: string };
  share_links: {
    id: string;
    selection_id: string;
    token_hash: string | null;
    created_by: string;
    created_at: string;
    expires_at: string;
    revoked_at: string | null;
    revoked_by: string | null;
    open_count: Generated<number>;
    last_opened_at: string | null;
  };
  orders: {
    id: string;
    source: OrderSource;
    selection_id: string;
    share_link_id: string | null;
    /** Null for a DTC order (0029): a consumer, not a wholesale buyer. */
    buyer_id: string | null;
    status: OrderState;
    contact_name: string;
    contact_email: string;
    contact_phone: Generated<string>;
    note: Generated<string>;
    currency: string;
    units: number;
    subtotal_minor: number;
    discount_minor: number;
    total_minor: number;
    created_at: string;
    completed_at: string | null;
    completed_by: string | null;
    /** The hub's readable number (SO-2027-00042); null until the hub has the order. */
    number: string | null;
    /** JSON of an address's fields (main/domain/addresses.ts), as it was when ordered. */
    ship_to: string | null;
    bill_to: string | null;
    ship_start: string | null;
    cancel_date: string | null;
    po_number: Generated<string>;
    payment_method: PaymentMethod | null;
    shipping_rate_name: Generated<string>;
    shipping_minor: Generated<number>;
    /** The buyer's name as who approved the order at the booth; '' online. */
    approved_by: Generated<string>;
    /** Who placed it: an OrderPrincipal's kind and id (main/hub/orders/principal.ts). */
    placed_by_kind: Generated<string>;
    placed_by: string | null;
    /** Units asked and not in stock when the hub placed it: "short N units". */
    units_short: Generated<number>;
    /** The customer order link it was placed through (0025); null for other sources. */
    customer_order_link_id: Generated<string | null>;
    /** Whether a card payment is under way or done (0025); 'none' for every other way to pay. */
    payment_status: Generated<'none' | 'pending' | 'paid' | 'failed'>;
    paid_at: Generated<string | null>;
    /** The DTC customer and checkout link of a DTC order (0029); null for other sources. */
    dtc_customer_id: Generated<string | null>;
    dtc_link_id: Generated<string | null>;
    /** The tax the order carries (0029); 0 without tax. */
    tax_minor: Generated<number>;
    /** 1: the tax is inside the prices (the market's); 0: added to the total. */
    tax_included: Generated<number>;
  };
  order_lines: {
    order_id: string;
    sku_id: string;
    quantity: number;
    unit_price_minor: number;
    /** The tax rate the line was sold at, in basis points (0029); 0 without tax. */
    tax_rate_bp: Generated<number>;
  };
  /** Each order's states, from its first; `from_state` null for the first (synced since 0015). */
  order_events: {
    id: string;
    order_id: string;
    at: string;
    actor_kind: string;
    actor_id: string | null;
    from_state: OrderState | null;
    to_state: OrderState;
    reason: Generated<string>;
  };
  buyer_users: { id: string; email: string; name: string; password_hash: string | null };
  buyer_memberships: { buyer_user_id: string; buyer_id: string };
  dtc_customers: {
    id: string;
    email: string;
    first_name: string;
    last_name: string;
    market_id: string;
    /** The rest of a customer card (0028); '' when not given. */
    phone: Generated<string>;
    country_code: Generated<string>;
    /** JSON array of main/domain/addresses.ts's AddressFields. */
    addresses: Generated<string>;
    created_by: string | null;
    created_at: Generated<string>;
    updated_at: Generated<string>;
  };
  /** A DTC customer's basket in one market and pricelist (0028); see main/domain/dtc.ts. */
  dtc_selections: {
    id: string;
    customer_id: string;
    owner_id: string;
    market_id: string;
    pricelist_id: string;
    name: string;
    created_at: string;
    updated_at: string;
    /** Set when the first purchase through one of its links deleted it (the spec). */
    deleted_at: string | null;
    deleted_by_order_id: string | null;
  };
  dtc_selection_lines: {
    selection_id: string;
    sku_id: string;
    quantity: number;
    special_price_minor: number | null;
    added_at: string;
  };
  /** One-time checkout links (0028), made from a saved DTC selection. */
  dtc_links: {
    id: string;
    selection_id: string;
    /** SHA-256 of the token, base64url; the hub's alone (desktops pull it as null). */
    token_hash: string | null;
    lock_quantities: number;
    ignore_shipping: number;
    ignore_tax: number;
    created_by: string;
    created_at: string;
    claim_count: Generated<number>;
    purchased_at: string | null;
    purchase_order_id: string | null;
    killed_at: string | null;
    killed_by: string | null;
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

/** Tables only the hub has (migration 0002-hub-sync). */
export type HubTables = {
  /** Visits of customer order links (0024): what each browser has passed, see the migration. */
  customer_link_sessions: {
    token_hash: string;
    link_id: string;
    passcode_passed_at: string | null;
    method: 'userAccount' | 'offlineBuyer' | 'brandCredentials' | null;
    buyer_user_id: string | null;
    buyer_id: string | null;
    on_behalf_of: string | null;
    created_at: string;
    expires_at: string;
    /** The device the staff member opened the link from (0027). */
    on_behalf_device: string | null;
  };
  /** Sign-in tickets to open a customer order link as a buyer (0027), by the SHA-256 of each. */
  customer_link_sign_in_tickets: {
    ticket_hash: string;
    link_id: string;
    buyer_id: string;
    staff_user_id: string;
    device_id: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
  /**
   * A customer's own copy of a DTC checkout link's selection (0029), found by the SHA-256
   * of its claim token; `lines` is JSON of DtcSelectionLine (main/domain/dtc.ts).
   */
  dtc_claims: {
    id: string;
    link_id: string;
    token_hash: string;
    selection_id: string;
    market_id: string;
    pricelist_id: string;
    lines: string;
    lock_quantities: number;
    ignore_shipping: number;
    ignore_tax: number;
    claimed_at: string;
    order_id: string | null;
  };
  /** A DTC checkout link's token sealed under the hub's key (0028), so any staff device can copy it. */
  dtc_link_secrets: { link_id: string; token_sealed: string | null };
  /** What of a customer order link never leaves the hub (0021): its sealed token, its passcode's hash. */
  customer_order_link_secrets: {
    link_id: string;
    /** Null on a hub without a key file (tests): only the device that made it can copy the link. */
    token_sealed: string | null;
    passcode_hash: string | null;
  };
  /** What an order holds of a warehouse's stock (migration 0013). */
  order_allocations: {
    order_id: string;
    sku_id: string;
    warehouse_id: string;
    allocated: number;
    short: number;
  };
  /** The last order-number sequence given, per prefix. */
  order_counters: { prefix: string; last_sequence: number };
  change_log: { version: Generated<number>; entity: string; k1: string; k2: Generated<string> };
  devices: {
    id: string;
    user_id: string;
    name: string;
    token_hash: string;
    created_at: string;
    last_seen_at: string | null;
    revoked_at: string | null;
    revoked_by: string | null;
    last_applied_seq: Generated<number>;
  };
  sync_refusals: {
    device_id: string;
    seq: number;
    mutation: string;
    subject: string | null;
    summary: string;
    code: string;
    reason: string;
    args: string;
    at: string;
  };
  /** Superseded by limit_hits (0009); kept until a later migration drops it. */
  auth_failures: { key: string; at: string };
  limit_hits: { key: string; at: string; attempt: string | null };
  login_guards: {
    account: string;
    consecutive_failures: Generated<number>;
    /** Failures ever, never reset by a right attempt (0023). */
    lifetime_failures: Generated<number>;
    last_failure_at: string | null;
    locked_at: string | null;
  };
  /** Credentials the brand sets for buyers (0023): see main/hub/buyer-credentials.ts. */
  buyer_credentials: {
    buyer_id: string;
    kind: 'offline_email' | 'brand_code';
    /** The email lower-cased or the code upper-cased. */
    identifier: string;
    /** Argon2id, never the secret. */
    secret_hash: string;
    set_by: string;
    set_at: string;
  };
  share_link_open_periods: {
    link_id: string;
    period_start: string;
    opens: number;
    first_at: string;
    last_at: string;
  };
  hub_settings: { key: string; value: string };
  /** Invitations of people to buyers (0020): see main/hub/buyer-people.ts. */
  buyer_invitations: {
    id: string;
    buyer_id: string;
    email: string;
    name: string;
    token_hash: string;
    invited_by: string;
    created_at: string;
    expires_at: string;
    accepted_at: string | null;
    revoked_at: string | null;
  };
  buyer_sessions: {
    token_hash: string;
    buyer_user_id: string;
    created_at: string;
    expires_at: string;
  }; /** The mail outbox (0012): see main/hub/mail/outbox.ts. */
  mail_outbox: {
    id: string;
    dedupe_key: string;
    entity: string | null;
    /** JSON arrays of addresses. */
    to_addresses: string;
    cc_addresses: Generated<string>;
    subject: string;
    text_body: string;
    html_body: string | null;
    status: 'queued' | 'sending' | 'sent' | 'failed';
    attempts: Generated<number>;
    next_attempt_at: string;
    claimed_at: string | null;
    claim: string | null;
    last_error_code: string | null;
    last_error_message: string | null;
    created_at: string;
    sent_at: string | null;
    /** JSON array of attachments to render at send time (`order_confirmation:<id>`), 0014. */
    renderings: Generated<string>;
  };
  mail_attachments: {
    mail_id: string;
    position: number;
    filename: string;
    content_type: string;
    size: number;
    /** Null once the mail is sent. */
    content: Uint8Array | null;
  };
  smtp_settings: {
    id: number;
    host: string;
    port: number;
    security: 'tls' | 'starttls' | 'none';
    username: string | null;
    /** AES-256-GCM, see main/hub/mail/secret-box.ts; never the password itself. */
    password_sealed: string | null;
    from_address: string;
    last_problem_code: string | null;
    last_problem_message: string | null;
    last_problem_at: string | null;
    updated_at: string;
    updated_by: string | null;
  };
  /** A video's bytes in order, a chunk a row (migration 0022); only the hub keeps them. */
  media_video_chunks: { media_id: string; n: number; bytes: Uint8Array };
  /** The brand's Stripe keys (0026), sealed (main/hub/mail/secret-box.ts); one row. */
  stripe_settings: {
    id: number;
    mode: 'test' | 'live';
    secret_key_sealed: string;
    webhook_secret_sealed: string;
    updated_at: string;
    updated_by: string | null;
  };
  /** The hub's own columns of the brand's orders (0026), beside StoreSchema's. */
  orders: {
    /** The Stripe Checkout Session of its card payment; null when none was started. */
    payment_reference: Generated<string | null>;
  };
};

/** Tables only a desktop replica has (migration 0002-replica-sync). */
export type ReplicaTables = {
  /** The tokens of the customer order links this desktop made (0021), to copy them offline. */
  customer_order_link_tokens: { link_id: string; token: string };
  /** The tokens of the DTC checkout links this desktop made (0028), to copy them offline. */
  dtc_link_tokens: { link_id: string; token: string };
  sync_state: {
    id: number;
    hub_kind: 'embedded' | 'remote';
    hub_url: string | null;
    device_id: string | null;
    user_id: string | null;
    user_email: string | null;
    user_name: string | null;
    user_role: 'admin' | 'rep' | null;
    brand: string | null;
    cursor: Generated<number>;
    next_seq: Generated<number>;
    last_sync_at: string | null;
    signed_out_reason: string | null;
  };
  outbox: {
    seq: number;
    mutation: string;
    args: string;
    subject: string | null;
    summary: string;
    created_at: string;
  };
  outbox_undo: {
    seq: number;
    step: number;
    entity: string;
    k1: string;
    k2: string;
    before: string | null;
  };
  sync_refusals: {
    id: Generated<number>;
    device_id: string;
    seq: number;
    mutation: string;
    subject: string | null;
    summary: string;
    code: string;
    reason: string;
    args: string;
    at: string;
    dismissed_at: string | null;
  };
};

export type HubSchema = StoreSchema & HubTables;
export type ReplicaSchema = StoreSchema & ReplicaTables;
