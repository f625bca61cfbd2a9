import type { FastifyInstance } from 'fastify';
import type { RetryPolicy } from '../../domain/mail.ts';
import type { StoreDb } from '../../store/database.ts';
import { ORDER_CONFIRMATION, renderOrderConfirmation } from '../orders/confirmation-mail.ts';
import { SecretBox } from './secret-box.ts';
import { MailSender } from './sender.ts';

/** A hub's mail: the key that seals its secrets and its sender loop. */
export interface HubMail {
  readonly secrets: SecretBox;
  readonly sender: MailSender;
}

export interface HubMailOptions {
  /** The file holding the key that seals the SMTP password (made 0600 on first use). */
  keyFile: string;
  /** Tests shorten the waits between attempts and before a claim is thought stale. */
  retry?: RetryPolicy;
  staleClaimMs?: number;
  pollMs?: number;
}

/**
 * Starts the hub's mail with its server: the sender's first round once the server is
 * ready (mails left from before a restart go out), and its end before the store closes.
 */
export function startHubMail(
  app: FastifyInstance,
  db: StoreDb,
  clock: () => Date,
  options: HubMailOptions,
): HubMail {
  const secrets = SecretBox.fromKeyFile(options.keyFile);
  const sender = new MailSender({
    db,
    clock,
    secrets,
    log: app.log,
    renderers: { [ORDER_CONFIRMATION]: renderOrderConfirmation },
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.staleClaimMs !== undefined ? { staleClaimMs: options.staleClaimMs } : {}),
    ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
  });
  app.addHook('onReady', (done) => {
    sender.wake();
    done();
  });
  app.addHook('onClose', async () => sender.stop());
  return { secrets, sender };
}
