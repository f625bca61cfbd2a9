import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Store } from '../store/database.ts';
import { registerBenchRoutes } from './bench-routes.ts';
import { registerBuyerApp } from './buyer-app.ts';
import { createBuyerApi } from './buyer-api/handlers.ts';
import { registerBuyerApi } from './buyer-api/register.ts';
import { registerCustomerLinkVideos } from './buyer-api/customer-link-videos.ts';
import { registerOpenApiDocument } from './openapi.ts';
import { shareOpenLog } from './share-opens.ts';
import { sharedSelectionCache } from './shared-selections.ts';
import { endQuietConnectionsOnClose } from '../platform/quiet-connections.ts';
import { registerSyncRoutes } from './sync-routes.ts';
import { HashGate, type HashSlots } from './auth/hash-gate.ts';
import { pruneHits } from './auth/limits.ts';
import { argon2Passwords, type PasswordHasher } from './auth/passwords.ts';
import { INPUT_SHAPE_MESSAGES, inputShapeProblem } from '../domain/input-shape.ts';
import { classifyError, errorBody, handleError, HubRefusal } from './errors.ts';
import { HubLogController, createHubLogger, redactUrl } from './logging.ts';
import { registerSecurityHeaders, setSecurityHeaders } from './security-headers.ts';
import { hubVersion } from './status.ts';
import { startHubMail, type HubMail, type HubMailOptions } from './mail/hub-mail.ts';
import { STRIPE_API } from './payments/stripe.ts';

export interface HubServerOptions {
  /** An open store; the caller owns it and closes it after the server. */
  store: Pick<Store, 'db' | 'notices'>;
  /** The buyer web app's build (dist/buyer); null or a folder without index.html serves a "not built" page. */
  buyerAppDir: string | null;
  /** Where request lines go; silent when omitted. Use createHubLogger() to build one. */
  logger?: Logger;
  /** Injected time, for tests; the wall clock otherwise. */
  clock?: () => Date;
  /** Largest request body accepted, in bytes (1 MiB by default). */
  bodyLimit?: number;
  /** The release /api/health reports; package.json's version by default (an embedder may pass app.getVersion()). */
  version?: string;
  /** How passwords are hashed and checked; Argon2id by default (tests count the hashes). */
  passwords?: PasswordHasher;
  /** Password hashes this process computes at once; the domain's bounds by default. */
  hashGate?: HashSlots;
  /**
   * The proxies in front of the hub (addresses or CIDR ranges), whose forwarded headers
   * tell the client's address and whether it came over HTTPS. Empty: the hub is reached
   * directly and forwarded headers are ignored, whoever sends them.
   */
  trustProxy?: readonly string[];
  /** `--public-url`: also given to a brand set up on this hub. */
  publicUrl?: string;
  /** The hub's mail (SMTP settings, outbox sender); without it the hub sends no mail. */
  mail?: HubMailOptions;
  /** `--bench-routes`: also mount the routes only benchmarks use (main/hub/bench-routes.ts). */
  benchRoutes?: boolean;
  /** `--stripe-api`: where Stripe's API is reached (tests: a local stand-in); Stripe's by default. */
  stripeApi?: string;
}

/** How often old limit events are dropped. */
const PRUNE_EVERY_MS = 10 * 60_000;

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Builds the hub's HTTP server, ready to `listen` (or `inject` in a test). It keeps no
 * state another hub instance would need: everything lives in the store.
 */
