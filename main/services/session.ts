import { hostname } from 'node:os';
import {
  OperationError,
  type HubChoice,
  type HubIntroduction,
  type Session,
} from '../../preload/contract/index.ts';
import { replicaDb, type StoreDb } from '../store/database.ts';
import type { SyncEngine } from '../sync/engine.ts';
import {
  createHubClient,
  HubAnswered,
  HubUnreachable,
  normaliseHubUrl,
  type HubClient,
} from '../sync/hub-client.ts';
import { clearReplica, type ReplicaAccount } from '../sync/replica.ts';
import { sql } from 'kysely';
import { inTransaction } from '../store/transactions.ts';

/**
 * Where this desktop keeps its device credential: Electron's safeStorage (the OS
 * keychain) where available, a file only this user can read otherwise.
 */
export interface CredentialVault {
  load(): Promise<string | null>;
  save(token: string): Promise<void>;
  clear(): Promise<void>;
}

export interface DesktopSessionOptions {
  db: StoreDb;
  engine: SyncEngine;
  vault: CredentialVault;
  /** The built-in hub's loopback address, or null when this desktop runs none. */
  embeddedHubUrl: string | null;
  deviceName?: string;
  /** The hub to offer first when this replica has never signed in. */
  defaultHub?: HubChoice;
  /** How to reach a hub at an address; HTTP by default (tests wrap it to cut the network). */
  clientFor?: (url: string) => HubClient;
}

/** What the contract's errors say when a hub cannot be asked. */
export function hubError(error: unknown, whatNeedsIt: string): OperationError {
  if (error instanceof HubUnreachable) {
    return new OperationError(
      'unavailable',
      `${whatNeedsIt} needs the hub, and ${error.message.replace(/^The hub/, 'the hub')} Try again when it can be.`,
    );
  }
  if (error instanceof HubAnswered) {
    const code =
      error.status === 401
        ? 'unauthorized'
        : error.status === 403
          ? 'forbidden'
          : error.status === 404
            ? 'not_found'
            : error.status === 409
              ? 'conflict'
              : error.status === 426
                ? 'update_required'
                : error.status === 429
                  ? 'rate_limited'
                  : error.status === 400 || error.status === 413
                    ? 'invalid_input'
                    : 'internal';
    return new OperationError(
      code,
      error.message,
      error.issues.length === 0
        ? undefined
        : error.issues.map((issue) => ({
            path: issue.path,
            // The hub words the whole refusal; a form words each issue from its code.
            message: error.message,
            code: issue.code,
            ...(issue.params ? { params: issue.params } : {}),
          })),
    );
  }
  if (error instanceof OperationError) return error;
  throw error;
}

/**
 * Signing this desktop in to a hub and out again, and the state the rest of the
 * desktop reads: who is signed in, to which hub, with which device credential.
 */
export class DesktopSession {
  readonly #db: StoreDb;
  readonly #engine: SyncEngine;
  readonly #vault: CredentialVault;
  readonly #embeddedHubUrl: string | null;
  readonly #deviceName: string;
  readonly #defaultHub: HubChoice;
  readonly #connect: (url: string) => HubClient;

  constructor(options: DesktopSessionOptions) {
    this.#db = options.db;
    this.#engine = options.engine;
    this.#vault = options.vault;
    this.#embeddedHubUrl = options.embeddedHubUrl;
    this.#deviceName = options.deviceName ?? `Trunkshow on ${hostname()}`;
    this.#defaultHub = options.defaultHub ?? { kind: 'embedded' };
    this.#connect = options.clientFor ?? createHubClient;
  }

