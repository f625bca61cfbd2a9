import { z } from 'zod';
import type { MediaKind } from '../domain/media.ts';
import {
  AuditList,
  BuyerCredentials,
  BuyerPeople,
  type SetBrandCodeInput,
  type SetOfflineLogInInput,
  InviteOutcome,
  type InvitePersonInput,
  type AuditEntry,
  type AuditQuery,
  type CatalogImportReport,
  type CsvFileReport,
  type Device,
  type LockedAccount,
  MailHistory,
  MailSettings,
  StripeSettings,
  MailStatus,
  TestMailOutcome,
  type MailHistoryEntry,
  type SmtpSettingsInput,
  type StripeSettingsInput,
  MediaUpload,
  LinkSignInTicket,
} from '../../preload/contract/index.ts';
import { HubIssue } from '../../preload/contract/hub-errors.ts';
import {
  DeviceList,
  HubHello,
  LockedAccountList,
  PROTOCOL_HEADER,
  PullResponse,
  PushResponse,
  SignInResponse,
  SYNC_PROTOCOL,
  type PullRequest,
  type PushRequest,
  type SetupRequest,
  type SignInRequest,
} from './protocol.ts';

/**
 * The desktop's HTTP client for a hub — the built-in one on loopback or a standalone
 * one — one code path for both. Every answer is checked against the protocol before
 * it is believed.
 */

/** The hub could not be reached, or answered that it is busy: try again later. */
export class HubUnreachable extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HubUnreachable';
  }
}

/** The hub answered with a refusal; code and message come from it. */
export class HubAnswered extends Error {
  readonly status: number;
  readonly code: string;
  readonly expectedSeq: number | undefined;
  readonly issues: readonly HubIssue[];
  constructor(
    status: number,
    code: string,
    message: string,
    expectedSeq?: number,
    issues: readonly HubIssue[] = [],
  ) {
    super(message);
    this.name = 'HubAnswered';
    this.status = status;
    this.code = code;
    this.expectedSeq = expectedSeq;
    this.issues = issues;
  }
}

const ErrorAnswer = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    expectedSeq: z.number().optional(),
    issues: z.array(HubIssue).optional(),
  }),
});

const TIMEOUT_MS = 20_000;
const IMPORT_TIMEOUT_MS = 10 * 60_000;
/** A test mail waits for the SMTP server's own timeouts (SMTP_TIMEOUTS_MS) and a little more. */
const TEST_MAIL_TIMEOUT_MS = 90_000;

