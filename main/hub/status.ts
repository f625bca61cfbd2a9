import { readFileSync } from 'node:fs';
import type { HubHealth } from '../../preload/contract/buyer-api/index.ts';
import type { StoreDb } from '../store/database.ts';
import { migrationsByKind } from '../store/migrations/index.ts';

let cachedVersion: string | undefined;

/**
 * The hub's release, as the repository's package.json names it. Read from disk, not
 * imported, so a bundled embedder without that file still starts (and should pass its
 * own version to createHubServer).
 */
export function hubVersion(): string {
  if (cachedVersion === undefined) {
    try {
      const file = new URL('../../package.json', import.meta.url);
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
      cachedVersion = typeof parsed.version === 'string' ? parsed.version : 'unknown';
    } catch {
      cachedVersion = 'unknown';
    }
  }
  return cachedVersion;
}

/** The schema this hub runs: the name of the last migration it knows. */
export const SCHEMA_VERSION: string = Object.keys(migrationsByKind.hub).at(-1) ?? 'none';

/**
 * What /api/health reports. Reading the brand also proves the store answers, so a
 * health check that passes means the hub can serve.
 */
export async function readHubStatus(
  db: StoreDb,
  context: { startedAt: Date; now: Date; version: string },
): Promise<HubHealth> {
  const brand = await db.selectFrom('brand_settings').select('name').executeTakeFirst();
  return {
    status: 'ok',
    version: context.version,
    schemaVersion: SCHEMA_VERSION,
    brand: brand?.name ?? null,
    uptimeSeconds: Math.max(
      0,
      Math.floor((context.now.getTime() - context.startedAt.getTime()) / 1000),
    ),
  };
}
