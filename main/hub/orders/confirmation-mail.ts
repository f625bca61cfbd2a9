import {
  confirmationEventFor,
  confirmationMail,
  orderConfirmationDocument,
} from '../../domain/order-confirmation.ts';
import type { Id } from '../../domain/model.ts';
import type { OrderState } from '../../domain/order-states.ts';
import type { StoreDb } from '../../store/database.ts';
import {
  confirmationFile,
  readConfirmationDocument,
  readConfirmationFacts,
} from '../../services/export/order-confirmation.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { renderingSpec, type MailRenderer } from '../mail/renderings.ts';

/** The kind of attachment spec the confirmation's PDF is drawn from at send time. */
export const ORDER_CONFIRMATION = 'order_confirmation';

/**
 * Puts the order's confirmation mail in the outbox, in the caller's transaction (the one
 * that placed or moved the order), so the event and its mail commit together. To the
 * order's contact (else the buyer's contact email), the rep in copy; once per order and
 * event (`order:<id>:<event>`). The PDF is not drawn here but by the sender, just before
 * sending (renderOrderConfirmation). Nothing here refuses: without an address the mail is
 * kept as failed in the order's history (enqueueMail), and the order goes on regardless.
 */
export async function enqueueOrderConfirmation(
  trx: StoreDb,
  orderId: Id,
  state: OrderState,
  at: string,
  /** A cancellation's reason, for its mail. */
  reason = '',
): Promise<void> {
  const event = confirmationEventFor(state);
  if (event === null) return;
  const facts = await readConfirmationFacts(trx, orderId, { withLines: false });
  if (!facts) return;
  const document = orderConfirmationDocument(facts);
  const { subject, text } = confirmationMail(document, event, reason);
  await enqueueMail(
    trx,
    {
      dedupeKey: `order:${orderId}:${event}`,
      entity: `order:${orderId}`,
      to: document.recipients.to,
      cc: document.recipients.cc,
      subject,
      text,
      renderings: [renderingSpec(ORDER_CONFIRMATION, orderId)],
    },
    mailTime(at),
  );
}

/**
 * When the mail is due: the event's time, but never later than this machine's clock. A
 * booth order carries the time its device placed it (a fact), and a device whose clock
 * runs ahead must not hold its buyer's mail back until that time comes.
 */
function mailTime(at: string): Date {
  const event = Date.parse(at);
  return new Date(Number.isNaN(event) ? Date.now() : Math.min(event, Date.now()));
}

/** Draws an order's confirmation PDF for the sender, as the order stands when it is sent. */
export const renderOrderConfirmation: MailRenderer = async (db, orderId) => {
  const document = await readConfirmationDocument(db, orderId);
  if (!document) return null;
  const file = await confirmationFile(document);
  return { filename: file.fileName, contentType: file.contentType, content: file.bytes };
};
