import type { Kysely } from 'kysely';
import { up as createDtcTables } from './0028-dtc.ts';

/**
 * A replica's DTC tables, and the tokens of the checkout links this desktop made: the
 * rep copies a link made offline before the hub has it. Other devices ask the hub.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createDtcTables(db);
  await db.schema
    .createTable('dtc_link_tokens')
    .addColumn('link_id', 'text', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull())
    .execute();
}