  /** Resumes syncing for a device signed in before; needs no network. */
  async resume(): Promise<void> {
    const state = await this.#state();
    const token = state?.device_id ? await this.#vault.load() : null;
    if (!state?.device_id || !token) return;
    const url = this.#urlOf(this.#choiceOf(state));
    if (!url) return;
    this.#engine.setSession(
      {
        client: this.#connect(url),
        token,
        deviceId: state.device_id,
        userId: state.user_id!,
        role: state.user_role!,
      },
      state.last_sync_at,
    );
  }

  account(): ReplicaAccount | null {
    const session = this.#engine.session;
    return session
      ? { deviceId: session.deviceId, userId: session.userId, role: session.role }
      : null;
  }

  /** Whether this desktop is signed in to the hub built into it (not a standalone one). */
  usesBuiltInHub(): boolean {
    const session = this.#engine.session;
    return (
      session !== null &&
      this.#embeddedHubUrl !== null &&
      session.client.url === normaliseHubUrl(this.#embeddedHubUrl)
    );
  }

  /** The signed-in hub's client and credential, for what only the hub can do. */
  hub(whatNeedsIt: string): { client: HubClient; token: string; deviceId: string } {
    const session = this.#engine.session;
    if (!session)
      throw new OperationError('unauthorized', `${whatNeedsIt} needs you to sign in first.`);
    return { client: session.client, token: session.token, deviceId: session.deviceId };
  }

  async get(): Promise<Session> {
    const state = await this.#state();
    const session = this.#engine.session;
    if (state && session && state.device_id === session.deviceId) {
      return {
        state: 'signed_in',
        hub: this.#choiceOf(state),
        hubUrl: session.client.url,
        user: {
          id: state.user_id!,
          email: state.user_email!,
          name: state.user_name!,
          role: state.user_role!,
        },
        brand: state.brand ?? '',
        deviceId: session.deviceId,
      };
    }
    return {
      state: 'signed_out',
      hub: state ? this.#choiceOf(state) : this.#defaultHub,
      // Any reason stored is a revocation (earlier versions stored the hub's words).
      reason: state?.signed_out_reason ? 'revoked' : null,
    };
  }

  async introduceHub(choice: HubChoice): Promise<HubIntroduction> {
    const client = this.#clientFor(choice);
    try {
      const hello = await client.hello();
      return {
        url: client.url,
        embedded: choice.kind === 'embedded',
        brand: hello.brand,
        setupNeeded: hello.setupNeeded,
        demoAccounts: hello.demoAccounts,
      };
    } catch (error) {
      throw hubError(error, 'Signing in');
    }
  }

  async setup(input: {
    brandName: string;
    adminName: string;
    email: string;
    password: string;
  }): Promise<Session> {
    const client = this.#clientFor({ kind: 'embedded' });
    try {
      await client.setup(input);
    } catch (error) {
      throw hubError(error, 'Setting up the brand');
    }
    return this.signIn({ hub: { kind: 'embedded' }, email: input.email, password: input.password });
  }

  async setupDemo(): Promise<HubIntroduction> {
    const client = this.#clientFor({ kind: 'embedded' });
    try {
      await client.setupDemo();
    } catch (error) {
      throw hubError(error, 'Creating the demo brand');
    }
    return this.introduceHub({ kind: 'embedded' });
  }

  async signIn(input: { hub: HubChoice; email: string; password: string }): Promise<Session> {
    const client = this.#clientFor(input.hub);
    const state = await this.#state();
    const sameHub = state !== undefined && sameChoice(this.#choiceOf(state), input.hub);
    let answer;
    try {
      answer = await client.signIn({
        email: input.email,
        password: input.password,
        deviceName: this.#deviceName,
        ...(sameHub && state?.device_id ? { previousDeviceId: state.device_id } : {}),
      });
    } catch (error) {
      throw hubError(error, 'Signing in');
    }
    const continues = sameHub && state?.user_id === answer.user.id;
    await inTransaction(this.#db, async (trx) => {
      const replica = replicaDb(trx);
      const pending = await replica.selectFrom('outbox').select('seq').orderBy('seq').execute();
      if (!continues && pending.length > 0) {
        throw new OperationError(
          'conflict',
          `This device holds ${pending.length} change${pending.length === 1 ? '' : 's'} by ${state?.user_email ?? 'another account'} that have not reached the hub. Sign in as ${state?.user_email ?? 'that account'} on the same hub to send them first.`,
        );
      }
      if (!continues) await clearReplica(trx);
      // The new device numbers its changes from 1; what the hub already applied under the
      // previous device is dropped, the rest keeps its order.
      const alreadyApplied = continues ? (answer.previousDeviceLastAppliedSeq ?? 0) : 0;
      await replica.deleteFrom('outbox').where('seq', '<=', alreadyApplied).execute();
      await replica.deleteFrom('outbox_undo').where('seq', '<=', alreadyApplied).execute();
      const kept = pending.filter((entry) => entry.seq > alreadyApplied);
      for (const [index, entry] of kept.entries()) {
        await replica
          .updateTable('outbox')
          .set({ seq: -(index + 1) })
          .where('seq', '=', entry.seq)
          .execute();
        await replica
          .updateTable('outbox_undo')
          .set({ seq: -(index + 1) })
          .where('seq', '=', entry.seq)
          .execute();
      }
      await sql`update outbox set seq = -seq where seq < 0`.execute(trx);
      await sql`update outbox_undo set seq = -seq where seq < 0`.execute(trx);
      const values = {
        hub_kind: input.hub.kind,
        hub_url: input.hub.kind === 'remote' ? client.url : null,
        device_id: answer.deviceId,
        user_id: answer.user.id,
        user_email: answer.user.email,
        user_name: answer.user.name,
        user_role: answer.user.role,
        brand: answer.brand,
        next_seq: kept.length + 1,
        signed_out_reason: null,
        ...(continues ? {} : { cursor: 0, last_sync_at: null }),
      };
      await replica
        .insertInto('sync_state')
        .values({ id: 1, ...values })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
        .execute();
    });
    await this.#vault.save(answer.token);
    this.#engine.setSession(
      {
        client,
        token: answer.token,
        deviceId: answer.deviceId,
        userId: answer.user.id,
        role: answer.user.role,
      },
      continues ? (state?.last_sync_at ?? null) : null,
    );
    this.#engine.dataChanged();
    return this.get();
  }

  async signOut(input: { discardUnsynced: boolean }): Promise<Session> {
    const pending = await replicaDb(this.#db)
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const count = Number(pending.n);
    if (count > 0 && !input.discardUnsynced) {
      throw new OperationError(
        'conflict',
        `${count} change${count === 1 ? ' has' : 's have'} not reached the hub yet. Signing out now would lose ${count === 1 ? 'it' : 'them'}: wait until ${count === 1 ? 'it is' : 'they are'} synced, or sign out and discard ${count === 1 ? 'it' : 'them'}.`,
      );
    }
    await this.#engine.stop();
    await inTransaction(this.#db, async (trx) => {
      const replica = replicaDb(trx);
      if (count > 0) {
        // Discarding means the replica shows the hub's rows again: start it over.
        await clearReplica(trx);
        await replica
          .updateTable('sync_state')
          .set({ cursor: 0, next_seq: 1, last_sync_at: null })
          .execute();
      }
      await replica
        .updateTable('sync_state')
        .set({ device_id: null, signed_out_reason: null })
        .execute();
    });
    await this.#vault.clear();
    this.#engine.setSession(null);
    this.#engine.dataChanged();
    return this.get();
  }

  /** The hub no longer accepts this device: keep its work, ask the rep to sign in again. */
  async revoked(): Promise<void> {
    // The device id stays: signing in again names it, so the hub can say which of its
    // changes it already applied and none is sent twice.
    await replicaDb(this.#db)
      .updateTable('sync_state')
      .set({ signed_out_reason: 'revoked' })
      .execute();
    await this.#vault.clear();
  }

  async #state() {
    return replicaDb(this.#db).selectFrom('sync_state').selectAll().executeTakeFirst();
  }

  #choiceOf(state: { hub_kind: 'embedded' | 'remote'; hub_url: string | null }): HubChoice {
    return state.hub_kind === 'remote' && state.hub_url
      ? { kind: 'remote', url: state.hub_url }
      : { kind: 'embedded' };
  }

  #urlOf(choice: HubChoice): string | null {
    return choice.kind === 'remote' ? choice.url : this.#embeddedHubUrl;
  }

  #clientFor(choice: HubChoice): HubClient {
    const url = this.#urlOf(choice);
    if (!url) {
      throw new OperationError(
        'unavailable',
        'This app runs without its built-in hub. Choose "Another hub" and type its address.',
      );
    }
    try {
      return this.#connect(url);
    } catch {
      throw new OperationError(
        'invalid_input',
        'That is not a hub address. Type it like https://hub.example.com',
        [{ path: 'hub.url', message: 'Type the hub address like https://hub.example.com' }],
      );
    }
  }
}

function sameChoice(a: HubChoice, b: HubChoice): boolean {
  if (a.kind === 'embedded' || b.kind === 'embedded') return a.kind === b.kind;
  return createHubClient(a.url).url === createHubClient(b.url).url;
}
