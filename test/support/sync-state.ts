import { replicaDb, type StoreDb } from '../../main/store/database.ts';
import type { ReplicaAccount } from '../../main/sync/replica.ts';

/**
 * A replica's sync state as a sign-in leaves it (the device's next change is its first),
 * having read the hub up to `cursor`.
 */
export async function signedInSyncState(
  db: StoreDb,
  account: ReplicaAccount,
  cursor = 0,
): Promise<void> {
  await replicaDb(db)
    .insertInto('sync_state')
    .values({
      id: 1,
      hub_kind: 'embedded',
      hub_url: null,
      device_id: account.deviceId,
      user_id: account.userId,
      user_email: 'rep@shop.example',
      user_name: 'Rep',
      user_role: account.role,
      brand: 'Brand',
      next_seq: 1,
      cursor,
    })
    .execute();
}
