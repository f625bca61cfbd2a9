import { sql, type Kysely } from 'kysely';
import { LINK_LOG_IN_METHODS } from '../../domain/customer-order-links.ts';

/**
 * Visits of customer order links (hub only): one per browser and link, kept as the
 * SHA-256 of a random cookie value. It records what the visitor has passed: the link's
 * passcode, then the log-in (how, as which buyer person, for which buyer) and, when the
 * brand operates the cart for a buyer, which staff member does. It ends with its expiry
 * or the link; a buyer removed ends it too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const methods = sql.join(LINK_LOG_IN_METHODS.map((method) => sql.lit(method)));
  await sql`create table customer_link_sessions (
    token_hash text primary key,
    link_id text not null references customer_order_links (id) on delete cascade,
    passcode_passed_at text,
    method text check (method in (${methods})),
    buyer_user_id text references buyer_users (id) on delete cascade,
    buyer_id text references buyers (id) on delete cascade,
    on_behalf_of text references staff_users (id) on delete cascade,
    created_at text not null,
    expires_at text not null
  )`.execute(db);
  await sql`create index customer_link_sessions_expiry on customer_link_sessions (expires_at)`.execute(
    db,
  );
}
