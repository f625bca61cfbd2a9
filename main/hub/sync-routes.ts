import type { FastifyInstance, FastifyRequest } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditList, AuditQueryString } from '../../preload/contract/index.ts';
import { readAuditLog } from './audit.ts';
import type { ChangeNotifier } from '../store/change-notices.ts';
import type { StoreDb } from '../store/database.ts';
import { readChanges, readRefusals } from '../sync/hub-feed.ts';
import { applyPush, PushRejected } from '../sync/hub-push.ts';
import { MUTATORS } from '../sync/mutators/index.ts';
import {
  CHANGE_NOTICE_GAP_MS,
  DeviceList,
  HubHello,
  LockedAccountList,
  PROTOCOL_HEADER,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  SetupRequest,
  SignInRequest,
  SignInResponse,
  SYNC_PROTOCOL,
  UnlockRequest,
} from '../sync/protocol.ts';
import { listLockedAccounts, unlockAccount } from './auth/locked-accounts.ts';
import { registerCustomerOrderLinkRoutes } from './customer-order-link-routes.ts';
import { registerDtcLinkRoutes } from './dtc-link-routes.ts';
import { registerSignInTicketRoutes } from './link-sign-in-tickets.ts';
import { registerBuyerCredentialsRoutes } from './buyer-credentials-routes.ts';
import { registerBuyerPeopleRoutes } from './buyer-people-routes.ts';
import { registerCatalogImport } from './catalog-import-route.ts';
import type { HubMail } from './mail/hub-mail.ts';
import { registerMediaRoutes } from './media-routes.ts';
import { registerMailRoutes } from './mail/routes.ts';
import { registerPaymentRoutes } from './payments/routes.ts';
import type { CardPaymentDependencies } from './payments/stripe.ts';
import {
  authenticateDevice,
  deviceStillAllowed,
  listDevices,
  markSeen,
  revokeDevice,
  setUpBrand,
  setupNeeded,
  signIn,
  type AuthenticatedDevice,
} from './auth/accounts.ts';
import type { PasswordCheckDependencies } from './auth/password-attempts.ts';
import { StoreNotEmpty } from '../demo/generate.ts';
import { demoAccounts, seedDemoBrand } from './demo-brand.ts';
import { HubErrorBody } from '../../preload/contract/hub-errors.ts';
import { HubRefusal } from './errors.ts';
import { applyPublicAddress } from './public-address.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { atMostEvery } from '../platform/at-most-every.ts';

/**
 * Sync, sign-in and device routes. Each route checks the protocol version and the
 * device credential, then calls one service; nothing else happens here.
 */
export interface SyncRouteDependencies {
  db: StoreDb;
  clock: () => Date;
  /** Where passwords are checked, behind the hash gate and the attempt limits. */
  passwordChecks: PasswordCheckDependencies;
  /** `--public-url`, given to the brand when it is set up; null without one. */
  publicUrl: string | null;
  /** Told after every write a desktop should pull; feeds the server-sent events. */
  changes: ChangeNotifier;
  /** The hub's mail, whose settings admins manage; null on a hub that sends none. */
  mail: HubMail | null;
  /** Card payments through Stripe; null on a hub without a key file to seal its keys. */
  payments: CardPaymentDependencies | null;
}

const errors = {
  400: HubErrorBody,
  401: HubErrorBody,
  403: HubErrorBody,
  409: HubErrorBody,
  426: HubErrorBody,
  429: HubErrorBody,
  503: HubErrorBody,
};

const { min, max }: { min: number; max: number } = SYNC_PROTOCOL;
const SPOKEN = min === max ? `${min}` : `${min}–${max}`;

function checkProtocol(request: FastifyRequest): void {
  const version = Number(request.headers[PROTOCOL_HEADER]);
  if (!Number.isInteger(version) || version < min || version > max) {
    throw new HubRefusal(
      426,
      'update_required',
      `This hub speaks sync protocol ${SPOKEN}; update Trunkshow to keep syncing. Your changes stay safe on this device.`,
    );
  }
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  const token = header.slice('Bearer '.length).trim();
  return token.length > 0 && token.length <= 128 ? token : null;
}

function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

