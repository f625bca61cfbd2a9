import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for a test, on 127.0.0.1 only: it asks for a user and password,
 * keeps every mail it accepts, parsed, and can be stopped and started again on its port
 * (a mail server that goes down and comes back).
 */
export interface TestSmtpServer {
  readonly port: number;
  readonly received: ParsedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startSmtpServer(account: {
  user: string;
  password: string;
}): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  let port = 0;
  let server: SMTPServer | null = null;

  async function start(): Promise<void> {
    const next = new SMTPServer({
      // Plain SMTP on loopback: the test checks the sender, not TLS.
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      closeTimeout: 200,
      onAuth(auth, _session, callback) {
        if (auth.username === account.user && auth.password === account.password) {
          callback(null, { user: auth.username });
        } else {
          callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
        }
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    port = (next.server.address() as AddressInfo).port;
    server = next;
  }

  await start();
  return {
    get port() {
      return port;
    },
    received,
    start,
    async stop() {
      const current = server;
      server = null;
      await new Promise<void>((resolve) => (current ? current.close(() => resolve()) : resolve()));
    },
  };
}

/** Hub SMTP settings that point at a test server, signing in as `account`. */
export function smtpSettings(
  server: TestSmtpServer,
  account: { user: string; password: string },
  fromAddress: string,
) {
  return {
    host: '127.0.0.1',
    port: server.port,
    security: 'none' as const,
    user: account.user,
    password: account.password,
    fromAddress,
  };
}

/** A hub's mail sender for tests: retries in milliseconds instead of minutes. */
export const FAST_MAIL = {
  retry: { baseMs: 40, capMs: 200, maxAttempts: 40 },
  staleClaimMs: 10_000,
  pollMs: 50,
};
