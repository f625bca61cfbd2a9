import {
  confirmationEventFor,
  type ConfirmationEvent,
  confirmationMail,
  confirmationMailto,
  type ConfirmationDocument,
} from '../domain/order-confirmation.ts';
import type { StoreDb } from '../store/database.ts';
import { HubUnreachable } from '../sync/hub-client.ts';
import {
  OperationError,
  type ExportedFile,
  type OrderMailDraft,
} from '../../preload/contract/index.ts';
import { confirmationFile, readConfirmationDocument } from './export/order-confirmation.ts';
import type { DesktopServices } from './handlers.ts';
import { hubError } from './session.ts';

/**
 * The order confirmation on the desktop: drawn from the replica, so a rep can hand it
 * over at the booth with no network, the same document the hub mails (domain/order-confirmation.ts).
 */
async function documentOf(db: StoreDb, orderId: string): Promise<ConfirmationDocument> {
  const document = await readConfirmationDocument(db, orderId);
  if (!document) throw new OperationError('not_found', 'This order is not on this device.');
  return document;
}

export async function orderConfirmationPdf(
  services: Pick<DesktopServices, 'db' | 'clock'>,
  orderId: string,
): Promise<ExportedFile> {
  const document = await documentOf(services.db, orderId);
  return confirmationFile(document, { now: services.clock() });
}

/**
 * The confirmation's mail as a draft for the rep's mail client, with whether the hub will
 * send it itself: it does when it has an SMTP server; without one, or when the desktop
 * cannot reach the hub (or is not signed in), the rep sends the draft with the saved PDF.
 */
export async function orderMailDraft(
  services: DesktopServices,
  orderId: string,
): Promise<OrderMailDraft> {
  const document = await documentOf(services.db, orderId);
  const event = confirmationEventFor(document.status);
  const hub = await hubSends(services);
  if (event === null) return { hubSends: hub, mail: null };
  const mail = confirmationMail(document, event, await cancelReason(services, orderId, event));
  return {
    hubSends: hub,
    mail: {
      to: [...document.recipients.to],
      cc: [...document.recipients.cc],
      subject: mail.subject,
      body: mail.text,
      mailto: confirmationMailto(document, mail),
    },
  };
}

/** Why a cancelled order was cancelled, from its history (synced with the order). */
async function cancelReason(
  services: DesktopServices,
  orderId: string,
  event: ConfirmationEvent,
): Promise<string> {
  if (event !== 'cancelled') return '';
  const cancelled = await services.db
    .selectFrom('order_events')
    .select('reason')
    .where('order_id', '=', orderId)
    .where('to_state', '=', 'Cancelled')
    .orderBy('at', 'desc')
    .executeTakeFirst();
  return cancelled?.reason ?? '';
}

async function hubSends(services: DesktopServices): Promise<OrderMailDraft['hubSends']> {
  let hub;
  try {
    hub = services.session.hub('Seeing whether the hub sends email');
  } catch {
    return 'offline';
  }
  try {
    const status = await hub.client.mailStatus(hub.token);
    return status.smtpConfigured ? 'sends' : 'no_smtp';
  } catch (error) {
    if (error instanceof HubUnreachable) return 'offline';
    throw hubError(error, 'Seeing whether the hub sends email');
  }
}
