import { hubDb, type StoreDb } from '../store/database.ts';

/**
 * The reps whose own buyer this is: the owners of its selections, the tie that lets a
 * rep act for their own buyers (mayActForBuyer in main/domain/permissions.ts).
 */
export async function buyerRepIds(db: StoreDb, buyerId: string): Promise<string[]> {
  const reps = await hubDb(db)
    .selectFrom('selections')
    .select('owner_id')
    .distinct()
    .where('buyer_id', '=', buyerId)
    .execute();
  return reps.map((row) => row.owner_id);
}
