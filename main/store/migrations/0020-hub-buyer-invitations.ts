import type { Kysely } from 'kysely';

/**
 * Invitations of people to buyers (hub only: desktops ask the hub for them). A row per
 * invitation sent; the link's token is kept only as its SHA-256, in a unique column.
 * Its expiry is fixed when it is sent (main/domain/buyer-invitations.ts); accepting it
 * or revoking it ends it for good.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('buyer_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('buyer_id', 'text', (c) => c.notNull().references('buyers.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('buyer_invitations_buyer')
    .on('buyer_invitations')
    .columns(['buyer_id', 'email'])
    .execute();
}
