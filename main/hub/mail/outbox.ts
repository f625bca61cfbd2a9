import { sql, type ExpressionBuilder } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  isMailErrorCode,
  retryDelayMs,
  type MailErrorCode,
  type RetryPolicy,
} from '../../domain/mail.ts';
import type { MailHistoryEntry } from '../../../preload/contract/index.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import type { HubSchema } from '../../store/schema.ts';
import { inTransaction } from '../../store/transactions.ts';

/**
 * The durable outbox: mails are rows in the hub's store, written in the same transaction
 * as the event they tell of and sent later by the sender (sender.ts). Every write here is
 * one guarded statement or one transaction, so two hub processes on one store never send
 * a mail twice in normal operation.
 */

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface OutgoingMail {
  /** One event, one mail: e.g. `order:<id>:placed`. A second enqueue with it does nothing. */
  dedupeKey: string;
  /** What the mail is about, for its history: e.g. `order:<id>`. */
  entity?: string;
  to: readonly string[];
  cc?: readonly string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: readonly MailAttachment[];
  /**
   * Attachments drawn when the mail is sent, by the renderer the sender has for each
   * spec's kind (`order_confirmation:<orderId>`; renderings.ts): a large document is not
   * drawn inside the event's transaction, and a crash before sending loses nothing.
   */
  renderings?: readonly string[];
}

export type EnqueueResult =
  | { id: string; enqueued: true }
  | { id: string | null; enqueued: false; reason: 'duplicate' | 'no_recipient' };

const Recipient = z.email();

/**
 * Puts a mail in the outbox inside the caller's transaction (`trx`), due at once; the
 * caller tells the sender after committing (MailSender.wake, or the change notice it
 * already sends). Never throws for the mail's sake: recipients that are not addresses
 * are left out, and a mail left with none is recorded as failed, so the event itself is
 * never held back by its mail.
 */
export async function enqueueMail(
  trx: StoreDb,
  mail: OutgoingMail,
  now: Date,
): Promise<EnqueueResult> {
  const to = mail.to.filter((address) => Recipient.safeParse(address).success);
  const cc = (mail.cc ?? []).filter(
    (address) => Recipient.safeParse(address).success && !to.includes(address),
  );
  const id = uuidv7();
  const at = now.toISOString();
  const unaddressed = to.length === 0;
  const inserted = await hubDb(trx)
    .insertInto('mail_outbox')
    .values({
      id,
      dedupe_key: mail.dedupeKey,
      entity: mail.entity ?? null,
      to_addresses: JSON.stringify(to),
      cc_addresses: JSON.stringify(cc),
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      renderings: JSON.stringify(mail.renderings ?? []),
      status: unaddressed ? 'failed' : 'queued',
      next_attempt_at: at,
      last_error_code: unaddressed ? ('smtp_rejected' satisfies MailErrorCode) : null,
      last_error_message: unaddressed ? 'The mail has no valid recipient address.' : null,
      created_at: at,
    })
    .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
    return { id: null, enqueued: false, reason: 'duplicate' };
  }
  const attachments = mail.attachments ?? [];
  if (attachments.length > 0) {
    await hubDb(trx)
      .insertInto('mail_attachments')
      .values(
        attachments.map((attachment, position) => ({
          mail_id: id,
          position,
          filename: attachment.filename,
          content_type: attachment.contentType,
          size: attachment.content.byteLength,
          content: attachment.content,
        })),
      )
      .execute();
  }
  return unaddressed ? { id, enqueued: false, reason: 'no_recipient' } : { id, enqueued: true };
}

/** The addresses a row keeps as JSON arrays. */
function recipientsOf(row: { to_addresses: string; cc_addresses: string }) {
  return {
    to: JSON.parse(row.to_addresses) as string[],
    cc: JSON.parse(row.cc_addresses) as string[],
  };
}

export interface ClaimedMail {
  id: string;
  claim: string;
  attempts: number;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string | null;
  attachments: MailAttachment[];
  /** Specs of the attachments to render before sending (OutgoingMail.renderings). */
  renderings: string[];
}

