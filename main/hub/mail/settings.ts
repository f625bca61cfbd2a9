import type { z } from 'zod';
import { isMailErrorCode } from '../../domain/mail.ts';
import type { MailSettings, SmtpSettingsInput } from '../../../preload/contract/index.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { auditSettingChange } from '../audit.ts';
import type { AuthenticatedDevice } from '../auth/accounts.ts';
import { countWaiting, makeWaitingDue } from './outbox.ts';
import type { SecretBox } from './secret-box.ts';
import type { SmtpServer } from './transport.ts';
import { inTransaction } from '../../store/transactions.ts';

/**
 * The SMTP server the admin configured, kept on the hub only. The password is sealed
 * before it is stored and opened only for a send; what admins read back says only
 * whether one is set.
 */

export async function readMailSettings(db: StoreDb): Promise<MailSettings> {
  const row = await hubDb(db).selectFrom('smtp_settings').selectAll().executeTakeFirst();
  const waiting = await countWaiting(db);
  const code = row?.last_problem_code ?? null;
  return {
    smtp: row
      ? {
          host: row.host,
          port: row.port,
          security: row.security,
          user: row.username ?? '',
          passwordSet: row.password_sealed !== null,
          fromAddress: row.from_address,
          updatedAt: row.updated_at,
        }
      : null,
    lastProblem:
      row && isMailErrorCode(code)
        ? {
            code,
            message: row.last_problem_message ?? '',
            at: row.last_problem_at ?? row.updated_at,
          }
        : null,
    waiting,
  };
}

/**
 * Sets the SMTP server, audited (without the password). Mails waiting for a retry, or
 * given up on for the server's sake, are tried at once: the change may be what they need.
 */
export async function saveMailSettings(
  db: StoreDb,
  secrets: SecretBox,
  admin: AuthenticatedDevice,
  input: z.output<typeof SmtpSettingsInput>,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const hub = hubDb(trx);
    const before = await hub
      .selectFrom('smtp_settings')
      .select(['username', 'password_sealed'])
      .executeTakeFirst();
    const user = input.user === '' ? null : input.user;
    const password = input.password ? secrets.seal(input.password) : null;
    // A new user name with no new password keeps no password: it was the old user's.
    const sealed =
      user === null
        ? null
        : (password ?? (before?.username === user ? before.password_sealed : null));
    const values = {
      host: input.host,
      port: input.port,
      security: input.security,
      username: user,
      password_sealed: sealed,
      from_address: input.fromAddress,
      last_problem_code: null,
      last_problem_message: null,
      last_problem_at: null,
      updated_at: now.toISOString(),
      updated_by: admin.userId,
    };
    await hub
      .insertInto('smtp_settings')
      .values({ id: 1, ...values })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(values))
      .execute();
    await auditSettingChange(trx, admin, now, {
      action: 'brand.smtp_changed',
      subject: 'brand:smtp',
      details: {
        host: input.host,
        port: input.port,
        security: input.security,
        user,
        fromAddress: input.fromAddress,
        passwordChanged: password !== null,
      },
    });
    await makeWaitingDue(trx, now);
  });
}

/** Forgets the server and its password; mails stay queued until a server is set again. */
export async function clearMailSettings(
  db: StoreDb,
  admin: AuthenticatedDevice,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const deleted = await hubDb(trx).deleteFrom('smtp_settings').executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return;
    await auditSettingChange(trx, admin, now, {
      action: 'brand.smtp_cleared',
      subject: 'brand:smtp',
    });
  });
}

/** The server to send through, password opened; null while none is configured. */
export async function smtpServer(db: StoreDb, secrets: SecretBox): Promise<SmtpServer | null> {
  const row = await hubDb(db).selectFrom('smtp_settings').selectAll().executeTakeFirst();
  if (!row) return null;
  return {
    host: row.host,
    port: row.port,
    security: row.security,
    user: row.username,
    password: row.password_sealed === null ? null : secrets.open(row.password_sealed),
    fromAddress: row.from_address,
  };
}