export interface HubClient {
  readonly url: string;
  hello(): Promise<HelloAnswer>;
  setup(body: z.input<typeof SetupRequest>): Promise<void>;
  setupDemo(): Promise<void>;
  signIn(body: z.input<typeof SignInRequest>): Promise<SignInAnswer>;
  push(token: string, body: z.input<typeof PushRequest>): Promise<PushAnswer>;
  pull(token: string, body: z.input<typeof PullRequest>): Promise<PullAnswer>;
  /** Reads the hub's change notices until the stream ends or the signal aborts. */
  listen(token: string, onChanged: () => void, signal: AbortSignal): Promise<void>;
  devices(token: string): Promise<Omit<Device, 'current'>[]>;
  auditLog(token: string, query: z.output<typeof AuditQuery>): Promise<AuditEntry[]>;
  revokeDevice(token: string, deviceId: string): Promise<Omit<Device, 'current'>[]>;
  lockedAccounts(token: string): Promise<LockedAccount[]>;
  unlockAccount(token: string, account: string): Promise<LockedAccount[]>;
  mailSettings(token: string): Promise<MailSettings>;
  saveMailSettings(token: string, settings: SmtpSettingsInput): Promise<MailSettings>;
  clearMailSettings(token: string): Promise<MailSettings>;
  stripeSettings(token: string): Promise<StripeSettings>;
  saveStripeSettings(token: string, settings: StripeSettingsInput): Promise<StripeSettings>;
  clearStripeSettings(token: string): Promise<StripeSettings>;
  sendTestMail(token: string, to: string): Promise<TestMailOutcome>;
  mailHistory(token: string, entity: string): Promise<MailHistoryEntry[]>;
  /** Whether the hub has an SMTP server to send mail through (any signed-in staff). */
  mailStatus(token: string): Promise<MailStatus>;
  /** The people of a buyer who log in to the buyer pages (buyer-people.ts on the hub). */
  buyerPeople(token: string, buyerId: string): Promise<BuyerPeople>;
  customerOrderLinkToken(token: string, linkId: string): Promise<{ token: string }>;
  /** A DTC checkout link's token (dtc-link-routes.ts on the hub). */
  dtcLinkToken(token: string, linkId: string): Promise<{ token: string }>;
  /** A one-time ticket to open a live link as a buyer (link-sign-in-tickets.ts on the hub). */
  customerOrderLinkSignInTicket(
    token: string,
    linkId: string,
    buyerId: string,
  ): Promise<LinkSignInTicket>;
  invitePerson(token: string, input: InvitePersonInput): Promise<InviteOutcome>;
  resendInvitation(token: string, invitationId: string): Promise<BuyerPeople>;
  revokeInvitation(token: string, invitationId: string): Promise<BuyerPeople>;
  removePerson(token: string, buyerId: string, userId: string): Promise<BuyerPeople>;
  /** A buyer's customer order link sign-in (buyer-credentials.ts on the hub). */
  buyerCredentials(token: string, buyerId: string): Promise<BuyerCredentials>;
  setOfflineLogIn(token: string, input: SetOfflineLogInInput): Promise<BuyerCredentials>;
  clearOfflineLogIn(token: string, buyerId: string): Promise<BuyerCredentials>;
  setBrandCode(token: string, input: SetBrandCodeInput): Promise<BuyerCredentials>;
  clearBrandCode(token: string, buyerId: string): Promise<BuyerCredentials>;
  /** Imports one CSV file; the hub takes products before the prices and stock that name them. */
  importCatalogFile(token: string, file: { name: string; content: string }): Promise<CsvFileReport>;
  /** Uploads a picture or video file; the hub judges it by its bytes (main/hub/media.ts). */
  uploadMedia(
    token: string,
    file: { kind: MediaKind; name: string; bytes: Uint8Array },
  ): Promise<MediaUpload>;
}

type HelloAnswer = z.infer<typeof HubHello>;
type SignInAnswer = z.infer<typeof SignInResponse>;
type PushAnswer = z.infer<typeof PushResponse>;
type PullAnswer = z.infer<typeof PullResponse>;

export function normaliseHubUrl(url: string): string {
  const parsed = new URL(url);
  return parsed.origin;
}

/** `protocol` is the sync protocol this client speaks: this release's by default. */
/** A customer order link's token as the hub gives it to its maker's devices. */
const LinkToken = z.object({ token: z.string().regex(/^[\w-]{43}$/) });

