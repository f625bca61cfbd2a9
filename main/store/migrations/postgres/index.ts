import type { Migration } from 'kysely/migration';
import * as baseline from './0029-baseline.ts';
import * as changeLogAtCommit from './0030-change-log-at-commit.ts';

/**
 * The PostgreSQL hub's migrations, in the order they run. Names share the SQLite
 * numbering, so a migration written later for both engines has one number on both:
 * the baseline stands for SQLite's 0001–0029, 0030 is PostgreSQL's own (SQLite's
 * triggers already run in its one writer's transaction), and the next one written for
 * both engines is 0031 on each.
 */
export const postgresHubMigrations: Readonly<Record<string, Migration>> = {
  '0029-baseline': baseline,
  '0030-change-log-at-commit': changeLogAtCommit,
};
