import {
  brandCodeProblems,
  normalisedCode,
  normalisedEmail,
  offlineLogInProblems,
  takenProblem,
  type CredentialProblem,
} from '../domain/buyer-credentials.ts';
import type { BuyerKind } from '../domain/model.ts';
import { mayActForBuyer } from '../domain/permissions.ts';
import type {
  BuyerCredentials,
  SetBrandCodeInput,
  SetOfflineLogInInput,
} from '../../preload/contract/buyer-credentials.ts';
import { hubDb, type StoreDb } from '../store/database.ts';
import type { AuthenticatedDevice } from './auth/accounts.ts';
import { guardKey, hashSlot, type PasswordCheckDependencies } from './auth/password-attempts.ts';
import { auditRow } from './audit.ts';
import { buyerRepIds } from './buyer-access.ts';
import { HubRefusal } from './errors.ts';
import { inTransaction } from '../store/transactions.ts';

/**
 * The credentials the brand sets for a buyer to log in to customer order links with
 * (main/domain/buyer-credentials.ts), as staff manage them on the hub, which alone keeps
 * them: read what is set (never a hash), set or replace, clear. Admins for any buyer, a
 * rep for their own. Each change is one transaction with its audit row; a secret is
 * hashed before it, outside the write lock, in a slot of the hash gate.
 */

type Kind = 'offline_email' | 'brand_code';

/** Which guard (login_guards) counts the failures of a credential. */
export function credentialGuard(kind: Kind, identifier: string): string {
  return guardKey(kind === 'offline_email' ? 'offline_buyer' : 'buyer_code', identifier);
}

/** The buyer, if the staff member may manage its credentials; refuses otherwise. */
async function buyerToManage(db: StoreDb, asker: AuthenticatedDevice, buyerId: string) {
  const buyer = await hubDb(db)
    .selectFrom('buyers')
    .select(['id', 'kind'])
    .where('id', '=', buyerId)
    .executeTakeFirst();
  if (!buyer) throw new HubRefusal(404, 'not_found', 'There is no such buyer on this hub.');
  if (!mayActForBuyer(asker, await buyerRepIds(db, buyerId), 'manageCredentialsOfAnyBuyer')) {
    throw new HubRefusal(
      403,
      'forbidden',
      "Only an admin or the buyer's own rep can manage the sign-in of this buyer.",
    );
  }
  return buyer;
}

export async function readBuyerCredentials(
  db: StoreDb,
  asker: AuthenticatedDevice,
  buyerId: string,
): Promise<BuyerCredentials> {
  const buyer = await buyerToManage(db, asker, buyerId);
  return credentialsOf(db, buyer);
}

async function credentialsOf(
  db: StoreDb,
  buyer: { id: string; kind: string },
): Promise<BuyerCredentials> {
  const hub = hubDb(db);
  const rows = await hub
    .selectFrom('buyer_credentials as c')
    .leftJoin('staff_users as u', 'u.id', 'c.set_by')
    .select(['c.kind', 'c.identifier', 'c.set_at', 'u.name'])
    .where('c.buyer_id', '=', buyer.id)
    .execute();
  const guards = rows.map((row) => credentialGuard(row.kind, row.identifier));
  const locked = new Set(
    guards.length === 0
      ? []
      : (
          await hub
            .selectFrom('login_guards')
            .select('account')
            .where('account', 'in', guards)
            .where('locked_at', 'is not', null)
            .execute()
        ).map((row) => row.account),
  );
  const of = (kind: Kind) => {
    const row = rows.find((candidate) => candidate.kind === kind);
    return row
      ? {
          identifier: row.identifier,
          setAt: row.set_at,
          setBy: row.name,
          locked: locked.has(credentialGuard(row.kind, row.identifier)),
        }
      : null;
  };
  const offline = of('offline_email');
  const code = of('brand_code');
  return {
    buyerId: buyer.id,
    offlineBuyer: buyer.kind === 'offline',
    offlineLogIn: offline && {
      email: offline.identifier,
      setAt: offline.setAt,
      setBy: offline.setBy,
      locked: offline.locked,
    },
    brandCode: code && {
      code: code.identifier,
      setAt: code.setAt,
      setBy: code.setBy,
      locked: code.locked,
    },
  };
}

/** Refuses with every problem at its field, for the form to say there. */
function refuseProblems(problems: readonly CredentialProblem[]): never {
  throw new HubRefusal(
    400,
    'invalid_input',
    `The sign-in is not valid: ${problems.map((p) => `${p.field}: ${p.code}`).join('; ')}.`,
    { issues: problems.map((p) => ({ path: p.field, code: p.code, params: { ...p.params } })) },
  );
}

export interface CredentialChangeDependencies extends PasswordCheckDependencies {
  clock: () => Date;
}

interface Change {
  kind: Kind;
  buyerId: string;
  /** As stored: normalised. */
  identifier: string;
  /** Empty or absent keeps the secret already set. */
  secret: string | undefined;
  /** The rule, given the buyer and whether a secret is set already. */
  problems: (buyerKind: BuyerKind, secretSet: boolean) => CredentialProblem[];
}

/**
 * Sets or replaces one credential: judged by the rule, the secret hashed (outside the
 * write lock), then in one transaction judged again against what is stored now, the
 * identifier refused when another buyer has it, written with who and when, audited.
 */