export function createHubClient(url: string, protocol: number = SYNC_PROTOCOL.max): HubClient {
  const base = normaliseHubUrl(url);

  async function request<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    options: {
      token?: string;
      body?: unknown;
      /** A body sent as it is, e.g. a CSV file or a picture, instead of JSON. */
      raw?: { type: string; content: string | Uint8Array };
      schema: z.ZodType<T> | null;
      timeoutMs?: number;
    },
  ): Promise<T> {
    const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(protocol) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.raw) headers['content-type'] = options.raw.type;
    const body = options.raw
      ? options.raw.content
      : options.body === undefined
        ? undefined
        : JSON.stringify(options.body);
    const send = () =>
      fetch(`${base}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
        redirect: 'error',
      });
    let response: Response;
    try {
      response = await send().catch((error: unknown) => {
        // A kept-alive connection the hub closed (it restarted) fails at once; one fresh
        // try tells that apart from a hub that is really gone. Pushes are idempotent.
        if (error instanceof Error && error.name === 'TimeoutError') throw error;
        return send();
      });
    } catch (error) {
      throw new HubUnreachable(`The hub at ${base} cannot be reached.`, { cause: error });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new HubUnreachable(`The connection to the hub at ${base} broke off.`, { cause: error });
    }
    if (response.status === 502 || response.status === 503 || response.status === 504) {
      throw new HubUnreachable(`The hub at ${base} is busy or restarting.`);
    }
    if (!response.ok) {
      const answer = ErrorAnswer.safeParse(safeJson(text));
      if (answer.success) {
        throw new HubAnswered(
          response.status,
          answer.data.error.code,
          answer.data.error.message,
          answer.data.error.expectedSeq,
          answer.data.error.issues,
        );
      }
      throw new HubAnswered(
        response.status,
        'unknown',
        `The hub at ${base} answered ${response.status} without saying why.`,
      );
    }
    if (options.schema === null) return undefined as T;
    const parsed = options.schema.safeParse(safeJson(text));
    if (!parsed.success) {
      throw new HubAnswered(
        response.status,
        'unreadable',
        `The hub at ${base} answered something this app cannot read. Is it a Trunkshow hub?`,
      );
    }
    return parsed.data;
  }

  return {
    url: base,
    hello: () => request('GET', '/api/hello', { schema: HubHello }),
    setup: (body) => request('POST', '/api/setup', { body, schema: null }),
    setupDemo: () => request('POST', '/api/setup/demo', { schema: null, timeoutMs: 5 * 60_000 }),
    signIn: (body) => request('POST', '/api/sync/sign-in', { body, schema: SignInResponse }),
    push: (token, body) => request('POST', '/api/sync/push', { token, body, schema: PushResponse }),
    pull: (token, body) =>
      request('POST', '/api/sync/pull', { token, body, schema: PullResponse, timeoutMs: 60_000 }),
    devices: (token) => request('GET', '/api/devices', { token, schema: DeviceList }),
    auditLog: (token, query) => {
      const params = new URLSearchParams({ kind: query.kind, limit: String(query.limit) });
      if (query.before) params.set('before', query.before);
      return request('GET', `/api/audit?${params.toString()}`, { token, schema: AuditList });
    },
    revokeDevice: (token, deviceId) =>
      request('POST', `/api/devices/${encodeURIComponent(deviceId)}/revoke`, {
        token,
        schema: DeviceList,
      }),
    lockedAccounts: (token) =>
      request('GET', '/api/accounts/locked', { token, schema: LockedAccountList }),
    unlockAccount: (token, account) =>
      request('POST', '/api/accounts/unlock', {
        token,
        body: { account },
        schema: LockedAccountList,
      }),
    mailSettings: (token) => request('GET', '/api/mail/settings', { token, schema: MailSettings }),
    saveMailSettings: (token, settings) =>
      request('PUT', '/api/mail/settings', { token, body: settings, schema: MailSettings }),
    clearMailSettings: (token) =>
      request('DELETE', '/api/mail/settings', { token, schema: MailSettings }),
    stripeSettings: (token) =>
      request('GET', '/api/payments/stripe/settings', { token, schema: StripeSettings }),
    saveStripeSettings: (token, settings) =>
      request('PUT', '/api/payments/stripe/settings', {
        token,
        body: settings,
        schema: StripeSettings,
      }),
    clearStripeSettings: (token) =>
      request('DELETE', '/api/payments/stripe/settings', { token, schema: StripeSettings }),
    sendTestMail: (token, to) =>
      request('POST', '/api/mail/test', {
        token,
        body: { to },
        schema: TestMailOutcome,
        timeoutMs: TEST_MAIL_TIMEOUT_MS,
      }),
    mailHistory: (token, entity) =>
      request('GET', `/api/mail/history?${new URLSearchParams({ entity }).toString()}`, {
        token,
        schema: MailHistory,
      }),
    mailStatus: (token) => request('GET', '/api/mail/status', { token, schema: MailStatus }),
    customerOrderLinkToken: (token, linkId) =>
      request('GET', `/api/customer-order-links/${encodeURIComponent(linkId)}/token`, {
        token,
        schema: LinkToken,
      }),
    dtcLinkToken: (token, linkId) =>
      request('GET', `/api/dtc-links/${encodeURIComponent(linkId)}/token`, {
        token,
        schema: LinkToken,
      }),
    customerOrderLinkSignInTicket: (token, linkId, buyerId) =>
      request('POST', `/api/customer-order-links/${encodeURIComponent(linkId)}/sign-in-tickets`, {
        token,
        body: { buyerId },
        schema: LinkSignInTicket,
      }),
    buyerPeople: (token, buyerId) =>
      request('GET', `/api/buyer-people?${new URLSearchParams({ buyerId }).toString()}`, {
        token,
        schema: BuyerPeople,
      }),
    invitePerson: (token, input) =>
      request('POST', '/api/buyer-people/invite', { token, body: input, schema: InviteOutcome }),
    resendInvitation: (token, invitationId) =>
      request('POST', '/api/buyer-people/resend', {
        token,
        body: { invitationId },
        schema: BuyerPeople,
      }),
    revokeInvitation: (token, invitationId) =>
      request('POST', '/api/buyer-people/revoke', {
        token,
        body: { invitationId },
        schema: BuyerPeople,
      }),
    removePerson: (token, buyerId, userId) =>
      request('POST', '/api/buyer-people/remove', {
        token,
        body: { buyerId, userId },
        schema: BuyerPeople,
      }),
    buyerCredentials: (token, buyerId) =>
      request('GET', `/api/buyer-credentials?${new URLSearchParams({ buyerId }).toString()}`, {
        token,
        schema: BuyerCredentials,
      }),
    setOfflineLogIn: (token, input) =>
      request('POST', '/api/buyer-credentials/offline', {
        token,
        body: input,
        schema: BuyerCredentials,
      }),
    clearOfflineLogIn: (token, buyerId) =>
      request('POST', '/api/buyer-credentials/offline/clear', {
        token,
        body: { buyerId },
        schema: BuyerCredentials,
      }),
    setBrandCode: (token, input) =>
      request('POST', '/api/buyer-credentials/code', {
        token,
        body: input,
        schema: BuyerCredentials,
      }),
    clearBrandCode: (token, buyerId) =>
      request('POST', '/api/buyer-credentials/code/clear', {
        token,
        body: { buyerId },
        schema: BuyerCredentials,
      }),
    async importCatalogFile(token, file) {
      const answer = await request(
        'POST',
        `/api/catalog/import?name=${encodeURIComponent(file.name)}`,
        {
          token,
          raw: { type: 'text/csv', content: file.content },
          schema: z.custom<CatalogImportReport>(
            (value) => typeof value === 'object' && value !== null && 'files' in value,
          ),
          timeoutMs: IMPORT_TIMEOUT_MS,
        },
      );
      return answer.files[0]!;
    },
    uploadMedia: (token, file) =>
      request(
        'POST',
        `/api/media?${new URLSearchParams({ kind: file.kind, name: file.name }).toString()}`,
        {
          token,
          raw: { type: 'application/octet-stream', content: file.bytes },
          schema: MediaUpload,
          timeoutMs: IMPORT_TIMEOUT_MS,
        },
      ),
    async listen(token, onChanged, signal) {
      let response: Response;
      try {
        response = await fetch(`${base}/api/sync/events`, {
          headers: {
            [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max),
            authorization: `Bearer ${token}`,
            accept: 'text/event-stream',
          },
          signal,
        });
      } catch (error) {
        if (signal.aborted) return;
        throw new HubUnreachable(`The hub at ${base} cannot be reached.`, { cause: error });
      }
      if (!response.ok || !response.body) {
        const answer = ErrorAnswer.safeParse(safeJson(await response.text().catch(() => '')));
        if (answer.success)
          throw new HubAnswered(response.status, answer.data.error.code, answer.data.error.message);
        throw new HubUnreachable(`The hub at ${base} did not open its change notices.`);
      }
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body) {
          buffer += decoder.decode(chunk as Uint8Array, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (/^event: changed$/m.test(event)) onChanged();
          }
        }
      } catch (error) {
        if (signal.aborted) return;
        throw new HubUnreachable(`The connection to the hub at ${base} broke off.`, {
          cause: error,
        });
      }
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