/**
 * Takes up to `limit` due mails for this sender: queued ones whose time has come, and
 * ones another sender claimed longer than `staleMs` ago and never finished (it died).
 * One guarded UPDATE moves them to `sending` under a fresh claim token; SQLite runs it
 * alone, so a mail is claimed by one sender only.
 */
export async function claimDueMails(
  db: StoreDb,
  now: Date,
  options: { limit: number; staleMs: number },
): Promise<ClaimedMail[]> {
  const hub = hubDb(db);
  const at = now.toISOString();
  const staleBefore = new Date(now.getTime() - options.staleMs).toISOString();
  const due = (w: ExpressionBuilder<HubSchema, 'mail_outbox'>) =>
    w.or([
      w.and([w('status', '=', 'queued'), w('next_attempt_at', '<=', at)]),
      w.and([w('status', '=', 'sending'), w('claimed_at', '<=', staleBefore)]),
    ]);
  // A read first: the sender looks at every change notice, and most find nothing due, so
  // they take no write lock. The update repeats the guard; a mail another sender claimed
  // in between is simply not claimed here.
  const candidates = await hub
    .selectFrom('mail_outbox')
    .select('id')
    .where(due)
    .orderBy('next_attempt_at')
    .limit(options.limit)
    .execute();
  if (candidates.length === 0) return [];
  const claim = uuidv7();
  const claimed = await hub
    .updateTable('mail_outbox')
    .set({ status: 'sending', claim, claimed_at: at, attempts: sql`attempts + 1` })
    .where(
      'id',
      'in',
      candidates.map((row) => row.id),
    )
    .where(due)
    .returning([
      'id',
      'attempts',
      'to_addresses',
      'cc_addresses',
      'subject',
      'text_body',
      'html_body',
      'renderings',
    ])
    .execute();
  if (claimed.length === 0) return [];
  const files = await hub
    .selectFrom('mail_attachments')
    .select(['mail_id', 'filename', 'content_type', 'content'])
    .where(
      'mail_id',
      'in',
      claimed.map((row) => row.id),
    )
    .orderBy('mail_id')
    .orderBy('position')
    .execute();
  return claimed.map((row) => ({
    id: row.id,
    claim,
    attempts: row.attempts,
    ...recipientsOf(row),
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    renderings: JSON.parse(row.renderings) as string[],
    attachments: files.flatMap((file) =>
      file.mail_id === row.id && file.content
        ? [{ filename: file.filename, contentType: file.content_type, content: file.content }]
        : [],
    ),
  }));
}

/**
 * Records that a claimed mail went out, unless another sender took it over meanwhile.
 * Its attachments' bytes go: the document can be made again from its order. Attachments
 * rendered for the send are recorded by name and size, for the mail's history.
 */
export async function markSent(
  db: StoreDb,
  mail: ClaimedMail,
  now: Date,
  rendered: readonly MailAttachment[] = [],
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const hub = hubDb(trx);
    const updated = await hub
      .updateTable('mail_outbox')
      .set({
        status: 'sent',
        sent_at: now.toISOString(),
        claim: null,
        last_error_code: null,
        last_error_message: null,
      })
      .where('id', '=', mail.id)
      .where('claim', '=', mail.claim)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return;
    await hub
      .updateTable('mail_attachments')
      .set({ content: null })
      .where('mail_id', '=', mail.id)
      .execute();
    if (rendered.length > 0) {
      const last = await hub
        .selectFrom('mail_attachments')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('mail_id', '=', mail.id)
        .executeTakeFirst();
      const after = (last?.position ?? -1) + 1;
      await hub
        .insertInto('mail_attachments')
        .values(
          rendered.map((file, index) => ({
            mail_id: mail.id,
            position: after + index,
            filename: file.filename,
            content_type: file.contentType,
            size: file.content.byteLength,
            content: null,
          })),
        )
        .execute();
    }
    await hub
      .updateTable('smtp_settings')
      .set({ last_problem_code: null, last_problem_message: null, last_problem_at: null })
      .execute();
  });
}

export interface SendFailure {
  code: MailErrorCode;
  message: string;
  /** The server refused this mail for good: trying again would get the same answer. */
  permanent: boolean;
}

/**
 * Records why a claimed mail did not go out and when to try again: later by the retry
 * policy, or never (failed) once the attempts run out or the refusal is permanent. The
 * problem is also the SMTP settings' last one, for Settings to show.
 */
