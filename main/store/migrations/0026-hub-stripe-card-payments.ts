import { sql, type Kysely } from 'kysely';
import { up as stripeCardSwitch } from './0026-stripe-card-switch.ts';

/**
 * The Stripe Credit Card Payment add-on on the hub, beside the switch every store has
 * (0026-stripe-card-switch):
 *
 * - `stripe_settings`: the brand's Stripe keys, one row. The secret key and the webhook
 *   signing secret are sealed (main/hub/mail/secret-box.ts) and never leave the hub; the
 *   mode (test or live) is read off the secret key's prefix so admins see which it is.
 * - `orders.payment_reference`: the Stripe Checkout Session of the order's card payment,
 *   which the webhook's events name. Hub only (desktops see payment_status and paid_at);
 *   adding a column moves no row, so the change log needs no new entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await stripeCardSwitch(db);
  await db.schema
    .createTable('stripe_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('test', 'live')`))
    .addColumn('secret_key_sealed', 'text', (c) => c.notNull())
    .addColumn('webhook_secret_sealed', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.alterTable('orders').addColumn('payment_reference', 'text').execute();
  await sql`create unique index orders_payment_reference on orders (payment_reference)
    where payment_reference is not null`.execute(db);
}
