import type { TestMailOutcome } from '../../../preload/contract/index.ts';
import type { StoreDb } from '../../store/database.ts';
import { recordProblem } from './outbox.ts';
import type { SecretBox } from './secret-box.ts';
import { smtpServer } from './settings.ts';
import { sendThrough } from './transport.ts';

/**
 * Sends a test mail at once, outside the outbox, so the admin learns whether the
 * settings work while still looking at them. The outcome becomes the settings' last
 * problem (or clears it), as a real send's would.
 */
export async function sendTestMail(
  db: StoreDb,
  secrets: SecretBox,
  to: string,
  now: () => Date,
): Promise<TestMailOutcome> {
  const server = await smtpServer(db, secrets);
  if (!server) {
    return {
      sent: false,
      code: 'smtp_not_configured',
      message: 'No SMTP server is set yet.',
    };
  }
  const failure = await sendThrough(server, {
    to: [to],
    cc: [],
    subject: 'Trunkshow test email',
    text: `This is a test email from your Trunkshow hub, sent through ${server.host}:${server.port}. Order confirmations will go out the same way.`,
    html: null,
    attachments: [],
  });
  await recordProblem(db, failure, now());
  return failure ? { sent: false, code: failure.code, message: failure.message } : { sent: true };
}
