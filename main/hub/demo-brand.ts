import type { DemoBuyerAccount } from '../../preload/contract/buyer-api/index.ts';
import {
  generateDemoBrand,
  type DemoBrandOptions,
  type DemoBrandSummary,
} from '../demo/generate.ts';
import { STAFF } from '../demo/vocabulary.ts';
import { hubDb, type StoreDb } from '../store/database.ts';
import { hashPassword } from './auth/passwords.ts';
import { inTransaction } from '../store/transactions.ts';

/**
 * The demo brand on a hub: generated, its staff given a known password so anyone can
 * try the app, and the hub marked as a demo so the sign-in screen lists those
 * accounts. A real brand's hub never reveals a password.
 */
export const DEMO_PASSWORD = 'nordlys-showroom';
const DEMO_KEY = 'demo_brand';
const DEMO_BUYER_LOGINS = 10;

export async function seedDemoBrand(
  db: StoreDb,
  options: DemoBrandOptions = {},
): Promise<DemoBrandSummary> {
  const summary = await generateDemoBrand(db, options);
  const hashes = await Promise.all(STAFF.map(() => hashPassword(DEMO_PASSWORD)));
  // Buyers who can log in to the buyer pages: the people of the first buyers by name.
  const buyerPeople = await hubDb(db)
    .selectFrom('buyer_users as u')
    .innerJoin('buyer_memberships as m', 'm.buyer_user_id', 'u.id')
    .innerJoin('buyers as b', 'b.id', 'm.buyer_id')
    .select('u.id')
    .groupBy('u.id')
    .orderBy((eb) => eb.fn.min('b.name'))
    .limit(DEMO_BUYER_LOGINS)
    .execute();
  const buyerHash = await hashPassword(DEMO_PASSWORD);
  await inTransaction(hubDb(db), async (trx) => {
    for (const [index, person] of STAFF.entries()) {
      await trx
        .updateTable('staff_users')
        .set({ password_hash: hashes[index]! })
        .where('email', '=', person.email)
        .execute();
    }
    for (const person of buyerPeople) {
      await trx
        .updateTable('buyer_users')
        .set({ password_hash: buyerHash })
        .where('id', '=', person.id)
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

async function isDemoHub(db: StoreDb): Promise<boolean> {
  const demo = await hubDb(db)
    .selectFrom('hub_settings')
    .select('value')
    .where('key', '=', DEMO_KEY)
    .executeTakeFirst();
  return demo?.value === '1';
}

export async function demoAccounts(db: StoreDb): Promise<DemoAccount[] | null> {
  if (!(await isDemoHub(db))) return null;
  return STAFF.map((person) => ({ ...person, password: DEMO_PASSWORD }));
}

/** The demo's buyer people who can log in to the buyer pages; null on a real brand's hub. */
export async function demoBuyerAccounts(db: StoreDb): Promise<DemoBuyerAccount[] | null> {
  if (!(await isDemoHub(db))) return null;
  const people = await hubDb(db)
    .selectFrom('buyer_users as u')
    .innerJoin('buyer_memberships as m', 'm.buyer_user_id', 'u.id')
    .innerJoin('buyers as b', 'b.id', 'm.buyer_id')
    .select(['u.email', 'u.name', (eb) => eb.fn.min('b.name').as('store')])
    .where('u.password_hash', 'is not', null)
    .groupBy(['u.id', 'u.email', 'u.name'])
    .orderBy('store')
    .limit(DEMO_BUYER_LOGINS)
    .execute();
  return people.map((person) => ({ ...person, password: DEMO_PASSWORD }));
}
