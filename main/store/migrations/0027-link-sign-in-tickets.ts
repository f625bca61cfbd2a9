import { sql, type Kysely } from 'kysely';

/**
 * Sign-in tickets of customer order links (hub only, main/domain/link-sign-in-tickets.ts):
 * a staff member's device asked to open a link as a buyer. Kept as the SHA-256 of a
 * 256-bit token, with who asked from which device, for which link and buyer, until when,
 * and when it was used (once). A link, buyer, staff member or device removed takes its
 * tickets with it. The visit a ticket starts keeps the device too, so an order placed in
 * it is audited with the device the staff member opened it from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table customer_link_sign_in_tickets (
    ticket_hash text primary key,
    link_id text not null references customer_order_links (id) on delete cascade,
    buyer_id text not null references buyers (id) on delete cascade,
    staff_user_id text not null references staff_users (id) on delete cascade,
    device_id text not null references devices (id) on delete cascade,
    created_at text not null,
    expires_at text not null,
    used_at text
  )`.execute(db);
  await sql`alter table customer_link_sessions
    add column on_behalf_device text references devices (id) on delete set null`.execute(db);
  await sql`create index customer_link_sign_in_tickets_expiry on customer_link_sign_in_tickets (expires_at)`.execute(
    db,
  );
}
