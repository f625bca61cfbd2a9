import type {
  MailHistoryEntry,
  MailSettings,
  SmtpSettingsInput,
  TestMailOutcome,
} from '../../preload/contract/index.ts';
import type { HubClient } from '../sync/hub-client.ts';
import { hubError, type DesktopSession } from './session.ts';

/**
 * Asks the hub for what only it keeps (here the mail: the SMTP settings, whose password
 * never comes to a desktop, and the outbox); online only, a refusal said as doing failed.
 */
export async function askHub<T>(
  session: DesktopSession,
  doing: string,
  ask: (client: HubClient, token: string) => Promise<T>,
): Promise<T> {
  const hub = session.hub(doing);
  try {
    return await ask(hub.client, hub.token);
  } catch (error) {
    throw hubError(error, doing);
  }
}

export const mailSettings = (session: DesktopSession): Promise<MailSettings> =>
  askHub(session, 'Seeing the email settings', (client, token) => client.mailSettings(token));

export const saveMailSettings = (
  session: DesktopSession,
  settings: SmtpSettingsInput,
): Promise<MailSettings> =>
  askHub(session, 'Saving the email settings', (client, token) =>
    client.saveMailSettings(token, settings),
  );

export const clearMailSettings = (session: DesktopSession): Promise<MailSettings> =>
  askHub(session, 'Removing the email settings', (client, token) =>
    client.clearMailSettings(token),
  );

export const sendTestMail = (session: DesktopSession, to: string): Promise<TestMailOutcome> =>
  askHub(session, 'Sending a test email', (client, token) => client.sendTestMail(token, to));

export const mailHistory = (session: DesktopSession, entity: string): Promise<MailHistoryEntry[]> =>
  askHub(session, 'Seeing the mail history', (client, token) => client.mailHistory(token, entity));
