import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  MailHistory,
  MailHistoryInput,
  MailSettings,
  MailStatus,
  SmtpSettingsInput,
  TestMailInput,
  TestMailOutcome,
} from '../../../preload/contract/index.ts';
import { HubErrorBody } from '../../../preload/contract/hub-errors.ts';
import type { StoreDb } from '../../store/database.ts';
import { requirePermission, type AuthenticatedDevice } from '../auth/accounts.ts';
import { mailHistory } from './outbox.ts';
import type { HubMail } from './hub-mail.ts';
import { clearMailSettings, readMailSettings, saveMailSettings } from './settings.ts';
import { sendTestMail } from './test-mail.ts';

const errors = { 400: HubErrorBody, 401: HubErrorBody, 403: HubErrorBody, 426: HubErrorBody };
const DOING = "set up the hub's email";

/** Admins' mail routes: each checks the device and the permission, then calls one service. */
export function registerMailRoutes(
  app: FastifyInstance,
  deps: { db: StoreDb; clock: () => Date; mail: HubMail },
  device: (request: FastifyRequest) => Promise<AuthenticatedDevice>,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, mail } = deps;

  async function admin(request: FastifyRequest): Promise<AuthenticatedDevice> {
    const asker = await device(request);
    requirePermission(asker, 'configureMail', DOING);
    return asker;
  }

  api.get(
    '/api/mail/settings',
    {
      schema: {
        summary: 'The SMTP server, without its password, and the last problem (admins)',
        tags: ['mail'],
        response: { 200: MailSettings, ...errors },
      },
    },
    async (request) => {
      await admin(request);
      return readMailSettings(db);
    },
  );

  api.get(
    '/api/mail/status',
    {
      schema: {
        summary: 'Whether the hub sends mail itself: an SMTP server is set (any staff device)',
        tags: ['mail'],
        response: { 200: MailStatus, ...errors },
      },
    },
    async (request) => {
      // A rep's desktop asks, to offer a prepared mail instead when the hub cannot send.
      await device(request);
      const settings = await readMailSettings(db);
      return { smtpConfigured: settings.smtp !== null };
    },
  );

  api.put(
    '/api/mail/settings',
    {
      schema: {
        summary: 'Set the SMTP server; the password is stored sealed, never answered (admins)',
        tags: ['mail'],
        body: SmtpSettingsInput,
        response: { 200: MailSettings, ...errors },
      },
    },
    async (request) => {
      await saveMailSettings(db, mail.secrets, await admin(request), request.body, clock());
      mail.sender.wake();
      return readMailSettings(db);
    },
  );

  api.delete(
    '/api/mail/settings',
    {
      schema: {
        summary: 'Forget the SMTP server and its password (admins)',
        tags: ['mail'],
        response: { 200: MailSettings, ...errors },
      },
    },
    async (request) => {
      await clearMailSettings(db, await admin(request), clock());
      return readMailSettings(db);
    },
  );

  api.post(
    '/api/mail/test',
    {
      schema: {
        summary: 'Send a test mail now and answer how it went, as a code (admins)',
        tags: ['mail'],
        body: TestMailInput,
        response: { 200: TestMailOutcome, ...errors },
      },
    },
    async (request) => {
      await admin(request);
      return sendTestMail(db, mail.secrets, request.body.to, clock);
    },
  );

  api.get(
    '/api/mail/history',
    {
      schema: {
        summary: 'The mails about one thing, such as `order:<id>`, and how each went (admins)',
        tags: ['mail'],
        querystring: MailHistoryInput,
        response: { 200: MailHistory, ...errors },
      },
    },
    async (request) => {
      await admin(request);
      return mailHistory(db, request.query.entity);
    },
  );
}
