import { z } from 'zod';
import {
  MAIL_ERROR_CODES,
  SMTP_LIMITS,
  SMTP_SECURITIES,
  type MailErrorCode,
} from '../../main/domain/mail.ts';
import { operation } from './operation.ts';

/**
 * The hub's mail, as admins configure and watch it. The same shapes travel from the
 * hub to the desktop (checked by main/sync/hub-client.ts) and on to the renderer. The
 * SMTP password goes in only: no answer carries it, only whether one is set.
 */

const Address = z.email().max(SMTP_LIMITS.addressMaxLength);

export const SmtpSettingsInput = z.strictObject({
  host: z
    .string()
    .trim()
    .min(1)
    .max(SMTP_LIMITS.hostMaxLength)
    .regex(/^[A-Za-z0-9.:[\]-]+$/),
  port: z.number().int().min(1).max(65_535),
  security: z.enum(SMTP_SECURITIES),
  /** Empty: the server takes mail without signing in (and no password is kept). */
  user: z.string().trim().max(SMTP_LIMITS.userMaxLength),
  /** Omitted or empty: keep the password already set. */
  password: z.string().max(SMTP_LIMITS.passwordMaxLength).optional(),
  fromAddress: Address,
});
export type SmtpSettingsInput = z.infer<typeof SmtpSettingsInput>;

export const MailProblem = z.object({
  code: z.enum(MAIL_ERROR_CODES),
  /** The server's or library's own words, for whoever configures the server. */
  message: z.string(),
  at: z.string(),
});
export type MailProblem = z.infer<typeof MailProblem>;

export const MailSettings = z.object({
  smtp: z
    .object({
      host: z.string(),
      port: z.number().int(),
      security: z.enum(SMTP_SECURITIES),
      user: z.string(),
      passwordSet: z.boolean(),
      fromAddress: z.string(),
      updatedAt: z.string(),
    })
    .nullable(),
  /** The last send or test that failed, until one succeeds. */
  lastProblem: MailProblem.nullable(),
  /** Mails waiting to go out (queued or being sent). */
  waiting: z.number().int(),
});
export type MailSettings = z.infer<typeof MailSettings>;

export const TestMailInput = z.strictObject({ to: Address });

export const TestMailOutcome = z.discriminatedUnion('sent', [
  z.object({ sent: z.literal(true) }),
  z.object({ sent: z.literal(false), code: z.enum(MAIL_ERROR_CODES), message: z.string() }),
]);
export type TestMailOutcome = z.infer<typeof TestMailOutcome>;

export const MailHistoryInput = z.strictObject({ entity: z.string().min(1).max(200) });

export const MailHistoryEntry = z.object({
  id: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.object({ code: z.enum(MAIL_ERROR_CODES), message: z.string() }).nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  attachments: z.array(z.object({ filename: z.string(), size: z.number().int() })),
});
export type MailHistoryEntry = z.infer<typeof MailHistoryEntry>;
export const MailHistory = z.array(MailHistoryEntry);

export type { MailErrorCode };

export const mailOperations = {
  'mail.settings': operation<MailSettings>()({
    input: z.strictObject({}),
    summary: "The hub's SMTP server and its last problem, without the password (admins)",
  }),
  'mail.saveSettings': operation<MailSettings>()({
    input: SmtpSettingsInput,
    summary: 'Set the SMTP server the hub sends mail through (admins)',
  }),
  'mail.clearSettings': operation<MailSettings>()({
    input: z.strictObject({}),
    summary: 'Forget the SMTP server and its password; mails wait until one is set (admins)',
  }),
  'mail.sendTest': operation<TestMailOutcome>()({
    input: TestMailInput,
    summary: 'Send a test mail through the SMTP server and tell how it went (admins)',
  }),
  'mail.history': operation<MailHistoryEntry[]>()({
    input: MailHistoryInput,
    summary: 'The mails about one thing, such as an order, and how each went (admins)',
  }),
};
