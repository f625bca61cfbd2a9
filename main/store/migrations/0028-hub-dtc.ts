import type { Kysely } from 'kysely';
import { up as createDtcTables } from './0028-dtc.ts';
import { createChangeLogTriggers } from './change-log-triggers.ts';

/**
 * The hub's DTC tables: the shared ones, synced from here on (DTC customers included,
 * which until now stayed on the hub), and beside them what never leaves the hub: each
 * checkout link's token sealed under the hub's key, so any staff device can copy it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createDtcTables(db);
  await createChangeLogTriggers(db, 'dtc_customers', 'id', null);
  await createChangeLogTriggers(db, 'dtc_selections', 'id', null);
  await createChangeLogTriggers(db, 'dtc_selection_lines', 'selection_id', 'sku_id');
  await createChangeLogTriggers(db, 'dtc_links', 'id', null);
  await createChangeLogTriggers(db, 'tax_rates', 'country_code', null);
  await db.schema
    .createTable('dtc_link_secrets')
    .addColumn('link_id', 'text', (c) =>
      c.primaryKey().references('dtc_links.id').onDelete('cascade'),
    )
    .addColumn('token_sealed', 'text')
    .execute();
}
