import type { Kysely } from 'kysely';

/**
 * Buyers who log in to the hub's pages: a session per login, kept as the SHA-256 of a
 * random cookie value, with its expiry. Only the hub has it; desktops never see it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('buyer_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('buyer_user_id', 'text', (c) =>
      c.notNull().references('buyer_users.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}