async function setCredential(
  deps: CredentialChangeDependencies,
  asker: AuthenticatedDevice,
  address: string,
  change: Change,
): Promise<BuyerCredentials> {
  const judge = async (db: StoreDb) => {
    const buyer = await buyerToManage(db, asker, change.buyerId);
    const stored = await hubDb(db)
      .selectFrom('buyer_credentials')
      .select('identifier')
      .where('buyer_id', '=', buyer.id)
      .where('kind', '=', change.kind)
      .executeTakeFirst();
    const problems = change.problems(buyer.kind, stored !== undefined);
    if (problems.length > 0) refuseProblems(problems);
    return { buyer, stored };
  };
  await judge(deps.db);
  const hash = change.secret ? await hashed(deps, address, change.secret) : null;
  const now = deps.clock().toISOString();
  const buyer = await inTransaction(deps.db, async (trx) => {
    const hub = hubDb(trx);
    const { buyer, stored } = await judge(trx);
    const taken = await hub
      .selectFrom('buyer_credentials')
      .select('buyer_id')
      .where('kind', '=', change.kind)
      .where('identifier', '=', change.identifier)
      .where('buyer_id', '!=', buyer.id)
      .executeTakeFirst();
    if (taken) refuseProblems([takenProblem(change.kind === 'offline_email' ? 'email' : 'code')]);
    if (stored) {
      await hub
        .updateTable('buyer_credentials')
        .set({
          identifier: change.identifier,
          ...(hash ? { secret_hash: hash } : {}),
          set_by: asker.userId,
          set_at: now,
        })
        .where('buyer_id', '=', buyer.id)
        .where('kind', '=', change.kind)
        .execute();
    } else {
      await hub
        .insertInto('buyer_credentials')
        .values({
          buyer_id: buyer.id,
          kind: change.kind,
          identifier: change.identifier,
          // Judged above: without a stored one, the secret is required.
          secret_hash: hash!,
          set_by: asker.userId,
          set_at: now,
        })
        .execute();
    }
    await hub
      .insertInto('audit_log')
      .values(
        auditRow({
          at: now,
          actor: { kind: 'staff', userId: asker.userId, device: asker.id },
          action:
            change.kind === 'offline_email'
              ? 'buyer.credentials.offline_set'
              : 'buyer.credentials.code_set',
          subject: `buyer:${buyer.id}`,
          details: {
            [change.kind === 'offline_email' ? 'email' : 'code']: change.identifier,
            ...(stored && stored.identifier !== change.identifier
              ? { previous: stored.identifier }
              : {}),
            secretChanged: hash !== null,
          },
        }),
      )
      .execute();
    return buyer;
  });
  return credentialsOf(deps.db, buyer);
}

/** Hashes a new secret in a slot of the hash gate, as every hash the hub computes. */
async function hashed(
  deps: PasswordCheckDependencies,
  address: string,
  secret: string,
): Promise<string> {
  const slot = hashSlot(deps.gate, address, 'changes');
  try {
    return await deps.passwords.hash(secret);
  } finally {
    slot();
  }
}

export function setOfflineLogIn(
  deps: CredentialChangeDependencies,
  asker: AuthenticatedDevice,
  address: string,
  input: SetOfflineLogInInput,
): Promise<BuyerCredentials> {
  return setCredential(deps, asker, address, {
    kind: 'offline_email',
    buyerId: input.buyerId,
    identifier: normalisedEmail(input.email),
    secret: input.password,
    problems: (buyerKind, passwordSet) =>
      offlineLogInProblems({
        buyerKind,
        email: input.email,
        password: input.password,
        passwordSet,
      }),
  });
}

export function setBrandCode(
  deps: CredentialChangeDependencies,
  asker: AuthenticatedDevice,
  address: string,
  input: SetBrandCodeInput,
): Promise<BuyerCredentials> {
  return setCredential(deps, asker, address, {
    kind: 'brand_code',
    buyerId: input.buyerId,
    identifier: normalisedCode(input.code),
    secret: input.passcode,
    problems: (_buyerKind, passcodeSet) =>
      brandCodeProblems({ code: input.code, passcode: input.passcode, passcodeSet }),
  });
}

/** Removes one credential: nobody logs in with it from now on. Clearing nothing changes nothing. */
export async function clearCredential(
  db: StoreDb,
  asker: AuthenticatedDevice,
  buyerId: string,
  kind: Kind,
  now: Date,
): Promise<BuyerCredentials> {
  const buyer = await inTransaction(db, async (trx) => {
    const hub = hubDb(trx);
    const buyer = await buyerToManage(trx, asker, buyerId);
    const removed = await hub
      .deleteFrom('buyer_credentials')
      .where('buyer_id', '=', buyer.id)
      .where('kind', '=', kind)
      .returning('identifier')
      .executeTakeFirst();
    if (removed) {
      await hub
        .insertInto('audit_log')
        .values(
          auditRow({
            at: now.toISOString(),
            actor: { kind: 'staff', userId: asker.userId, device: asker.id },
            action:
              kind === 'offline_email'
                ? 'buyer.credentials.offline_cleared'
                : 'buyer.credentials.code_cleared',
            subject: `buyer:${buyer.id}`,
            details: { [kind === 'offline_email' ? 'email' : 'code']: removed.identifier },
          }),
        )
        .execute();
    }
    return buyer;
  });
  return credentialsOf(db, buyer);
}
