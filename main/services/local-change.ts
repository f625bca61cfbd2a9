import { OperationError } from '../../preload/contract/index.ts';
import type { StoreDb } from '../store/database.ts';
import type { SyncEngine } from '../sync/engine.ts';
import type { Mutator } from '../sync/mutators/mutator.ts';
import { enqueue, LocalChangeRefused } from '../sync/replica.ts';
import type { DesktopSession } from './session.ts';

/** What a change made on this device needs: the replica, who is signed in, and sync. */
export interface LocalChangeServices {
  db: StoreDb;
  session: DesktopSession;
  engine: SyncEngine;
  clock: () => Date;
}

export function signedInAccount(services: LocalChangeServices, doing: string) {
  const account = services.session.account();
  if (!account) throw new OperationError('unauthorized', `Sign in to ${doing}.`);
  return account;
}

/**
 * Applies a mutation to the replica and queues it for the hub, then nudges sync. A
 * change the rules refuse even locally comes back as the field's error, nothing written.
 */
export async function changeLocally<Args>(
  services: LocalChangeServices,
  mutator: Mutator<Args>,
  args: Args,
  options: { field: string; doing: string },
): Promise<void> {
  try {
    await enqueue(
      services.db,
      signedInAccount(services, options.doing),
      mutator,
      args,
      services.clock(),
    );
  } catch (error) {
    if (error instanceof LocalChangeRefused) {
      throw new OperationError(
        error.code === 'not_found'
          ? 'not_found'
          : error.code === 'forbidden'
            ? 'forbidden'
            : 'invalid_input',
        error.message,
        [{ path: options.field, message: error.message }],
      );
    }
    throw error;
  }
  services.engine.localChange();
}
