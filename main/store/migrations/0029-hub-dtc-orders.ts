import { sql, type Kysely } from 'kysely';
import { rebuildOrdersForDtc } from './0029-dtc-orders.ts';

/**
 * The hub's side of DTC orders: the orders table rebuilt as on every store (keeping the
 * hub's card payment reference), and the claims, which never leave the hub. A claim is
 * one customer's own copy of a checkout link's selection, made when they open the link
 * before its first purchase (dtc-shareable-order-link.txt: "a copy of the order is
 * created for the user that clicked the link"): the lines with their quantities and
 * special prices and the link's options as they were then, found by the SHA-256 of the
 * claim token the customer holds, and the order once they bought it (one order a claim).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuildOrdersForDtc(db, ['payment_reference']);
  await sql`create table dtc_claims (
    id text primary key,
    link_id text not null references dtc_links (id),
    token_hash text not null unique,
    selection_id text not null references dtc_selections (id),
    market_id text not null references markets (id),
    pricelist_id text not null references pricelists (id),
    lines text not null check (json_valid(lines) and json_type(lines) = 'array'),
    lock_quantities integer not null check (lock_quantities in (0, 1)),
    ignore_shipping integer not null check (ignore_shipping in (0, 1)),
    ignore_tax integer not null check (ignore_tax in (0, 1)),
    claimed_at text not null,
    order_id text unique references orders (id)
  )`.execute(db);
  await sql`create index dtc_claims_link on dtc_claims (link_id, claimed_at)`.execute(db);
}
