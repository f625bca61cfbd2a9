import { sql, type Kysely } from 'kysely';

/**
 * Trading terms a rep proposes for a buyer, for an admin to approve or decline. The
 * proposed pricelist is kept without a foreign key: a pricelist withdrawn since leaves
 * the proposal in the record (approving it is then refused). The decision, who made it
 * and when, and a declined proposal's reason stay on the row for the rep to read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trading_terms_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('buyer_id', 'text', (c) => c.notNull().references('buyers.id'))
    .addColumn('proposed_by', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('pricelist_id', 'text', (c) => c.notNull())
    .addColumn('discount_bp', 'integer', (c) =>
      c.notNull().check(sql`discount_bp between 0 and 10000`),
    )
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('en', 'ja')`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'approved', 'declined')`),
    )
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decline_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('trading_terms_proposals_buyer')
    .on('trading_terms_proposals')
    .columns(['buyer_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('trading_terms_proposals_status')
    .on('trading_terms_proposals')
    .columns(['status', 'created_at'])
    .execute();
}
