import { join } from 'node:path';
import {
  HUB_DATABASE_FILE,
  startHub,
  type RunningHub,
  type StartHubOptions,
} from '../../main/hub/start.ts';
import { openStore, type Store, type StoreEngine } from '../../main/store/database.ts';
import { openPostgresStore } from '../../main/store/postgres.ts';
import { createTestDatabase } from './postgres.ts';

/**
 * Which engine the test hubs of this run keep their store in. The hub's integration
 * tests run once on SQLite and once on PostgreSQL (the "postgres" project of
 * vitest.config.ts sets TRUNKSHOW_TEST_HUB_ENGINE), the same tests on both.
 */
export const TEST_HUB_ENGINE: StoreEngine =
  process.env.TRUNKSHOW_TEST_HUB_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

const databases = new Map<string, Promise<string>>();

/**
 * The PostgreSQL database of the test hub on `dataDir` (made the first time it is asked
 * for, the same one after: a hub restarted on its folder finds its data), or null when
 * this run's hubs are on SQLite. The run's global setup drops the databases at its end.
 */
export function testHubPostgres(dataDir: string): Promise<string | null> {
  if (TEST_HUB_ENGINE === 'sqlite') return Promise.resolve(null);
  let url = databases.get(dataDir);
  if (!url) {
    url = createTestDatabase('hub').then((database) => database.url);
    databases.set(dataDir, url);
  }
  return url;
}

/** Opens, beside it, the store of the test hub on `dataDir`, whichever engine it is on. */
export async function openTestHubStore(dataDir: string): Promise<Store> {
  const postgres = await testHubPostgres(dataDir);
  return postgres
    ? openPostgresStore(postgres, { poolSize: 2 })
    : openStore(join(dataDir, HUB_DATABASE_FILE), 'hub');
}

/** Starts a hub in this process with its store on this run's engine (see TEST_HUB_ENGINE). */
export async function startTestHub(
  options: Omit<StartHubOptions, 'postgres'>,
): Promise<RunningHub> {
  return startHub({ ...options, postgres: await testHubPostgres(options.dataDir) });
}
