import nodemailer, { type NodemailerError } from 'nodemailer';
import { SMTP_TIMEOUTS_MS, type SmtpSecurity } from '../../domain/mail.ts';
import type { MailAttachment, SendFailure } from './outbox.ts';

/** The SMTP server as the sender uses it: the password opened, held only for the send. */
export interface SmtpServer {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string | null;
  /** Null when none is set, or when the stored one can no longer be opened. */
  password: string | null;
  fromAddress: string;
}

export interface Message {
  to: readonly string[];
  cc: readonly string[];
  subject: string;
  text: string;
  html: string | null;
  attachments: readonly MailAttachment[];
}

/**
 * Sends one message through the server with nodemailer, one connection per send (mails
 * are few and far between; a pool would hold a connection the server may drop). Answers
 * null when the server took it, else why not; it never throws.
 */
export async function sendThrough(
  server: SmtpServer,
  message: Message,
): Promise<SendFailure | null> {
  if (server.user && server.password === null) {
    return {
      code: 'smtp_auth_failed',
      message: 'No password can be read for this SMTP user; enter it again in Settings.',
      permanent: false,
    };
  }
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    ...(server.user ? { auth: { user: server.user, pass: server.password ?? '' } } : {}),
    connectionTimeout: SMTP_TIMEOUTS_MS.connection,
    greetingTimeout: SMTP_TIMEOUTS_MS.greeting,
    socketTimeout: SMTP_TIMEOUTS_MS.socket,
    // What is sent comes from the store only, never from a file or address it names.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    await transport.sendMail({
      from: server.fromAddress,
      to: [...message.to],
      ...(message.cc.length > 0 ? { cc: [...message.cc] } : {}),
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      attachments: message.attachments.map((attachment) => ({
        filename: attachment.filename,
        contentType: attachment.contentType,
        content: Buffer.from(
          attachment.content.buffer,
          attachment.content.byteOffset,
          attachment.content.byteLength,
        ),
      })),
    });
    return null;
  } catch (error) {
    return classifySmtpError(error);
  } finally {
    transport.close();
  }
}

const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EPROXY']);

/** Turns what nodemailer threw into a code the showroom translates, and whether to retry. */
export function classifySmtpError(error: unknown): SendFailure {
  const failure = (error ?? {}) as Partial<NodemailerError>;
  const message = typeof failure.message === 'string' ? failure.message : String(error);
  const permanent = failure.permanent === true;
  if (failure.code === 'EAUTH' || failure.code === 'ENOAUTH') {
    // A wrong password is not the mail's fault: keep it, for the password to be fixed.
    return { code: 'smtp_auth_failed', message, permanent: false };
  }
  if (failure.code === 'ETLS' || failure.code === 'EREQUIRETLS') {
    return { code: 'smtp_tls_failed', message, permanent: false };
  }
  if (failure.code !== undefined && UNREACHABLE.has(failure.code)) {
    return { code: 'smtp_unreachable', message, permanent: false };
  }
  if (failure.responseCode !== undefined || failure.code === 'EENVELOPE') {
    return { code: 'smtp_rejected', message, permanent };
  }
  return { code: 'smtp_failed', message, permanent: false };
}
