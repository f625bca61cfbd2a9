import type {
  SyncConnection,
  SyncProblem,
  SyncProgress,
  SyncStatus,
} from '../../preload/contract/index.ts';
import { replicaDb, type StoreDb } from '../store/database.ts';
import { HubAnswered, HubUnreachable, type HubClient } from './hub-client.ts';
import { PUSH_MAX_MUTATIONS } from './protocol.ts';
import {
  applyPulledPage,
  pendingMutations,
  refreshStatistics,
  type ReplicaAccount,
} from './replica.ts';

/**
 * Keeps a replica in step with its hub: pushes the outbox, pulls what changed, and
 * does it again whenever the rep changes something, the hub announces a change, a
 * poll comes round, or (after a failure) a back-off delay ends. Nothing here needs a
 * click; a failure only delays.
 */
export interface SyncSession extends ReplicaAccount {
  client: HubClient;
  token: string;
}

export interface SyncEngineOptions {
  db: StoreDb;
  clock?: () => Date;
  /** Delays between attempts after failures; the last repeats. */
  retryDelaysMs?: readonly number[];
  /** How often to pull anyway, for changes made through another hub instance. */
  pollMs?: number;
  pullLimit?: number;
  /** Told when the hub no longer accepts this device. */
  onRevoked?: () => void;
  /** Told after every attempt, for logs. */
  onError?: (error: unknown) => void;
}

const DEFAULT_RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 20_000];
const LARGE_PULL_ROWS = 10_000;

export class SyncEngine {
  readonly #db: StoreDb;
  readonly #clock: () => Date;
  readonly #retryDelays: readonly number[];
  readonly #pollMs: number;
  readonly #pullLimit: number | undefined;
  readonly #options: SyncEngineOptions;
  #session: SyncSession | null = null;
  #connection: SyncConnection = 'signed_out';
  #lastSyncAt: string | null = null;
  #lastProblem: SyncProblem | null = null;
  #dataVersion = 0;
  #progress: SyncProgress | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #failures = 0;
  #retryTimer: NodeJS.Timeout | null = null;
  #pollTimer: NodeJS.Timeout | null = null;
  #listening: AbortController | null = null;

  constructor(options: SyncEngineOptions) {
    this.#db = options.db;
    this.#clock = options.clock ?? (() => new Date());
    this.#retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.#pollMs = options.pollMs ?? 30_000;
    this.#pullLimit = options.pullLimit;
    this.#options = options;
  }

  /** Starts (or, with null, stops) syncing for a signed-in device. */
  setSession(session: SyncSession | null, lastSyncAt: string | null = null): void {
    this.#stopTimers();
    this.#session = session;
    this.#failures = 0;
    this.#lastProblem = null;
    this.#lastSyncAt = lastSyncAt;
    this.#progress = null;
    this.#connection = session ? 'syncing' : 'signed_out';
    if (!session) return;
    this.#pollTimer = setInterval(() => this.requestSync(), this.#pollMs);
    this.#pollTimer.unref();
    this.requestSync();
  }

  get session(): SyncSession | null {
    return this.#session;
  }

  /** The replica changed here (a local edit): views reload, and the change goes out. */
  localChange(): void {
    this.#dataVersion++;
    this.requestSync();
  }