export async function createHubServer(options: HubServerOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock();
  const version = options.version ?? hubVersion();
  const app = Fastify({
    loggerInstance: options.logger ?? createHubLogger({ level: 'silent' }),
    trustProxy:
      options.trustProxy && options.trustProxy.length > 0 ? [...options.trustProxy] : false,
    logController: new HubLogController(),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // Proto-poisoning attempts are refused, not silently stripped.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    requestTimeout: 30_000,
    // Answers Fastify gives before routing (a malformed URL) take the same shape and headers.
    frameworkErrors: (error, request, typedReply) => {
      const reply = typedReply as unknown as FastifyReply;
      const classified = classifyError(error);
      reply.code(classified.status);
      setSecurityHeaders(reply, redactUrl(request.url));
      request.log.info(
        { method: request.method, path: redactUrl(request.url), status: classified.status },
        'request',
      );
      void reply
        .type('application/json; charset=utf-8')
        .send(errorBody(classified.code, classified.message));
    },
  }) as unknown as FastifyInstance;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerSecurityHeaders(app);
  app.setErrorHandler(handleError);
  // Before any schema: text that is not Unicode or nesting no route needs is refused alike.
  // The router and the query parser hand out objects whose prototype is not a plain object's,
  // which the walk would pass over unread; copying them first makes them plain.
  app.addHook('preValidation', (request, _reply, done) => {
    const problem =
      inputShapeProblem(request.body) ??
      inputShapeProblem({ ...(request.query as object) }) ??
      inputShapeProblem({ ...(request.params as object) });
    done(problem ? new HubRefusal(400, 'invalid_input', INPUT_SHAPE_MESSAGES[problem]) : undefined);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Trunkshow hub',
        description: 'The hub API: health, sync, reps and the buyer pages.',
        version,
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await app.register(fastifyCookie);
  registerOpenApiDocument(app);
  const changes = options.store.notices;
  const passwordChecks = {
    db: options.store.db,
    gate: options.hashGate ?? new HashGate(),
    passwords: options.passwords ?? argon2Passwords,
  };
  const mail = options.mail ? startMailOrSayWhy(app, options.store.db, clock, options.mail) : null;
  if (mail) {
    // Whatever enqueues a mail (an order placed) announces its write; the sender looks then.
    const stopListening = changes.listen(() => mail.sender.changed());
    app.addHook('onClose', () => stopListening());
  }
  // The brand's Stripe keys are sealed in the same box as the SMTP password.
  const payments = mail && {
    db: options.store.db,
    secrets: mail.secrets,
    stripeApi: new URL(options.stripeApi ?? STRIPE_API),
    clock,
    changes,
  };
  registerSyncRoutes(app, {
    db: options.store.db,
    clock,
    changes,
    passwordChecks,
    publicUrl: options.publicUrl ?? null,
    mail,
    payments,
  });
  const opens = shareOpenLog(options.store.db, {
    onWritten: () => changes.notify(),
    onFailed: (error, count) =>
      app.log.error({ err: error, count }, 'share-link opens not counted'),
  });
  // Opens noted in the last moments are written before the store closes.
  app.addHook('onClose', () => opens.flush());
  endQuietConnectionsOnClose(app);
  const buyerApi = createBuyerApi({
    db: options.store.db,
    clock,
    startedAt,
    version,
    changes,
    opens,
    sharedSelections: sharedSelectionCache(),
    passwordChecks,
    mail,
    payments,
  });
  registerBuyerApi(app, buyerApi.handlers, buyerApi.callers);
  registerCustomerLinkVideos(app, { db: options.store.db, clock });
  if (options.benchRoutes) await registerBenchRoutes(app, options.store.db);
  pruneLimitEvents(app, options.store.db, clock);
  const buyerApp = await registerBuyerApp(app, options.buyerAppDir);

  app.setNotFoundHandler((request, reply) => {
    const handled = buyerApp.fallback(request, reply);
    if (handled) return handled;
    const path = request.url.split('?', 1)[0] ?? '';
    const isApi = path === '/api' || path.startsWith('/api/');
    const message = isApi
      ? `The hub has no API route ${request.method} ${redactUrl(path)}.`
      : `Nothing is at ${redactUrl(path)}.`;
    return reply
      .code(404)
      .type('application/json; charset=utf-8')
      .send(errorBody('not_found', message));
  });

  return app;
}

/**
 * The hub's mail, or null with the reason logged when its key file cannot be used: a hub
 * that cannot send mail still takes orders, which never wait for their mail.
 */
function startMailOrSayWhy(
  app: FastifyInstance,
  db: Store['db'],
  clock: () => Date,
  options: HubMailOptions,
): HubMail | null {
  try {
    return startHubMail(app, db, clock, options);
  } catch (error) {
    app.log.error({ err: error }, 'mail is off: its key file cannot be used');
    return null;
  }
}

/** Drops limit events too old to count, at start and every few minutes while the hub runs. */
function pruneLimitEvents(app: FastifyInstance, db: Store['db'], clock: () => Date): void {
  const prune = () =>
    pruneHits(db, clock()).catch((error: unknown) =>
      app.log.error({ err: error }, 'old limit events not pruned'),
    );
  const timer = setInterval(() => void prune(), PRUNE_EVERY_MS);
  timer.unref();
  app.addHook('onReady', async () => {
    await prune();
  });
  app.addHook('onClose', () => clearInterval(timer));
}
