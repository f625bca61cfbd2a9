import type { Kysely } from 'kysely';

/**
 * Attachments made when the mail is sent (hub only). `mail_outbox.renderings` holds a JSON
 * array of attachment specs (`order_confirmation:<orderId>`) that a renderer registered
 * with the sender turns into a file just before sending: a 500-line order's PDF takes
 * long enough that drawing it inside the transaction placing the order would hold every
 * other writer back, and the document is made again from the order anyway. Existing rows
 * keep their stored attachments; the column is added empty (expand only), so a hub of
 * the previous version reading the same store still sends what it knows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('mail_outbox')
    .addColumn('renderings', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}
