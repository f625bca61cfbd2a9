import { sql, type Kysely } from 'kysely';

/**
 * Selections: the styles a rep picks for a buyer, a quantity per SKU. A line keeps its
 * SKU's id without a foreign key, so a SKU dropped from the catalog leaves the line in
 * place, shown as no longer sold, instead of vanishing from the buyer's selection.
 * Lines are ordered by when their style was first added, as the rep built the sheet.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('selections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('buyer_id', 'text', (c) => c.notNull().references('buyers.id'))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('selections_buyer')
    .on('selections')
    .columns(['buyer_id', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('selections_owner')
    .on('selections')
    .columns(['owner_id', 'updated_at'])
    .execute();

  await db.schema
    .createTable('selection_lines')
    .addColumn('selection_id', 'text', (c) =>
      c.notNull().references('selections.id').onDelete('cascade'),
    )
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('selection_lines_pk', ['selection_id', 'sku_id'])
    .execute();
}
