import { v7 as uuidv7 } from 'uuid';
import { dtcLinkAddress } from '../../main/domain/dtc.ts';
import { newToken, tokenHash } from '../../main/hub/auth/tokens.ts';
import { hubDb, type StoreDb } from '../../main/store/database.ts';

/**
 * DTC selling written straight into a hub store, as if a rep had made it on a desktop
 * and it had synced: a DTC customer, a selection of theirs in a market (its pricelist,
 * the given lines with special prices) and a checkout link of it, with its token.
 */

export interface DtcLineSpec {
  skuId: string;
  quantity: number;
  specialPriceMinor?: number | null;
}

export interface InsertedDtcLink {
  customerId: string;
  selectionId: string;
  linkId: string;
  /** The link's secret, `%hash%`; `linkId` is `%basket%`. */
  token: string;
  marketId: string;
  /** The market's warehouse, where its stock is counted. */
  warehouseId: string | null;
}

export async function insertDtcLink(
  db: StoreDb,
  options: {
    lines: readonly DtcLineSpec[];
    /** The market's name in the demo brand; Europe (EUR) by default. */
    market?: string;
    lockQuantities?: boolean;
    ignoreShipping?: boolean;
    ignoreTax?: boolean;
    /** The rep whose selection it is, by email; the first rep by default. */
    owner?: string;
  },
): Promise<InsertedDtcLink> {
  const hub = hubDb(db);
  const now = new Date().toISOString();
  const owner = await hub
    .selectFrom('staff_users')
    .select('id')
    .where((eb) =>
      options.owner === undefined ? eb('role', '=', 'rep') : eb('email', '=', options.owner),
    )
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const market = await hub
    .selectFrom('markets')
    .select(['id', 'pricelist_id', 'warehouse_id'])
    .where('name', '=', options.market ?? 'Europe')
    .executeTakeFirstOrThrow();
  const customerId = uuidv7();
  await hub
    .insertInto('dtc_customers')
    .values({
      id: customerId,
      email: `customer-${customerId}@example.com`,
      first_name: 'Ingrid',
      last_name: 'Berg',
      market_id: market.id,
      created_by: owner.id,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const selectionId = uuidv7();
  await hub
    .insertInto('dtc_selections')
    .values({
      id: selectionId,
      customer_id: customerId,
      owner_id: owner.id,
      market_id: market.id,
      pricelist_id: market.pricelist_id,
      name: 'Autumn for Ms Berg',
      created_at: now,
      updated_at: now,
      deleted_at: null,
      deleted_by_order_id: null,
    })
    .execute();
  await hub
    .insertInto('dtc_selection_lines')
    .values(
      options.lines.map((line) => ({
        selection_id: selectionId,
        sku_id: line.skuId,
        quantity: line.quantity,
        special_price_minor: line.specialPriceMinor ?? null,
        added_at: now,
      })),
    )
    .execute();
  const linkId = uuidv7();
  const token = newToken();
  await hub
    .insertInto('dtc_links')
    .values({
      id: linkId,
      selection_id: selectionId,
      token_hash: tokenHash(token),
      lock_quantities: options.lockQuantities ? 1 : 0,
      ignore_shipping: options.ignoreShipping ? 1 : 0,
      ignore_tax: options.ignoreTax ? 1 : 0,
      created_by: owner.id,
      created_at: now,
      purchased_at: null,
      purchase_order_id: null,
      killed_at: null,
      killed_by: null,
    })
    .execute();
  return {
    customerId,
    selectionId,
    linkId,
    token,
    marketId: market.id,
    warehouseId: market.warehouse_id,
  };
}

/** Sets what a warehouse holds of SKUs: on hand `quantity`, nothing held. */
export async function setStock(
  db: StoreDb,
  warehouseId: string,
  skuIds: readonly string[],
  quantity: number,
): Promise<void> {
  for (const skuId of skuIds) {
    await hubDb(db)
      .insertInto('stock')
      .values({ warehouse_id: warehouseId, sku_id: skuId, quantity, held: 0 })
      .onConflict((oc) => oc.columns(['warehouse_id', 'sku_id']).doUpdateSet({ quantity, held: 0 }))
      .execute();
  }
}

export async function setTaxRate(db: StoreDb, country: string, rateBp: number): Promise<void> {
  await hubDb(db)
    .insertInto('tax_rates')
    .values({ country_code: country, rate_bp: rateBp, updated_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('country_code').doUpdateSet({ rate_bp: rateBp }))
    .execute();
}

/** A brand storefront's link template, as the spec's Static "payment_link" shows it. */
export const STOREFRONT_TEMPLATE = 'https://shop.nordlys.example/selection/%basket%/%hash%';

/** The link a customer is sent through the storefront template. */
export function storefrontLink(link: Pick<InsertedDtcLink, 'linkId' | 'token'>): string {
  return dtcLinkAddress(STOREFRONT_TEMPLATE, 'https://hub.example', link.linkId, link.token);
}

/**
 * What a storefront does first (the spec: "Extract hash1 & hash2 values from Centra AMS
 * created link"): the two values after its path, in the template's order.
 */
export function extractBasketAndHash(address: string): { basket: string; hash: string } {
  const [basket, hash] = new URL(address).pathname.split('/').slice(-2);
  return { basket: basket!, hash: hash! };
}

/** A ship-to address in the demo's Europe market. */
export const BERLIN = {
  name: 'Ingrid Berg',
  line1: 'Torstraße 1',
  line2: '',
  postalCode: '10119',
  city: 'Berlin',
  region: '',
  country: 'DE',
  phone: '',
};

/** What one customer's try came to: the claim's answer, then each purchase's (retries). */
export interface CustomerTry {
  claimStatus: number;
  outcome: 'claimed' | 'used' | null;
  orderId: string;
  purchases: PurchaseAnswer[];
  /** Sends the same purchase again (same order id), as a client retrying would; null without a claim. */
  resend: (() => Promise<PurchaseAnswer>) | null;
}

export interface PurchaseAnswer {
  status: number;
  body: { orderId?: string; error?: { code: string } };
}

/**
 * One customer at `address` (sent as X-Forwarded-For: the hub trusts its loopback proxy)
 * opening a link and buying all of it: claims, then sends the purchase `tries` times at
 * once with one order id, as a double tap or a lost answer would.
 */
export async function customerBuys(
  url: string,
  made: Pick<InsertedDtcLink, 'linkId' | 'token'>,
  address: string,
  tries = 1,
): Promise<CustomerTry> {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': address };
  const orderId = uuidv7();
  const claim = await fetch(`${url}/api/dtc/claim`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ basket: made.linkId, hash: made.token }),
  });
  const claimed = (await claim.json()) as {
    outcome?: 'claimed' | 'used';
    claimToken?: string;
    basket?: { lines: { skuId: string; savedQuantity: number }[] };
  };
  const result: CustomerTry = {
    claimStatus: claim.status,
    outcome: claimed.outcome ?? null,
    orderId,
    purchases: [],
    resend: null,
  };
  if (claimed.outcome !== 'claimed') return result;
  const body = JSON.stringify({
    claimToken: claimed.claimToken,
    orderId,
    lines: claimed.basket!.lines.map((line) => ({
      skuId: line.skuId,
      quantity: line.savedQuantity,
    })),
    name: 'Ingrid Berg',
    email: 'ingrid.berg@example.com',
    shipTo: BERLIN,
    paymentMethod: 'outside_app',
  });
  const send = async (): Promise<PurchaseAnswer> => {
    const response = await fetch(`${url}/api/dtc/purchase`, { method: 'POST', headers, body });
    return { status: response.status, body: (await response.json()) as PurchaseAnswer['body'] };
  };
  result.resend = send;
  result.purchases = await Promise.all(Array.from({ length: tries }, send));
  return result;
}
