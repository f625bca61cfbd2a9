import { sql, type Kysely } from 'kysely';

/**
 * Limits that hold under attack (hub only):
 *
 * - `limit_hits`: one row per event a limit counts (a reserved password attempt, an
 *   unknown token, an order through a link), by key and instant. A password attempt
 *   is reserved, a row per key, before its hash is computed and released if it
 *   succeeds, so concurrent guesses cannot slip past a check together. Supersedes
 *   `auth_failures`, which stays until a later migration drops it, so an older hub
 *   instance still running beside this one keeps working.
 * - `login_guards`: consecutive failures per account (by kind and email) and when the
 *   account locked at the lifetime cap; only an admin unlocks it.
 * - `share_link_open_periods`: how often each share link was opened, per hour, for API
 *   Logs; opens are counted here instead of an audit row each.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('limit_hits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('attempt', 'text')
    .execute();
  await db.schema
    .createIndex('limit_hits_key_at')
    .on('limit_hits')
    .columns(['key', 'at'])
    .execute();
  await db.schema
    .createIndex('limit_hits_attempt')
    .on('limit_hits')
    .column('attempt')
    .where(sql.ref('attempt'), 'is not', null)
    .execute();
  await db.schema.createIndex('limit_hits_at').on('limit_hits').column('at').execute();

  await db.schema
    .createTable('login_guards')
    .addColumn('account', 'text', (c) => c.primaryKey())
    .addColumn('consecutive_failures', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`consecutive_failures >= 0`),
    )
    .addColumn('last_failure_at', 'text')
    .addColumn('locked_at', 'text')
    .execute();

  await db.schema
    .createTable('share_link_open_periods')
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('opens', 'integer', (c) => c.notNull().check(sql`opens > 0`))
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('share_link_open_periods_pk', ['link_id', 'period_start'])
    .execute();
  await db.schema
    .createIndex('share_link_open_periods_last')
    .on('share_link_open_periods')
    .column('last_at')
    .execute();
}