export async function markFailed(
  db: StoreDb,
  mail: ClaimedMail,
  failure: SendFailure,
  now: Date,
  retry: { policy: RetryPolicy; random: number },
): Promise<void> {
  const giveUp = failure.permanent || mail.attempts >= retry.policy.maxAttempts;
  const next = new Date(
    now.getTime() + retryDelayMs(mail.attempts, retry.policy, retry.random),
  ).toISOString();
  await inTransaction(db, async (trx) => {
    const updated = await hubDb(trx)
      .updateTable('mail_outbox')
      .set({
        status: giveUp ? 'failed' : 'queued',
        next_attempt_at: next,
        claim: null,
        last_error_code: failure.code,
        last_error_message: failure.message,
      })
      .where('id', '=', mail.id)
      .where('claim', '=', mail.claim)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return;
    await recordProblem(trx, failure, now);
  });
}

/** The last problem mail met, for Settings; cleared by the next success. */
export async function recordProblem(
  db: StoreDb,
  problem: { code: MailErrorCode; message: string } | null,
  now: Date,
): Promise<void> {
  await hubDb(db)
    .updateTable('smtp_settings')
    .set({
      last_problem_code: problem?.code ?? null,
      last_problem_message: problem?.message ?? null,
      last_problem_at: problem ? now.toISOString() : null,
    })
    .execute();
}

/**
 * When the sender should look again: the earliest queued mail's time, or when the oldest
 * claim turns stale. Null when nothing is waiting.
 */
export async function nextDueAt(db: StoreDb, staleMs: number): Promise<Date | null> {
  const row = await hubDb(db)
    .selectFrom('mail_outbox')
    .select((eb) => [
      eb.fn.min('next_attempt_at').filterWhere('status', '=', 'queued').as('queued'),
      eb.fn.min('claimed_at').filterWhere('status', '=', 'sending').as('claimed'),
    ])
    .where('status', 'in', ['queued', 'sending'])
    .executeTakeFirst();
  const times = [
    row?.queued ? Date.parse(row.queued) : null,
    row?.claimed ? Date.parse(row.claimed) + staleMs : null,
  ].filter((time): time is number => time !== null);
  return times.length === 0 ? null : new Date(Math.min(...times));
}

/**
 * The SMTP settings changed, so the wait may be over: queued mails become due now, and
 * so do mails given up on for the server's sake (unreachable, a wrong password), which
 * get one more try each. A mail the server refused for good stays failed.
 */
export async function makeWaitingDue(db: StoreDb, now: Date): Promise<void> {
  await hubDb(db)
    .updateTable('mail_outbox')
    .set({ status: 'queued', next_attempt_at: now.toISOString() })
    .where((eb) =>
      eb.or([
        eb('status', '=', 'queued'),
        eb.and([
          eb('status', '=', 'failed'),
          eb('last_error_code', 'is not', null),
          eb('last_error_code', '!=', 'smtp_rejected' satisfies MailErrorCode),
        ]),
      ]),
    )
    .execute();
}

export async function countWaiting(db: StoreDb): Promise<number> {
  const row = await hubDb(db)
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['queued', 'sending'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The mails about one thing (an order), oldest first, as its history shows them. */
export async function mailHistory(db: StoreDb, entity: string): Promise<MailHistoryEntry[]> {
  const hub = hubDb(db);
  const rows = await hub
    .selectFrom('mail_outbox')
    .selectAll()
    .where('entity', '=', entity)
    .orderBy('created_at')
    .orderBy('id')
    .limit(200)
    .execute();
  if (rows.length === 0) return [];
  const files = await hub
    .selectFrom('mail_attachments')
    .select(['mail_id', 'filename', 'size'])
    .where(
      'mail_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    ...recipientsOf(row),
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: isMailErrorCode(row.last_error_code)
      ? { code: row.last_error_code, message: row.last_error_message ?? '' }
      : null,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    nextAttemptAt: row.status === 'queued' ? row.next_attempt_at : null,
    attachments: files
      .filter((file) => file.mail_id === row.id)
      .map((file) => ({ filename: file.filename, size: file.size })),
  }));
}
