import { sql, type Kysely } from 'kysely';

/**
 * The hub's mail (hub only: nothing here syncs, so the SMTP password never leaves the hub).
 *
 * - `mail_outbox`: one row per mail to send, written in the same transaction as the event
 *   it tells of, so a mail is never lost and an event never waits for SMTP. `dedupe_key`
 *   (e.g. `order:<id>:placed`) is unique: one event enqueues at most one mail, however
 *   often it is retried. A sender claims a row by moving it from `queued` to `sending`
 *   with `claimed_at` and a `claim` token in one guarded update; a claim older than the
 *   stale limit belongs to a sender that died mid-send and is taken again (the one resend
 *   a crash may cause). `entity` names what the mail is about (`order:<id>`), for history.
 * - `mail_attachments`: the bytes of each attachment, made when the event happened (the
 *   document as it was then, with no renderer needed at send time), and dropped once the
 *   mail is sent, since the document can be made again from its order.
 * - `smtp_settings`: the one SMTP server the admin configured; the password only as
 *   AES-256-GCM ciphertext under a key kept in a file beside the store, not in it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('entity', 'text')
    .addColumn('to_addresses', 'text', (c) => c.notNull())
    .addColumn('cc_addresses', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'sending', 'sent', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('claim', 'text')
    .addColumn('last_error_code', 'text')
    .addColumn('last_error_message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('mail_outbox_due')
    .on('mail_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('mail_outbox_entity')
    .on('mail_outbox')
    .columns(['entity', 'created_at'])
    .where(sql.ref('entity'), 'is not', null)
    .execute();

  await db.schema
    .createTable('mail_attachments')
    .addColumn('mail_id', 'text', (c) =>
      c.notNull().references('mail_outbox.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', 'blob')
    .addPrimaryKeyConstraint('mail_attachments_pk', ['mail_id', 'position'])
    .execute();

  await db.schema
    .createTable('smtp_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('security', 'text', (c) =>
      c.notNull().check(sql`security in ('tls', 'starttls', 'none')`),
    )
    .addColumn('username', 'text')
    .addColumn('password_sealed', 'text')
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('last_problem_code', 'text')
    .addColumn('last_problem_message', 'text')
    .addColumn('last_problem_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}
