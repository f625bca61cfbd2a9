import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { datesPassed, type CatalogDates } from '../domain/catalog-dates.ts';

/**
 * What a share link opens is a priced selection that rarely changes, opened in bursts
 * (a link mailed to a whole list, a QR code scanned round a booth). Its answer is built,
 * serialized and compressed once, and again only when the brand's data moved: the hub's
 * change log version, read in one cheap query, is the same for every hub instance
 * sharing the store, so no instance serves a selection another has changed. Share links'
 * own rows (their open counts) are left out of that version: counting opens must not
 * undo the caching. The brand's settings ride on the same version.
 *
 * Compressed because a phone on a busy booth network waits for every byte of it (50 KB
 * of JSON for 50 sizes is 5 KB in brotli); safe to compress because it echoes nothing a
 * visitor sent and holds no secret.
 */
export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * The data version now, as a subquery: the newest change log entry outside share links'
 * own rows. Read beside the link a token names, in the same query, on every open.
 */
export function dataVersion() {
  return sql<
    number | null
  >`(select version from change_log where entity <> 'share_links' order by version desc limit 1)`;
}

/**
 * What a link's prepared answer is kept under: the data version, and how many of the
 * brand's catalog dates (publications, deadlines) have passed. A catalog's date passing
 * changes what buyers see without any write, so it must move the key as a write does.
 */
export function answerKey(version: number, catalogs: readonly CatalogDates[], now: Date): string {
  return `${version}:${datesPassed(catalogs, now)}`;
}

export interface SharedSelectionCache {
  /** The brand's settings at this version, read once per version. */
  brand<Settings>(version: number, read: () => Promise<Settings>): Promise<Settings>;
  /**
   * A link's answer, built (as JSON text) at most once per key and encoded at most once
   * per encoding; null when what it opens is gone. The key is the data version and how
   * many catalog dates have passed (answerKey): what buyers may see changes with time too.
   */
  answer(
    linkId: string,
    key: string,
    encoding: Encoding,
    build: () => Promise<string | null>,
  ): Promise<Buffer | null>;
}

interface Entry {
  key: string;
  encoded: Map<Encoding, Buffer> | null;
}

export function sharedSelectionCache(max = 200): SharedSelectionCache {
  const entries = new Map<string, Entry>();
  let brand: { version: number; settings: Promise<unknown> } | null = null;

  async function entryOf(linkId: string, key: string, build: () => Promise<string | null>) {
    const cached = entries.get(linkId);
    entries.delete(linkId);
    // Kept in order of use: the least recently opened goes first when full.
    if (cached && cached.key === key) {
      entries.set(linkId, cached);
      return cached;
    }
    const built = await build();
    const entry: Entry = {
      key,
      encoded: built === null ? null : new Map([['identity', Buffer.from(built)]]),
    };
    entries.set(linkId, entry);
    if (entries.size > max) entries.delete(entries.keys().next().value!);
    return entry;
  }

  return {
    brand<Settings>(version: number, read: () => Promise<Settings>) {
      if (brand?.version !== version) {
        const settings = read();
        // A failed read is not kept: the next open reads again.
        settings.catch(() => {
          if (brand?.settings === settings) brand = null;
        });
        brand = { version, settings };
      }
      return brand.settings as Promise<Settings>;
    },

    async answer(linkId, key, encoding, build) {
      const { encoded } = await entryOf(linkId, key, build);
      if (!encoded) return null;
      let body = encoded.get(encoding);
      if (!body) {
        const plain = encoded.get('identity')!;
        body =
          encoding === 'br'
            ? brotliCompressSync(plain, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: 6,
                  [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
                },
              })
            : gzipSync(plain);
        encoded.set(encoding, body);
      }
      return body;
    },
  };
}

/** The encoding to answer in, from a request's Accept-Encoding: brotli, then gzip. */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding {
  const offered = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, quality]) => quality?.trim() !== 'q=0')
      .map(([name]) => name?.trim().toLowerCase()),
  );
  return offered.has('br') ? 'br' : offered.has('gzip') ? 'gzip' : 'identity';
}
