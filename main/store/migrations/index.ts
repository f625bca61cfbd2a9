import type { Migration } from 'kysely/migration';
import * as foundation from './0001-foundation.ts';

/**
 * Every migration in the order it runs. Names sort in that order and never change
 * once released; a store records which of them it has applied.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-foundation': foundation,
};
