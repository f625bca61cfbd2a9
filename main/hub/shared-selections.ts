import { sql } from 'kysely';
import { hubDb, type StoreDb } from '../store/database.ts';

/**
 * What a share link opens is a priced selection that rarely changes, opened in bursts
 * (a link mailed to a whole list, a QR code scanned round a booth). It is built and
 * serialized once, and again only when the brand's data moved: the hub's change log
 * version, read in one cheap query, is the same for every hub instance sharing the store,
 * so no instance serves a selection another has changed. Share links' own rows (their
 * open counts) are left out of that version: counting opens must not undo the caching.
 */
export interface SharedSelectionCache {
  /** The selection's JSON as last built at the current version, or built now; null if none. */
  json(selectionId: string, build: () => Promise<object | null>): Promise<string | null>;
}

export function sharedSelectionCache(db: StoreDb, max = 200): SharedSelectionCache {
  const entries = new Map<string, { version: number; json: string | null }>();

  async function dataVersion(): Promise<number> {
    const newest = await hubDb(db)
      .selectFrom('change_log')
      .select('version')
      .where('entity', '<>', 'share_links')
      .orderBy(sql`version`, 'desc')
      .limit(1)
      .executeTakeFirst();
    return newest?.version ?? 0;
  }

  return {
    async json(selectionId, build) {
      const version = await dataVersion();
      const cached = entries.get(selectionId);
      if (cached && cached.version === version) {
        // Kept in order of use: the least recently opened goes first when full.
        entries.delete(selectionId);
        entries.set(selectionId, cached);
        return cached.json;
      }
      const built = await build();
      const json = built === null ? null : JSON.stringify(built);
      entries.delete(selectionId);
      entries.set(selectionId, { version, json });
      if (entries.size > max) entries.delete(entries.keys().next().value!);
      return json;
    },
  };
}
