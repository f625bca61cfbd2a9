import type { Kysely } from 'kysely';
import { createChangeLogTriggers } from './change-log-triggers.ts';
import { up as createSelections } from './0003-selections.ts';

/** The hub's selections: the same tables as a replica's, feeding the change log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createSelections(db);
  await createChangeLogTriggers(db, 'selections', 'id', null);
  await createChangeLogTriggers(db, 'selection_lines', 'selection_id', 'sku_id');
}
