import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BuyerSelectionList, SharedSelection } from '../../preload/contract/index.ts';
import { readSelectionSheet } from '../services/selection-sheet.ts';
import { hubDb, type StoreDb } from '../store/database.ts';
import { pictureInSelections, selectionHead } from '../store/selection-queries.ts';
import { checkPassword, type PasswordCheckDependencies } from './auth/password-attempts.ts';
import { newToken, tokenHash } from './auth/tokens.ts';
import { demoBuyerAccounts, type DemoBuyerAccount } from './demo-brand.ts';
import { HubRefusal } from './errors.ts';
import { sendPicture } from './pictures.ts';

export interface BuyerRouteDependencies {
  db: StoreDb;
  clock: () => Date;
  passwordChecks: PasswordCheckDependencies;
}

const SESSION_HOURS = 12;
/**
 * `__Host-` needs `Secure`, which a hub on plain-HTTP loopback or LAN cannot set, so the
 * prefix is used only over HTTPS. HttpOnly and SameSite=Lax either way.
 */
function cookieName(request: FastifyRequest): string {
  return request.protocol === 'https' ? '__Host-trunkshow-buyer' : 'trunkshow-buyer';
}

/**
 * Buyers with an account: they log in with email and password (rate limited per
 * account and per address before any hash is computed) and see the selections of the
 * buyers they belong to at their ordinary address.
 */
export function registerBuyerRoutes(app: FastifyInstance, deps: BuyerRouteDependencies): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;

  async function buyerUser(request: FastifyRequest) {
    const value = request.cookies[cookieName(request)];
    if (!value) return null;
    return hubDb(db)
      .selectFrom('buyer_sessions as s')
      .innerJoin('buyer_users as u', 'u.id', 's.buyer_user_id')
      .select(['u.id', 'u.name', 'u.email'])
      .where('s.token_hash', '=', tokenHash(value))
      .where('s.expires_at', '>', clock().toISOString())
      .executeTakeFirst();
  }

  api.post(
    '/api/buyer/sign-in',
    {
      schema: {
        summary: 'A buyer logs in to the buyer pages',
        tags: ['buyers'],
        body: z.strictObject({
          email: z.string().trim().toLowerCase().max(320),
          password: z.string().max(500),
        }),
      },
    },
    async (request, reply) => {
      const now = clock();
      const { email, password } = request.body;
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
        address: request.ip,
        now,
      });
      if (!user || !matches) {
        throw new HubRefusal(401, 'unauthorized', 'The email or password is not right.');
      }
      const token = newToken();
      const expires = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
      await hubDb(db)
        .insertInto('buyer_sessions')
        .values({
          token_hash: tokenHash(token),
          buyer_user_id: user.id,
          created_at: now.toISOString(),
          expires_at: expires.toISOString(),
        })
        .execute();
      setSession(reply, request, token, expires);
      return { name: user.name };
    },
  );

  /** The logged-in buyer person, or a 401 that sends the page to the login. */
  async function requireBuyer(request: FastifyRequest) {
    const user = await buyerUser(request);
    if (!user) throw new HubRefusal(401, 'unauthorized', 'Log in to see your selections.');
    return user;
  }

  api.get(
    '/api/buyer/demo-accounts',
    {
      schema: {
        summary: "The demo brand's buyer logins, listed on its login page; null on a real hub",
        tags: ['buyers'],
      },
    },
    async (): Promise<{ accounts: DemoBuyerAccount[] | null }> => ({
      accounts: await demoBuyerAccounts(db),
    }),
  );

  api.post(
    '/api/buyer/sign-out',
    { schema: { summary: 'A buyer logs out; the session ends at the hub too', tags: ['buyers'] } },
    async (request, reply) => {
      const value = request.cookies[cookieName(request)];
      if (value) {
        await hubDb(db)
          .deleteFrom('buyer_sessions')
          .where('token_hash', '=', tokenHash(value))
          .execute();
      }
      reply.clearCookie(cookieName(request), {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
      });
      return reply.code(204).send();
    },
  );

  api.get(
    '/api/buyer/selections',
    {
      schema: {
        summary: "The selections of the logged-in buyer's stores, newest first",
        tags: ['buyers'],
      },
    },
    async (request, reply): Promise<BuyerSelectionList> => {
      const user = await requireBuyer(request);
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
      reply.header('cache-control', 'no-store');
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
  );

  api.get(
    '/api/buyer/selections/:id',
    {
      schema: {
        summary: "A selection of the logged-in buyer's stores, at its ordinary address",
        tags: ['buyers'],
        params: z.strictObject({ id: z.string().min(1).max(64) }),
      },
    },
    async (request, reply): Promise<Omit<SharedSelection, 'expiresAt' | 'prepaymentCheckout'>> => {
      const user = await requireBuyer(request);
      const head = await selectionHead(db, request.params.id);
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
        readSelectionSheet(db, head),
        hubDb(db).selectFrom('brand_settings').select('name').executeTakeFirst(),
      ]);
      reply.header('cache-control', 'no-store');
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
  );

  api.get(
    '/api/buyer/pictures/:id',
    {
      schema: {
        summary: "A picture of a style in a selection of the logged-in buyer's stores",
        tags: ['buyers'],
        params: z.strictObject({ id: z.string().min(1).max(64) }),
      },
    },
    async (request, reply) => {
      const user = await requireBuyer(request);
      const picture = await pictureInSelections(db, request.params.id, {
        buyerUserId: user.id,
      });
      return sendPicture(reply, picture, 'None of your selections has this picture.');
    },
  );
}

function setSession(reply: FastifyReply, request: FastifyRequest, token: string, expires: Date) {
  reply.setCookie(cookieName(request), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires,
  });
}
