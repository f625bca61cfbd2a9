import { readSelectionSheet } from '../../services/selection-sheet.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { pictureInSelections, selectionHead } from '../../store/selection-queries.ts';
import { checkPassword, type PasswordCheckDependencies } from '../auth/password-attempts.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import { demoBuyerAccounts } from '../demo-brand.ts';
import { HubRefusal } from '../errors.ts';
import type { BuyerApiHandlers, SessionGrant, SignedInBuyer, Visitor } from './handler-table.ts';
import { pictureAnswer } from './pictures.ts';

export interface BuyerDependencies {
  db: StoreDb;
  clock: () => Date;
  passwordChecks: PasswordCheckDependencies;
}

const SESSION_HOURS = 12;

/** A new session for a buyer person, as its cookie's value and expiry; the hub keeps its hash. */
export async function startSession(
  db: StoreDb,
  buyerUserId: string,
  now: Date,
): Promise<SessionGrant> {
  const token = newToken();
  const expires = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await hubDb(db)
    .insertInto('buyer_sessions')
    .values({
      token_hash: tokenHash(token),
      buyer_user_id: buyerUserId,
      created_at: now.toISOString(),
      expires_at: expires.toISOString(),
    })
    .execute();
  return { token, expires };
}

/** The buyer a session cookie belongs to, or a 401 that sends the page to the login. */
export function signedInBuyers(deps: Pick<BuyerDependencies, 'db' | 'clock'>) {
  return async (visitor: Visitor): Promise<SignedInBuyer> => {
    const user =
      visitor.session &&
      (await hubDb(deps.db)
        .selectFrom('buyer_sessions as s')
        .innerJoin('buyer_users as u', 'u.id', 's.buyer_user_id')
        .select(['u.id', 'u.name', 'u.email'])
        .where('s.token_hash', '=', tokenHash(visitor.session))
        .where('s.expires_at', '>', deps.clock().toISOString())
        .executeTakeFirst());
    if (!user) throw new HubRefusal(401, 'unauthorized', 'Log in to see your selections.');
    return { kind: 'buyer', address: visitor.address, user };
  };
}

/**
 * Buyers with an account: they log in with email and password (limited per account and
 * per address before any hash is computed) and see the selections of the buyers they
 * belong to at their ordinary address.
 */
export function buyerHandlers(
  deps: BuyerDependencies,
): Pick<
  BuyerApiHandlers,
  | 'buyer.signIn'
  | 'buyer.signOut'
  | 'buyer.demoAccounts'
  | 'buyer.selections'
  | 'buyer.selection'
  | 'buyer.picture'
> {
  const { db, clock } = deps;
  return {
    async 'buyer.signIn'(visitor, { email, password }) {
      const now = clock();
      const user = await hubDb(db)
        .selectFrom('buyer_users')
        .select(['id', 'name', 'password_hash'])
        .where('email', '=', email)
        .executeTakeFirst();
      const matches = await checkPassword(deps.passwordChecks, {
        kind: 'buyer',
        email,
        password,
        storedHash: user?.password_hash ?? null,
        address: visitor.address,
        now,
      });
      if (!user || !matches) {
        throw new HubRefusal(401, 'unauthorized', 'The email or password is not right.');
      }
      return { value: { name: user.name }, session: await startSession(db, user.id, now) };
    },

    async 'buyer.signOut'(visitor) {
      if (!visitor.session) return;
      await hubDb(db)
        .deleteFrom('buyer_sessions')
        .where('token_hash', '=', tokenHash(visitor.session))
        .execute();
    },

    async 'buyer.demoAccounts'() {
      return { accounts: await demoBuyerAccounts(db) };
    },

    async 'buyer.selections'({ user }) {
      const rows = await hubDb(db)
        .selectFrom('selections as sel')
        .innerJoin('buyer_memberships as m', 'm.buyer_id', 'sel.buyer_id')
        .innerJoin('buyers as b', 'b.id', 'sel.buyer_id')
        .leftJoin('selection_lines as l', 'l.selection_id', 'sel.id')
        .where('m.buyer_user_id', '=', user.id)
        .select((eb) => [
          'sel.id',
          'sel.name',
          'sel.updated_at',
          'b.name as buyer',
          eb.fn.coalesce(eb.fn.sum<number>('l.quantity'), eb.val(0)).as('units'),
        ])
        .groupBy(['sel.id', 'sel.name', 'sel.updated_at', 'b.name'])
        .orderBy('sel.updated_at', 'desc')
        .limit(500)
        .execute();
      return {
        person: user.name,
        selections: rows.map((row) => ({
          id: row.id,
          name: row.name,
          buyer: row.buyer,
          units: Number(row.units),
          updatedAt: row.updated_at,
        })),
      };
    },

    async 'buyer.selection'({ user }, { id }) {
      const head = await selectionHead(db, id);
      const member =
        head &&
        (await hubDb(db)
          .selectFrom('buyer_memberships')
          .select('buyer_id')
          .where('buyer_user_id', '=', user.id)
          .where('buyer_id', '=', head.buyer_id)
          .executeTakeFirst());
      // No such selection and no access read the same: a buyer learns nothing of others'.
      if (!head || !member) {
        throw new HubRefusal(404, 'not_found', 'This selection is not shared with your account.');
      }
      const [sheet, brand] = await Promise.all([
        readSelectionSheet(db, head, { now: clock(), for: 'buyer' }),
        hubDb(db).selectFrom('brand_settings').select('name').executeTakeFirst(),
      ]);
      return {
        brand: brand?.name ?? '',
        name: head.name,
        notes: head.notes,
        buyer: head.buyer_name,
        language: head.language,
        lines: sheet.lines,
        totals: sheet.totals,
      };
    },

    async 'buyer.picture'({ user }, { id }) {
      const picture = await pictureInSelections(db, id, { buyerUserId: user.id });
      return pictureAnswer(picture, 'None of your selections has this picture.');
    },
  };
}
