import {
  DEFAULT_RETRY,
  MAIL_LOOK_GAP_MS,
  MAIL_POLL_MS,
  STALE_CLAIM_MS,
  type RetryPolicy,
} from '../../domain/mail.ts';
import type { StoreDb } from '../../store/database.ts';
import {
  claimDueMails,
  markFailed,
  markSent,
  nextDueAt,
  type MailAttachment,
  type SendFailure,
} from './outbox.ts';
import { atMostEvery } from '../../platform/at-most-every.ts';
import { renderAttachments, type MailRenderers } from './renderings.ts';
import { openMailText } from './sealed-text.ts';
import type { SecretBox } from './secret-box.ts';
import { smtpServer } from './settings.ts';
import { sendThrough } from './transport.ts';

export interface MailSenderOptions {
  db: StoreDb;
  clock: () => Date;
  secrets: SecretBox;
  /** Where problems are told (never with a password: none reaches a message). */
  log: {
    error(details: object, message: string): void;
    info(details: object, message: string): void;
  };
  /** What draws the attachments mails ask for at send time, by kind (renderings.ts). */
  renderers?: MailRenderers;
  /** Tests shorten these; the domain's defaults otherwise. */
  retry?: RetryPolicy;
  staleClaimMs?: number;
  pollMs?: number;
  random?: () => number;
}

/** How long stop() lets a send under way finish before the store closes under it. */
const STOP_GRACE_MS = 5_000;

/**
 * Sends what the outbox holds, one loop per hub process: wakes when told a mail was
 * enqueued, when the next retry falls due, and at least every poll (for mails another
 * process enqueued). Rounds never overlap within a process, and claims keep processes
 * apart. Nothing it meets is thrown: a failed round is logged and tried again.
 */
export class MailSender {
  readonly #options: MailSenderOptions;
  readonly #retry: RetryPolicy;
  readonly #staleMs: number;
  readonly #pollMs: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** Looks asked for by changes: at most one per MAIL_LOOK_GAP_MS. */
  readonly #looks = atMostEvery(MAIL_LOOK_GAP_MS, () => this.wake());
  #round: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  /** Whether the last round found an SMTP server; without one, due mails wait for a poll. */
  #configured = true;

  constructor(options: MailSenderOptions) {
    this.#options = options;
    this.#retry = options.retry ?? DEFAULT_RETRY;
    this.#staleMs = options.staleClaimMs ?? STALE_CLAIM_MS;
    this.#pollMs = options.pollMs ?? MAIL_POLL_MS;
  }

  /** Looks at the outbox now (or right after the round under way): a mail was enqueued here. */
  wake(): void {
    if (this.#stopped) return;
    if (this.#round) {
      this.#again = true;
      return;
    }
    this.#clearTimer();
    this.#round = this.#run().finally(() => {
      this.#round = null;
    });
  }

  /**
   * The hub's data changed somewhere (the change notices): a mail may have been enqueued,
   * by this instance or another. Looks soon, at most once per MAIL_LOOK_GAP_MS.
   */
  changed(): void {
    if (!this.#stopped) this.#looks.ask();
  }

  /** Resolves once the current round, if any, is over; for tests. */
  async idle(): Promise<void> {
    while (this.#round) await this.#round;
  }

  /**
   * Sends no more. A send under way gets a few seconds to finish; one that takes longer
   * stays claimed and is sent again once its claim is stale (the crash case).
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#clearTimer();
    this.#looks.cancel();
    const round = this.#round;
    if (!round) return;
    let grace: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      round,
      new Promise<void>((resolve) => {
        grace = setTimeout(resolve, STOP_GRACE_MS);
      }),
    ]);
    clearTimeout(grace);
  }

  async #run(): Promise<void> {
    do {
      this.#again = false;
      try {
        while (!this.#stopped && (await this.#sendNext())) {
          // One mail at a time (see STALE_CLAIM_MS), until none is due.
        }
      } catch (error) {
        this.#options.log.error({ err: error }, 'mail outbox round failed');
      }
    } while (this.#again && !this.#stopped);
    await this.#scheduleNext();
  }

  /** Claims and sends the next due mail; false when none was due. */
  async #sendNext(): Promise<boolean> {
    const { db, clock, secrets } = this.#options;
    const server = await smtpServer(db, secrets);
    this.#configured = server !== null;
    // Without a server nothing is claimed: mails wait, due, until one is set (which wakes us).
    if (!server) return false;
    const [mail] = await claimDueMails(db, clock(), { limit: 1, staleMs: this.#staleMs });
    if (!mail) return false;
    let rendered: MailAttachment[] = [];
    let failure: SendFailure | null = null;
    try {
      // Drawn now, outside any transaction, just before the mail goes out.
      rendered = await renderAttachments(db, this.#options.renderers ?? {}, mail.renderings);
    } catch (error) {
      this.#options.log.error({ err: error, mail: mail.id }, 'mail attachment not drawn');
      failure = {
        code: 'attachment_failed',
        message: error instanceof Error ? error.message : String(error),
        permanent: false,
      };
    }
    const text = openMailText(secrets, mail.text);
    if (text === null) {
      // Sealed under a key file since replaced: the SMTP password went with it.
      failure ??= {
        code: 'smtp_not_configured',
        message: "The mail's text was sealed under a key this hub no longer has.",
        permanent: true,
      };
    }
    failure ??= await sendThrough(server, {
      ...mail,
      text: text ?? '',
      attachments: [...mail.attachments, ...rendered],
    });
    if (failure) {
      this.#options.log.error(
        { mail: mail.id, attempt: mail.attempts, code: failure.code, reason: failure.message },
        'mail not sent',
      );
      await markFailed(db, mail, failure, clock(), {
        policy: this.#retry,
        random: (this.#options.random ?? Math.random)(),
      });
    } else {
      this.#options.log.info({ mail: mail.id, attempt: mail.attempts }, 'mail sent');
      await markSent(db, mail, clock(), rendered);
    }
    return true;
  }

  async #scheduleNext(): Promise<void> {
    if (this.#stopped) return;
    let wait = this.#pollMs;
    try {
      const due = await nextDueAt(this.#options.db, this.#staleMs);
      if (due && this.#configured)
        wait = Math.min(wait, Math.max(0, due.getTime() - this.#options.clock().getTime()));
    } catch (error) {
      this.#options.log.error({ err: error }, 'mail outbox not read');
    }
    if (this.#stopped) return;
    this.#clearTimer();
    this.#timer = setTimeout(() => this.wake(), wait);
    // The hub's process ends when its server closes, not when its mail is done waiting.
    this.#timer.unref();
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
