import type { Kysely } from 'kysely';
import { createChangeLogTriggers } from './change-log-triggers.ts';
import { up as createTermsProposals } from './0008-terms-proposals.ts';

/** The hub's trading terms proposals: the same table as a replica's, feeding the change log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTermsProposals(db);
  await createChangeLogTriggers(db, 'trading_terms_proposals', 'id', null);
}
