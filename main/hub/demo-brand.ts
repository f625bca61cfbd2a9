import {
  generateDemoBrand,
  type DemoBrandOptions,
  type DemoBrandSummary,
} from '../demo/generate.ts';
import { STAFF } from '../demo/vocabulary.ts';
import { hubDb, type StoreDb } from '../store/database.ts';
import { hashPassword } from './auth/passwords.ts';

/**
 * The demo brand on a hub: generated, its staff given a known password so anyone can
 * try the app, and the hub marked as a demo so the sign-in screen lists those
 * accounts. A real brand's hub never reveals a password.
 */
export const DEMO_PASSWORD = 'nordlys-showroom';
const DEMO_KEY = 'demo_brand';

export async function seedDemoBrand(
  db: StoreDb,
  options: DemoBrandOptions = {},
): Promise<DemoBrandSummary> {
  const summary = await generateDemoBrand(db, options);
  const hashes = await Promise.all(STAFF.map(() => hashPassword(DEMO_PASSWORD)));
  await hubDb(db)
    .transaction()
    .execute(async (trx) => {
      for (const [index, person] of STAFF.entries()) {
        await trx
          .updateTable('staff_users')
          .set({ password_hash: hashes[index]! })
          .where('email', '=', person.email)
          .execute();
      }
      await trx
        .insertInto('hub_settings')
        .values({ key: DEMO_KEY, value: '1' })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: '1' }))
        .execute();
    });
  return summary;
}

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  role: 'admin' | 'rep';
}

export async function demoAccounts(db: StoreDb): Promise<DemoAccount[] | null> {
  const demo = await hubDb(db)
    .selectFrom('hub_settings')
    .select('value')
    .where('key', '=', DEMO_KEY)
    .executeTakeFirst();
  if (demo?.value !== '1') return null;
  return STAFF.map((person) => ({ ...person, password: DEMO_PASSWORD }));
}
