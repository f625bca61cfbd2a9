import { DTC_CUSTOMER_REFUSALS } from '../domain/dtc-customers.ts';
import { DTC_LINK_REFUSALS } from '../domain/dtc-selections.ts';
import { z } from 'zod';
import { LockedAccount } from '../../preload/contract/index.ts';
import { ORDER_STATE_REFUSALS } from '../domain/order-states.ts';
import { STOCK_REFUSALS } from '../domain/stock.ts';

/**
 * What desktops and hubs say to each other over HTTP. Both sides import this module,
 * so a field cannot mean one thing to the sender and another to the receiver.
 *
 * The protocol version moves when a message changes shape; a hub serves every version
 * from MIN to MAX and tells a client outside that range to update (HTTP 426) before it
 * reads anything else it sent. Mutation names carry their own version
 * (`buyer.create.v1`), so a hub can keep old mutations while it learns new ones.
 */
export const SYNC_PROTOCOL = { min: 1, max: 1 } as const;
export const PROTOCOL_HEADER = 'x-trunkshow-sync-protocol';

/** At most this many mutations per push, and this many log entries per pull page. */
export const PUSH_MAX_MUTATIONS = 200;
export const PUSH_MAX_BYTES = 1024 * 1024;
export const PULL_DEFAULT_LIMIT = 20_000;
export const PULL_MAX_LIMIT = 50_000;

/**
 * A listening desktop hears "changed" at most once per this long, at once after a quiet
 * spell: each notice makes every desktop online pull, and at a show 50 reps scanning
 * make many a second. A desktop pulls right after its own pushes anyway.
 */
export const CHANGE_NOTICE_GAP_MS = 1_000;

const id = z.string().min(1).max(64);

export const SignInRequest = z.strictObject({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .email('Type an email address like name@example.com'),
  password: z.string().min(1, 'Type the password').max(1024),
  deviceName: z.string().trim().min(1).max(120),
  /** The device this desktop held before, so the hub can say what it already applied. */
  previousDeviceId: id.optional(),
});

export const SignedInUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'rep']),
});

export const SignInResponse = z.object({
  deviceId: z.string(),
  /** The device credential; shown once, the hub keeps only its hash. */
  token: z.string(),
  user: SignedInUser,
  brand: z.string(),
  /** How far the hub got with the previous device's outbox, when it was this user's. */
  previousDeviceLastAppliedSeq: z.number().int().nonnegative().nullable(),
});

export const SetupRequest = z.strictObject({
  brandName: z.string().trim().min(1).max(120),
  adminName: z.string().trim().min(1).max(120),
  email: z.string().trim().toLowerCase().max(254).email(),
  password: z.string().min(10, 'Use at least 10 characters for the password').max(1024),
});

export const DemoAccount = z.object({
  email: z.string(),
  password: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'rep']),
});

export const HubHello = z.object({
  brand: z.string().nullable(),
  setupNeeded: z.boolean(),
  demoAccounts: z.array(DemoAccount).nullable(),
  protocol: z.object({ min: z.number().int(), max: z.number().int() }),
  mutations: z.array(z.string()),
});

export const Mutation = z.strictObject({
  seq: z.number().int().positive(),
  name: z.string().min(1).max(100),
  args: z.unknown(),
  /** When the rep made the change, on the device's clock. */
  at: z.iso.datetime(),
});
export type Mutation = z.infer<typeof Mutation>;

export const PushRequest = z.strictObject({
  clientId: id,
  mutations: z.array(Mutation).min(1).max(PUSH_MAX_MUTATIONS),
});

export const REFUSAL_CODES = [
  'forbidden',
  'not_found',
  'conflict',
  'invalid_input',
  // The stock rule's own code (main/domain/stock.ts), so a refusal reads the same everywhere.
  ...STOCK_REFUSALS,
  'deadline_passed',
  // An order's change of state refused by its rules (main/domain/order-states.ts).
  ...ORDER_STATE_REFUSALS,
  // A DTC customer's email another has, a link for a deleted or empty selection (dtc-*.ts).
  ...DTC_CUSTOMER_REFUSALS,
  ...DTC_LINK_REFUSALS,
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export const Refusal = z.object({
  seq: z.number().int().positive(),
  mutation: z.string(),
  subject: z.string().nullable(),
  summary: z.string(),
  code: z.enum(REFUSAL_CODES),
  reason: z.string(),
  args: z.unknown(),
  at: z.string(),
});
export type Refusal = z.infer<typeof Refusal>;

export const MutationResult = z.discriminatedUnion('status', [
  z.object({ seq: z.number().int(), status: z.literal('applied') }),
  z.object({ seq: z.number().int(), status: z.literal('already_applied') }),
  z.object({
    seq: z.number().int(),
    status: z.literal('refused'),
    code: z.enum(REFUSAL_CODES),
    reason: z.string(),
  }),
]);
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  results: z.array(MutationResult),
  lastAppliedSeq: z.number().int().nonnegative(),
});

export const PullRequest = z.strictObject({
  clientId: id,
  /** The hub version the client has everything up to; 0 for a first sync. */
  cursor: z.number().int().nonnegative(),
  /** Refusals with a higher seq are sent. */
  refusalsAfter: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(PULL_MAX_LIMIT).default(PULL_DEFAULT_LIMIT),
});

/** One changed row, or (row null) one deleted; key as the change log keys it. */
export const Change = z.object({
  entity: z.string(),
  key: z.tuple([z.string(), z.string()]),
  row: z.record(z.string(), z.unknown()).nullable(),
});
export type Change = z.infer<typeof Change>;

export const PullResponse = z.object({
  cursor: z.number().int().nonnegative(),
  /** True when there is more to read right away. */
  more: z.boolean(),
  /**
   * The newest version in the hub's change log as the page was read: how far a cursor
   * has to go, so a first sync can say how far it has come. Hubs before it leave it out
   * (an old desktop ignores it), so the protocol version stays.
   */
  head: z.number().int().nonnegative().optional(),
  lastAppliedSeq: z.number().int().nonnegative(),
  changes: z.array(Change),
  refusals: z.array(Refusal),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** Errors carry a code a client can act on and a message a person can read. */
export const SyncErrorCodes = {
  updateRequired: 'update_required',
  deviceRevoked: 'device_revoked',
  unauthorized: 'unauthorized',
  wrongDevice: 'wrong_device',
  outOfOrder: 'out_of_order',
  rateLimited: 'rate_limited',
} as const;

/** The hub's list of devices, as an admin sees it. */
export const DeviceList = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    userName: z.string(),
    userEmail: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  }),
);

/** Accounts locked after too many failed sign-ins or log-ins in a row (admins). */
export const LockedAccountList = z.array(LockedAccount);

export const UnlockRequest = z.strictObject({ account: z.string().min(1).max(400) });
