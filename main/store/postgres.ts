import { Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { atMostEvery } from '../platform/at-most-every.ts';
import { LocalChangeNotifier, type ChangeNotifier } from './change-notices.ts';
import { migrateWith, type Store } from './database.ts';
import type { StoreSchema } from './schema.ts';
import { postgresHubMigrations } from './migrations/postgres/index.ts';

/**
 * The hub's store on PostgreSQL, for brands that run several hub instances behind a
 * load balancer. The same Kysely schema and queries as on SQLite; what differs lives
 * here (the pool, how values come back, change notices across instances) and in the
 * PostgreSQL migrations.
 */

/** The channel every instance LISTENs on and notifies after its writes. */
export const CHANGES_CHANNEL = 'trunkshow_changes';

/**
 * An instance sends at most one notice per this long, however many writes it makes: a
 * notice is a round trip to the server and one message to every instance, and the
 * listeners (change streams, mail senders) answer notices at most once per 250 ms or
 * more anyway.
 */
const NOTICE_GAP_MS = 50;

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * The hub's code reads integers as JavaScript numbers, as better-sqlite3 gives them.
 * PostgreSQL sends bigint (every integer column here, and count(*)) and numeric (a
 * sum of bigints) as text by default; both hold counts, versions and money in minor
 * units, far inside 2^53.
 */
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) =>
    oid === INT8_OID || oid === NUMERIC_OID
      ? Number
      : (pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown),
};

/** A connection string with its password replaced, fit for logs and messages. */
export function redactPostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

export interface PostgresStoreOptions {
  /** Connections this instance keeps at most (10 by default). */
  poolSize?: number;
}

/**
 * Connects to `url`, brings the hub schema up to date (Kysely's migrator holds an
 * advisory lock, so instances starting together apply each migration once) and listens
 * for the other instances' change notices.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    application_name: 'trunkshow-hub',
  });
  // An idle connection the server drops (a restart, a failover) is replaced on next use;
  // unhandled, its error would end the process.
  pool.on('error', () => undefined);
  const db = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
  let notices: PostgresChangeNotifier;
  try {
    // Reached first, so a server or database that is not there is said as such, not as
    // a migration that failed.
    await sql`select 1`.execute(db);
    await migrateWith(
      new Migrator({
        db,
        provider: { getMigrations: () => Promise.resolve({ ...postgresHubMigrations }) },
      }),
    );
    notices = await PostgresChangeNotifier.start(url, pool);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    kind: 'hub',
    location: redactPostgresUrl(url),
    notices,
    close: async () => {
      await notices.stop();
      await db.destroy();
    },
  };
}

/**
 * Notices across instances: each instance LISTENs on one connection of its own and
 * tells its local listeners whatever arrives, its own notices included. While the listening connection is down (the server
 * restarting), it reconnects with backoff and then tells everyone once, since notices
 * sent meanwhile were lost and a pull costs little.
 */
class PostgresChangeNotifier implements ChangeNotifier {
  readonly #local = new LocalChangeNotifier();
  readonly #url: string;
  readonly #pool: pg.Pool;
  readonly #send = atMostEvery(NOTICE_GAP_MS, () => {
    this.#pool.query(`select pg_notify('${CHANGES_CHANNEL}', '')`).catch(() => {
      // The other instances' desktops learn at their next pull instead; nothing is lost.
    });
  });
  #client: pg.Client | null = null;
  #stopped = false;
  #retry: NodeJS.Timeout | null = null;

  private constructor(url: string, pool: pg.Pool) {
    this.#url = url;
    this.#pool = pool;
  }

  static async start(url: string, pool: pg.Pool): Promise<PostgresChangeNotifier> {
    const notifier = new PostgresChangeNotifier(url, pool);
    await notifier.#connect();
    return notifier;
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.#url,
      application_name: 'trunkshow-hub-notices',
    });
    client.on('notification', () => this.#local.notify());
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    await client.connect();
    await client.query(`listen ${CHANGES_CHANNEL}`);
    this.#client = client;
  }

  #lost(client: pg.Client, delayMs = 250): void {
    if (this.#client !== client && this.#client !== null) return;
    this.#client = null;
    if (this.#stopped || this.#retry) return;
    this.#retry = setTimeout(() => {
      this.#retry = null;
      if (this.#stopped) return;
      this.#connect().then(
        () => this.#local.notify(),
        () => this.#lost(client, Math.min(delayMs * 2, 10_000)),
      );
    }, delayMs);
    this.#retry.unref();
  }

  notify(): void {
    // While listening, this instance hears its own notice with the others' (once each);
    // while not, it tells its own listeners itself.
    if (!this.#client) this.#local.notify();
    this.#send.ask();
  }

  listen(listener: () => void): () => void {
    return this.#local.listen(listener);
  }

  get listening(): number {
    return this.#local.listening;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#send.cancel();
    if (this.#retry) clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => undefined);
  }
}
