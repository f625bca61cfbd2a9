import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { privateDir } from '../platform/private-files.ts';
import { openStore, type Store, type StoreDb } from '../store/database.ts';
import { openPostgresStore, redactPostgresUrl } from '../store/postgres.ts';
import { StoreNotEmpty } from '../demo/generate.ts';
import { seedDemoBrand } from './demo-brand.ts';
import { applyPublicAddress } from './public-address.ts';
import { createHubServer, type HubServerOptions } from './server.ts';

/**
 * A whole hub: its data folder, its store, the demo brand when asked for, and the
 * HTTP server listening. Used by `npm run hub` and by whatever embeds a hub (the
 * desktop app), which then only has to call close().
 */
export interface StartHubOptions {
  /** The hub's folder: its SQLite store (unless `postgres` is given) and the keys that seal its secrets. */
  dataDir: string;
  /** A PostgreSQL connection string: keep the store there instead of in `dataDir` (several instances may share it). */
  postgres?: string | null;
  port: number;
  /** When `port` is taken, listen on a free one instead of failing (the built-in hub). */
  anyPortIfTaken?: boolean;
  host?: string;
  /** Fill an empty store (no products) with the demo brand: true for its default size, or a number of styles. */
  demo?: boolean | number;
  /** dist/buyer by default. */
  buyerAppDir?: string | null;
  logger?: Logger;
  clock?: () => Date;
  /** The release /api/health reports, when an embedder knows better than package.json. */
  version?: string;
  /** Proxies whose forwarded headers the hub believes (see HubServerOptions.trustProxy). */
  trustProxy?: readonly string[];
  /** The address buyers use (an origin); written into the brand's settings at each start. */
  publicUrl?: string | null;
  /** For tests: how passwords are checked, and how many hashes may run at once. */
  passwords?: HubServerOptions['passwords'];
  hashGate?: HubServerOptions['hashGate'];
  /** For tests: shorter waits between mail attempts. */
  mail?: Omit<NonNullable<HubServerOptions['mail']>, 'keyFile'>;
  /** For benchmarks only (`--bench-routes`); off by default. */
  benchRoutes?: boolean;
  /** `--stripe-api`: where Stripe's API is reached; Stripe's own when null or omitted. */
  stripeApi?: string | null;
}

export interface RunningHub {
  readonly app: FastifyInstance;
  readonly store: Store;
  /** http://host:port with the port actually bound. */
  readonly url: string;
  readonly port: number;
  /** Set when this start created the demo brand. */
  readonly seededDemo: { brand: string | null; seconds: number } | null;
  /** Stops accepting requests, lets the ones in flight finish, then closes the store. */
  close(): Promise<void>;
}

/** The hub could not start; the message says why in words a person can act on. */
export class HubStartError extends Error {}

export const HUB_DATABASE_FILE = 'hub.sqlite';
/** The key that seals the SMTP password, beside the store and never in it. */
export const MAIL_KEY_FILE = 'mail.key';
export const DEFAULT_BUYER_APP_DIR = resolve(import.meta.dirname, '..', '..', 'dist', 'buyer');

export async function startHub(options: StartHubOptions): Promise<RunningHub> {
  const host = options.host ?? '127.0.0.1';
  try {
    privateDir(options.dataDir);
  } catch (error) {
    throw new HubStartError(
      `Could not create the data folder ${options.dataDir}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const file = join(options.dataDir, HUB_DATABASE_FILE);
  let store: Store;
  try {
    store = options.postgres ? await openPostgresStore(options.postgres) : await openStore(file);
  } catch (error) {
    const where = options.postgres ? redactPostgresUrl(options.postgres) : file;
    throw new HubStartError(
      `Could not open the hub database ${where}: ${(error as Error).message}`,
      { cause: error },
    );
  }

  let app: FastifyInstance | null = null;
  try {
    const now = options.clock ?? (() => new Date());
    const seededDemo =
      options.demo === undefined || options.demo === false
        ? null
        : await seedDemoIfEmpty(store.db, options.demo === true ? undefined : options.demo, now());
    if (options.publicUrl) await applyPublicAddress(store.db, options.publicUrl, now());
    app = await createHubServer({
      store,
      buyerAppDir: options.buyerAppDir === undefined ? DEFAULT_BUYER_APP_DIR : options.buyerAppDir,
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.version ? { version: options.version } : {}),
      ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      ...(options.passwords ? { passwords: options.passwords } : {}),
      ...(options.hashGate ? { hashGate: options.hashGate } : {}),
      mail: { keyFile: join(options.dataDir, MAIL_KEY_FILE), ...options.mail },
      ...(options.benchRoutes ? { benchRoutes: true } : {}),
      ...(options.stripeApi ? { stripeApi: options.stripeApi } : {}),
    });
    await listen(app, host, options.port, options.anyPortIfTaken ?? false);
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const running = app;
    let closing: Promise<void> | null = null;
    return {
      app,
      store,
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      port,
      seededDemo,
      close: () => (closing ??= running.close().then(() => store.close())),
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await store.close();
    throw error;
  }
}

async function listen(
  app: FastifyInstance,
  host: string,
  port: number,
  anyPortIfTaken: boolean,
): Promise<void> {
  try {
    await app.listen({ host, port, listenTextResolver: () => 'hub listening' });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE' && anyPortIfTaken && port !== 0) {
      return listen(app, host, 0, false);
    }
    const where = `${host}:${port}`;
    const message =
      code === 'EADDRINUSE'
        ? `Port ${port} on ${host} is already in use, perhaps by another hub. Stop that program or choose another --port (0 picks a free one).`
        : code === 'EACCES'
          ? `Not allowed to listen on ${where}. Ports below 1024 need administrator rights; choose a higher --port.`
          : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
            ? `${host} is not an address of this machine. Use 127.0.0.1, 0.0.0.0 or one of this machine's addresses for --host.`
            : `Could not listen on ${where}: ${(error as Error).message}`;
    throw new HubStartError(message, { cause: error });
  }
}

/** Seeds the demo brand only into a store without products; never over real data. */
async function seedDemoIfEmpty(
  db: StoreDb,
  styles: number | undefined,
  now: Date,
): Promise<{ brand: string | null; seconds: number } | null> {
  const started = performance.now();
  try {
    await seedDemoBrand(db, { ...(styles === undefined ? {} : { styles }), catalogDatesFrom: now });
  } catch (error) {
    if (error instanceof StoreNotEmpty) return null;
    throw error;
  }
  const brand = await db.selectFrom('brand_settings').select('name').executeTakeFirst();
  return { brand: brand?.name ?? null, seconds: (performance.now() - started) / 1000 };
}
