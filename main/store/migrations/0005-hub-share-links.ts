import type { Kysely } from 'kysely';
import { createChangeLogTriggers } from './change-log-triggers.ts';
import { up as createShareLinks } from './0005-share-links.ts';

/** The hub's share links: the same table and settings as a replica's, feeding the change log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createShareLinks(db);
  await createChangeLogTriggers(db, 'share_links', 'id', null);
}