  /** Syncs as soon as possible; calls during a sync fold into one more round. */
  requestSync(): void {
    if (!this.#session) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop().finally(() => {
      this.#running = null;
    });
  }

  /**
   * Syncs now and answers when a round that started after the call is over. A round
   * already running may have begun before what the caller wants sent, and if it fails
   * it runs no further round: so it is waited out first.
   */
  async syncNow(): Promise<void> {
    await this.#roundsOver();
    if (this.#connection === 'revoked' || this.#connection === 'update_required') return;
    this.#failures = 0;
    this.requestSync();
    await this.#roundsOver();
  }

  async #roundsOver(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async status(): Promise<SyncStatus> {
    const replica = replicaDb(this.#db);
    const pending = await replica
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const refused = await replica
      .selectFrom('sync_refusals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dismissed_at', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      connection: this.#connection,
      pending: Number(pending.n),
      refused: Number(refused.n),
      lastSyncAt: this.#lastSyncAt,
      lastProblem: this.#lastProblem,
      dataVersion: this.#dataVersion,
      progress: this.#progress,
    };
  }

  dataChanged(): void {
    this.#dataVersion++;
  }

  async stop(): Promise<void> {
    this.#stopTimers();
    this.#session = null;
    await this.#roundsOver();
  }

  #stopTimers(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    if (this.#pollTimer) clearInterval(this.#pollTimer);
    this.#listening?.abort();
    this.#retryTimer = null;
    this.#pollTimer = null;
    this.#listening = null;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      const session = this.#session;
      if (!session) return;
      await this.#round(session);
    } while (this.#again && this.#session && this.#connection === 'online');
  }

  async #round(session: SyncSession): Promise<void> {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    // While offline, a retry is not news: the indicator stays "offline" until one succeeds.
    if (this.#connection !== 'offline') this.#connection = 'syncing';
    try {
      await this.#push(session);
      await this.#pull(session);
      if (session !== this.#session) return;
      this.#connection = 'online';
      this.#lastProblem = null;
      this.#lastSyncAt = this.#clock().toISOString();
      this.#failures = 0;
      this.#listen(session);
    } catch (error) {
      if (session !== this.#session) return;
      this.#options.onError?.(error);
      if (
        error instanceof HubAnswered &&
        (error.code === 'device_revoked' || error.code === 'unauthorized')
      ) {
        this.#progress = null;
        this.#connection = 'revoked';
        this.#lastProblem = syncProblemOf(error);
        this.#stopTimers();
        this.#session = null;
        this.#options.onRevoked?.();
        return;
      }
      if (error instanceof HubAnswered && error.code === 'update_required') {
        this.#progress = null;
        this.#connection = 'update_required';
        this.#lastProblem = syncProblemOf(error);
        this.#stopTimers();
        return;
      }
      // A first sync cut short is still under way: the retry goes on from its cursor, and
      // the views keep saying the catalog is arriving rather than showing half of it as all.
      this.#connection = error instanceof HubUnreachable ? 'offline' : 'online';
      this.#lastProblem = syncProblemOf(error);
      this.#listening?.abort();
      this.#listening = null;
      const delay = this.#retryDelays[Math.min(this.#failures, this.#retryDelays.length - 1)]!;
      this.#failures++;
      this.#retryTimer = setTimeout(() => this.requestSync(), delay);
      this.#retryTimer.unref();
    }
  }

  async #push(session: SyncSession): Promise<void> {
    let after = 0;
    for (;;) {
      const batch = await pendingMutations(this.#db, after, PUSH_MAX_MUTATIONS);
      if (batch.length === 0) return;
      try {
        const answer = await session.client.push(session.token, {
          clientId: session.deviceId,
          mutations: batch,
        });
        after = Math.max(answer.lastAppliedSeq, batch.at(-1)!.seq);
      } catch (error) {
        // The hub expects an earlier or later seq: resend from where it is.
        if (
          error instanceof HubAnswered &&
          error.code === 'out_of_order' &&
          error.expectedSeq !== undefined
        ) {
          if (error.expectedSeq - 1 <= after) throw error;
          after = error.expectedSeq - 1;
          continue;
        }
        throw error;
      }
      if (batch.length < PUSH_MAX_MUTATIONS) return;
    }
  }

  /**
   * Pulls page after page until the hub has nothing more. Each next page is asked for as
   * soon as a page arrives, before the replica writes it, so the hub reads one page while
   * the replica applies the one before (a first sync of a large brand is mostly these two
   * taking turns). Pages are still applied one at a time and in order; a page is applied
   * only onto the cursor it was read from.
   */
  async #pull(session: SyncSession): Promise<void> {
    const replica = replicaDb(this.#db);
    const state = await replica.selectFrom('sync_state').select('cursor').executeTakeFirstOrThrow();
    const seen = await replica
      .selectFrom('sync_refusals')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('device_id', '=', session.deviceId)
      .executeTakeFirst();
    let asked = { cursor: state.cursor, refusalsAfter: seen?.seq ?? 0 };
    // A replica that has read nothing yet is receiving the brand: the views say the
    // catalog is arriving, not that it is empty, from before the first page comes.
    if (asked.cursor === 0) this.#progress = { rows: 0, fraction: null };
    const ask = (from: typeof asked) =>
      session.client.pull(session.token, {
        clientId: session.deviceId,
        ...from,
        ...(this.#pullLimit ? { limit: this.#pullLimit } : {}),
      });
    let next = ask(asked);
    let pulled = 0;
    for (;;) {
      const page = await next;
      if (session !== this.#session) return;
      const readFrom = asked;
      if (page.more) {
        asked = {
          cursor: page.cursor,
          refusalsAfter: Math.max(readFrom.refusalsAfter, ...page.refusals.map((r) => r.seq)),
        };
        next = ask(asked);
        // Met when awaited; a round that stops before that leaves the page unread.
        next.catch(() => undefined);
      }
      const applied = await applyPulledPage(
        this.#db,
        session,
        page,
        readFrom.cursor,
        this.#clock(),
      );
      // The replica was started over meanwhile: the next round reads from its new cursor.
      if (!applied) return;
      if (applied.rows > 0 || applied.acknowledged > 0 || applied.refusals > 0) this.#dataVersion++;
      pulled += applied.rows;
      if (this.#progress) {
        this.#progress = {
          rows: this.#progress.rows + applied.rows,
          fraction: page.head ? Math.min(1, page.cursor / page.head) : null,
        };
      }
      if (!page.more) {
        // After a large pull the planner's statistics are stale; searches would pick
        // slow plans (10× slower on a freshly synced 10,000-style brand) until refreshed.
        if (pulled >= LARGE_PULL_ROWS) await refreshStatistics(this.#db);
        this.#progress = null;
        return;
      }
    }
  }

  #listen(session: SyncSession): void {
    if (this.#listening) return;
    const controller = new AbortController();
    this.#listening = controller;
    session.client
      .listen(session.token, () => this.requestSync(), controller.signal)
      .catch(() => undefined)
      .finally(() => {
        if (this.#listening !== controller) return;
        this.#listening = null;
        // The notices stopped (hub restarted or the network went): find out by syncing.
        if (!controller.signal.aborted && this.#session === session) {
          this.#retryTimer ??= setTimeout(() => this.requestSync(), this.#retryDelays[0]);
        }
      });
  }
}

/** What a failed sync says to the rep, as a code; its message stays for the log. */
export function syncProblemOf(error: unknown): SyncProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof HubUnreachable) return { code: 'unreachable', message };
  if (!(error instanceof HubAnswered)) return { code: 'unexpected', message };
  switch (error.code) {
    case 'device_revoked':
    case 'unauthorized':
      return { code: 'revoked', message };
    case 'update_required':
      return { code: 'update_required', message };
    case 'unknown_mutation':
      return { code: 'hub_outdated', message };
    case 'rate_limited':
    case 'unavailable':
      return { code: 'hub_busy', message };
    default:
      return { code: 'refused', message };
  }
}
