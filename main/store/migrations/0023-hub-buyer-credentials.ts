import { sql, type Kysely } from 'kysely';

/**
 * Buyer credentials for customer order links, and lifetime failure locks (hub only:
 * desktops ask the hub, and the hub alone checks them).
 *
 * - `buyer_credentials`: per buyer at most one of each kind: `offline_email` (an offline
 *   buyer's email and password) and `brand_code` (a buyer's unique code and passcode).
 *   `identifier` is the email lower-cased or the code upper-cased
 *   (main/domain/buyer-credentials.ts), unique within its kind; `secret_hash` is the
 *   Argon2id hash of the password or passcode, never the secret. Who set it and when.
 * - `login_guards.lifetime_failures`: failures ever, which no right attempt resets; a
 *   credential or a link's passcode locks at CREDENTIAL_LIMITS.lifetimeFailures. Existing
 *   guards start from the failures they hold.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('buyer_credentials')
    .addColumn('buyer_id', 'text', (c) => c.notNull().references('buyers.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('offline_email', 'brand_code')`),
    )
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('buyer_credentials_pk', ['buyer_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('buyer_credentials_identifier')
    .on('buyer_credentials')
    .columns(['kind', 'identifier'])
    .unique()
    .execute();

  await db.schema
    .alterTable('login_guards')
    .addColumn('lifetime_failures', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`lifetime_failures >= 0`),
    )
    .execute();
  await sql`update login_guards set lifetime_failures = consecutive_failures`.execute(db);
}
