import { z } from 'zod';
import { operation } from './operation.ts';
import type { ExportedFile } from './selections.ts';

const OrderIdInput = z.strictObject({ orderId: z.string().min(1).max(64) });

/** Whether the hub sends mail itself: an SMTP server is set (any signed-in staff may ask). */
export const MailStatus = z.object({ smtpConfigured: z.boolean() });
export type MailStatus = z.infer<typeof MailStatus>;

/**
 * The confirmation's mail, ready for the rep's own mail client: the hub sends it itself
 * when it has an SMTP server (`hubSends`); without one, or while the desktop cannot reach
 * the hub, the rep opens `mailto` and attaches the saved PDF.
 */
export interface OrderMailDraft {
  /** `sends`: the hub mails it; `no_smtp`: no SMTP server is set; `offline`: no hub now. */
  hubSends: 'sends' | 'no_smtp' | 'offline';
  /** The mail, or null for an order whose state calls for none (a cancelled one). */
  mail: {
    to: string[];
    cc: string[];
    subject: string;
    body: string;
    /** A mailto: address with all of the above. */
    mailto: string;
  } | null;
}

export const orderConfirmationOperations = {
  'orders.confirmationPdf': operation<ExportedFile>()({
    input: OrderIdInput,
    summary: "An order's confirmation as a PDF, made from this device's copy (works offline)",
  }),
  'orders.mailDraft': operation<OrderMailDraft>()({
    input: OrderIdInput,
    summary: "An order's confirmation mail as a mailto: draft, and whether the hub sends it itself",
  }),
};