export function registerSyncRoutes(app: FastifyInstance, deps: SyncRouteDependencies): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock } = deps;
  const streams = new Set<() => void>();
  let closing = false;
  // Before the server waits for open connections to finish: change notices never would.
  app.addHook('preClose', (done) => {
    closing = true;
    for (const end of streams) end();
    done();
  });

  async function device(request: FastifyRequest): Promise<AuthenticatedDevice> {
    checkProtocol(request);
    return authenticateDevice(db, bearer(request), request.ip, clock());
  }

  api.get(
    '/api/hello',
    {
      schema: {
        summary: 'The brand, whether the hub needs setting up, and what sync it speaks',
        tags: ['sync'],
        response: { 200: HubHello },
      },
    },
    async () => {
      const brand = await db.selectFrom('brand_settings').select('name').executeTakeFirst();
      return {
        brand: brand?.name ?? null,
        setupNeeded: await setupNeeded(db),
        demoAccounts: await demoAccounts(db),
        protocol: { ...SYNC_PROTOCOL },
        mutations: [...MUTATORS.keys()],
      };
    },
  );

  api.post(
    '/api/setup',
    {
      schema: {
        summary: "Set up a new hub's brand and first admin (from this machine only)",
        tags: ['sync'],
        body: SetupRequest,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      if (!isLoopback(request.ip)) {
        throw new HubRefusal(403, 'forbidden', 'A hub is set up from the machine it runs on.');
      }
      await setUpBrand(db, request.body, clock());
      if (deps.publicUrl) await applyPublicAddress(db, deps.publicUrl, clock());
      deps.changes.notify();
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/setup/demo',
    {
      schema: {
        summary: 'Fill a new hub with the demo brand (from this machine only)',
        tags: ['sync'],
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      if (!isLoopback(request.ip)) {
        throw new HubRefusal(403, 'forbidden', 'A hub is set up from the machine it runs on.');
      }
      try {
        await seedDemoBrand(db, { catalogDatesFrom: clock() });
      } catch (error) {
        if (!(error instanceof StoreNotEmpty)) throw error;
        throw new HubRefusal(
          409,
          'conflict',
          'This hub already holds a brand; the demo goes only into a new hub.',
        );
      }
      if (deps.publicUrl) await applyPublicAddress(db, deps.publicUrl, clock());
      deps.changes.notify();
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/sync/sign-in',
    {
      schema: {
        summary: 'Sign a desktop in with email and password; answers a device credential',
        tags: ['sync'],
        body: SignInRequest,
        response: { 200: SignInResponse, ...errors },
      },
    },
    async (request) => {
      checkProtocol(request);
      return signIn(deps.passwordChecks, request.body, request.ip, clock());
    },
  );

  api.post(
    '/api/sync/push',
    {
      schema: {
        summary: "Apply a device's changes in seq order, each exactly once",
        tags: ['sync'],
        body: PushRequest,
        response: { 200: PushResponse, ...errors },
      },
    },
    async (request) => {
      const pusher = await device(request);
      if (request.body.clientId !== pusher.id) {
        throw new HubRefusal(
          403,
          'wrong_device',
          "This push names another device than the credential's. Nothing was applied.",
        );
      }
      try {
        const outcome = await applyPush(
          db,
          pusher,
          request.body.mutations,
          clock,
          deps.mail?.secrets ?? null,
        );
        if (outcome.applied > 0) deps.changes.notify();
        return { results: outcome.results, lastAppliedSeq: outcome.lastAppliedSeq };
      } catch (error) {
        if (error instanceof PushRejected) {
          throw new HubRefusal(
            error.status,
            error.code === 'out_of_order'
              ? 'out_of_order'
              : error.code === 'unknown_mutation'
                ? 'unknown_mutation'
                : 'invalid_input',
            error.message,
            error.expectedSeq === undefined ? {} : { expectedSeq: error.expectedSeq },
          );
        }
        throw error;
      }
    },
  );

  api.post(
    '/api/sync/pull',
    {
      schema: {
        summary: 'What changed after a cursor, that this device may see, with its refusals',
        tags: ['sync'],
        body: PullRequest,
        response: { 200: PullResponse, ...errors },
      },
      serializerCompiler: pageSerializer,
    },
    async (request) => {
      const puller = await device(request);
      if (request.body.clientId !== puller.id) {
        throw new HubRefusal(
          403,
          'wrong_device',
          "This pull names another device than the credential's.",
        );
      }
      const now = clock();
      await markSeen(db, puller.id, now);
      const { last_applied_seq: lastAppliedSeq } = await db
        .withTables<{ devices: { id: string; last_applied_seq: number } }>()
        .selectFrom('devices')
        .select('last_applied_seq')
        .where('id', '=', puller.id)
        .executeTakeFirstOrThrow();
      const page = await readChanges(db, puller, request.body.cursor, request.body.limit);
      return {
        ...page,
        lastAppliedSeq,
        refusals: await readRefusals(db, puller.id, request.body.refusalsAfter),
      };
    },
  );

  api.get(
    '/api/sync/events',
    {
      schema: {
        summary: 'Server-sent events: "changed" whenever there is something new to pull',
        tags: ['sync'],
        response: { ...errors },
      },
    },
    async (request, reply) => {
      const listener = await device(request);
      // A stream whose device was still being checked as the hub began closing would
      // open after the streams were ended, and hold the closing hub open for ever.
      if (closing) {
        throw new HubRefusal(503, 'unavailable', 'The hub is stopping. Try again in a moment.');
      }
      const headers = {
        ...SECURITY_HEADERS,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
      };
      reply.hijack();
      const raw = reply.raw;
      // HEAD asks whether the stream would open, not for the stream.
      if (request.method === 'HEAD') return void raw.writeHead(200, headers).end();
      raw.writeHead(200, { ...headers, connection: 'keep-alive' });
      raw.write('retry: 5000\n\nevent: hello\ndata: {}\n\n');
      // A device revoked while listening stops hearing at the next notice (on this
      // instance, the revocation's own) or keep-alive (revoked through another instance).
      let checking: Promise<void> | null = null;
      const stillAllowed = (then: () => void) => {
        checking ??= deviceStillAllowed(db, listener.id)
          .then((allowed) => (allowed ? then() : end()))
          .catch(() => end())
          .finally(() => (checking = null));
      };
      const notices = atMostEvery(CHANGE_NOTICE_GAP_MS, () =>
        stillAllowed(() => raw.write('event: changed\ndata: {}\n\n')),
      );
      const stopListening = deps.changes.listen(() => notices.ask());
      const keepAlive = setInterval(
        () => stillAllowed(() => raw.write(': keep-alive\n\n')),
        20_000,
      );
      const stop = () => {
        clearInterval(keepAlive);
        notices.cancel();
        stopListening();
        streams.delete(end);
      };
      const end = () => {
        stop();
        raw.end();
      };
      streams.add(end);
      request.raw.on('close', stop);
    },
  );

  api.get(
    '/api/devices',
    {
      schema: {
        summary: 'Every device signed in to this hub (admins)',
        tags: ['devices'],
        response: { 200: DeviceList, ...errors },
      },
    },
    async (request) => listDevices(db, await device(request)),
  );

  api.get(
    '/api/audit',
    {
      schema: {
        summary: 'The audit log (API Logs), newest first, by kind (admins)',
        tags: ['audit'],
        querystring: AuditQueryString,
        response: { 200: AuditList, ...errors },
      },
    },
    async (request) => readAuditLog(db, await device(request), request.query),
  );

  api.post(
    '/api/devices/:deviceId/revoke',
    {
      schema: {
        summary: 'Revoke a device: its next request is refused (admins)',
        tags: ['devices'],
        params: z.object({ deviceId: z.string().min(1).max(64) }),
        response: { 200: DeviceList, 404: HubErrorBody, ...errors },
      },
    },
    async (request) => {
      const admin = await device(request);
      await revokeDevice(db, admin, request.params.deviceId, clock());
      deps.changes.notify();
      return listDevices(db, admin);
    },
  );

  api.get(
    '/api/accounts/locked',
    {
      schema: {
        summary: 'Accounts locked after too many failed sign-ins or log-ins in a row (admins)',
        tags: ['devices'],
        response: { 200: LockedAccountList, ...errors },
      },
    },
    async (request) => listLockedAccounts(db, await device(request)),
  );

  api.post(
    '/api/accounts/unlock',
    {
      schema: {
        summary: 'Unlock a locked account; its count of failures starts again (admins)',
        tags: ['devices'],
        body: UnlockRequest,
        response: { 200: LockedAccountList, 404: HubErrorBody, ...errors },
      },
    },
    async (request) => {
      const admin = await device(request);
      await unlockAccount(db, admin, request.body.account, clock());
      return listLockedAccounts(db, admin);
    },
  );

  registerCatalogImport(app, deps, device);
  registerMediaRoutes(app, deps, device);
  if (deps.mail) registerMailRoutes(app, { db, clock, mail: deps.mail }, device);
  if (deps.payments) registerPaymentRoutes(app, deps.payments, device);
  registerBuyerPeopleRoutes(app, { db, clock, mail: deps.mail }, device);
  registerCustomerOrderLinkRoutes(app, { db, mail: deps.mail }, device);
  registerDtcLinkRoutes(app, { db, mail: deps.mail }, device);
  registerSignInTicketRoutes(app, { db, clock }, device);
  registerBuyerCredentialsRoutes(app, { ...deps.passwordChecks, clock }, device);
}

/**
 * A page of changes is written out as it is: its type is checked where it is built, and
 * checking its 20,000 rows again against PullResponse as they leave took the hub as long
 * as reading them (the desktop still checks what it receives). Refusals are checked.
 */
function pageSerializer(route: { httpStatus?: string }) {
  // Fastify hands a route's compiler each status's schema (its types say the route's).
  type ZodRoute = Parameters<typeof serializerCompiler>[0];
  return route.httpStatus === '200'
    ? (page: unknown) => JSON.stringify(page)
    : serializerCompiler(route as ZodRoute);
}
