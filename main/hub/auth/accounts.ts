import { v7 as uuidv7 } from 'uuid';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { HubRefusal } from '../errors.ts';
import { can, type StaffAction } from '../../domain/permissions.ts';
import { auditRow } from '../audit.ts';
import { countUnknownToken } from './limits.ts';
import { checkPassword, type PasswordCheckDependencies } from './password-attempts.ts';
import { hashPassword } from './passwords.ts';
import { newToken, tokenHash } from './tokens.ts';
import { inTransaction } from '../../store/transactions.ts';

/**
 * The hub's accounts and devices: setting up a new brand's first admin, signing a
 * desktop in (which issues it a device credential), recognising that credential on
 * every sync, and letting an admin see and revoke devices. Every step is audited.
 */
export interface StaffIdentity {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'rep';
}

export interface AuthenticatedDevice {
  id: string;
  userId: string;
  role: 'admin' | 'rep';
  user: StaffIdentity;
}

async function audit(
  db: StoreDb,
  entry: {
    at: string;
    actorId: string | null;
    device: string | null;
    action: string;
    subject: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const { actorId, device, ...rest } = entry;
  await db
    .insertInto('audit_log')
    .values(
      auditRow({
        ...rest,
        actor: actorId ? { kind: 'staff', userId: actorId, device } : { kind: 'system' },
      }),
    )
    .execute();
}

export async function setupNeeded(db: StoreDb): Promise<boolean> {
  const anyone = await db.selectFrom('staff_users').select('id').limit(1).executeTakeFirst();
  return !anyone;
}

/** Creates the brand and its first admin; refused once anyone exists. */
export async function setUpBrand(
  db: StoreDb,
  input: { brandName: string; adminName: string; email: string; password: string },
  now: Date,
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    const anyone = await trx.selectFrom('staff_users').select('id').limit(1).executeTakeFirst();
    if (anyone) {
      throw new HubRefusal(409, 'conflict', 'This hub is already set up. Sign in instead.');
    }
    const adminId = uuidv7();
    await trx
      .insertInto('brand_settings')
      .values({ id: 1, name: input.brandName, default_language: 'en', updated_at: at })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: input.brandName, updated_at: at }))
      .execute();
    await trx
      .insertInto('staff_users')
      .values({
        id: adminId,
        email: input.email,
        name: input.adminName,
        role: 'admin',
        password_hash: passwordHash,
        created_at: at,
      })
      .execute();
    await audit(trx, {
      at,
      actorId: adminId,
      device: null,
      action: 'brand.setup',
      subject: `brand:${input.brandName}`,
    });
  });
}

function deviceRevokedMessage(revokedAt: string): string {
  return `An admin revoked this device on ${revokedAt.slice(0, 10)}. Sign in again to keep syncing; changes made on this device are kept until then.`;
}

/**
 * Checks email and password (through checkPassword: limits reserved before any hash is
 * computed) and issues a new device credential. A wrong email and a wrong password get
 * the same answer after the same work.
 */
export async function signIn(
  deps: PasswordCheckDependencies,
  input: {
    email: string;
    password: string;
    deviceName: string;
    previousDeviceId?: string | undefined;
  },
  address: string,
  now: Date,
): Promise<{
  deviceId: string;
  token: string;
  user: StaffIdentity;
  brand: string;
  previousDeviceLastAppliedSeq: number | null;
}> {
  const { db } = deps;
  const user = await db
    .selectFrom('staff_users')
    .select(['id', 'email', 'name', 'role', 'password_hash'])
    .where('email', '=', input.email)
    .executeTakeFirst();
  const matches = await checkPassword(deps, {
    kind: 'staff',
    email: input.email,
    password: input.password,
    storedHash: user?.password_hash ?? null,
    address,
    now,
  });
  const at = now.toISOString();
  if (!user || !matches) {
    await audit(db, {
      at,
      actorId: null,
      device: null,
      action: 'auth.sign_in_failed',
      subject: `email:${input.email}`,
      details: { address },
    });
    throw new HubRefusal(401, 'unauthorized', 'The email or password is not right.');
  }

  const token = newToken();
  const deviceId = uuidv7();
  const hub = hubDb(db);
  const brand = await db.selectFrom('brand_settings').select('name').executeTakeFirst();
  const previous = input.previousDeviceId
    ? await hub
        .selectFrom('devices')
        .select('last_applied_seq')
        .where('id', '=', input.previousDeviceId)
        .where('user_id', '=', user.id)
        .executeTakeFirst()
    : undefined;
  await inTransaction(db, async (trx) => {
    await hubDb(trx)
      .insertInto('devices')
      .values({
        id: deviceId,
        user_id: user.id,
        name: input.deviceName,
        token_hash: tokenHash(token),
        created_at: at,
        last_seen_at: at,
      })
      .execute();
    await audit(trx, {
      at,
      actorId: user.id,
      device: deviceId,
      action: 'auth.device_signed_in',
      subject: `device:${deviceId}`,
      details: { name: input.deviceName, address },
    });
  });
  return {
    deviceId,
    token,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    brand: brand?.name ?? '',
    previousDeviceLastAppliedSeq: previous?.last_applied_seq ?? null,
  };
}

/**
 * Recognises a device credential; a revoked device is told so, in words, on its next
 * request. A known credential is always recognised, whatever others tried from the
 * same address: only unknown ones count against the address, and only they are
 * refused for it.
 */
export async function authenticateDevice(
  db: StoreDb,
  token: string | null,
  address: string,
  now: Date,
): Promise<AuthenticatedDevice> {
  const device = token
    ? await hubDb(db)
        .selectFrom('devices')
        .innerJoin('staff_users', 'staff_users.id', 'devices.user_id')
        .select([
          'devices.id',
          'devices.revoked_at',
          'staff_users.id as userId',
          'staff_users.email',
          'staff_users.name',
          'staff_users.role',
        ])
        .where('devices.token_hash', '=', tokenHash(token))
        .executeTakeFirst()
    : undefined;
  if (!device) {
    await countUnknownToken(
      db,
      `device-token@${address}`,
      now,
      'Too many requests with an unknown device credential. Try again later.',
    );
    throw new HubRefusal(
      401,
      'unauthorized',
      'This hub does not recognise this device. Sign in again.',
    );
  }
  if (device.revoked_at) {
    throw new HubRefusal(401, 'device_revoked', deviceRevokedMessage(device.revoked_at));
  }
  return {
    id: device.id,
    userId: device.userId,
    role: device.role,
    user: { id: device.userId, email: device.email, name: device.name, role: device.role },
  };
}

/** Whether a device recognised earlier may still be told about changes: not revoked since. */
export async function deviceStillAllowed(db: StoreDb, deviceId: string): Promise<boolean> {
  const device = await hubDb(db)
    .selectFrom('devices')
    .select('revoked_at')
    .where('id', '=', deviceId)
    .executeTakeFirst();
  return device !== undefined && device.revoked_at === null;
}

export interface DeviceRow {
  id: string;
  name: string;
  userName: string;
  userEmail: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** Refuses whoever's role may not do `action`; `doing` completes "Only an admin can …". */
export function requirePermission(
  device: AuthenticatedDevice,
  action: StaffAction,
  doing: string,
): void {
  if (!can(device.role, action)) {
    throw new HubRefusal(403, 'forbidden', `Only an admin can ${doing}.`);
  }
}

export async function listDevices(db: StoreDb, asker: AuthenticatedDevice): Promise<DeviceRow[]> {
  requirePermission(asker, 'manageDevices', 'see and revoke devices');
  const rows = await hubDb(db)
    .selectFrom('devices')
    .innerJoin('staff_users', 'staff_users.id', 'devices.user_id')
    .select([
      'devices.id',
      'devices.name',
      'staff_users.name as userName',
      'staff_users.email as userEmail',
      'devices.created_at as createdAt',
      'devices.last_seen_at as lastSeenAt',
      'devices.revoked_at as revokedAt',
    ])
    .orderBy('devices.revoked_at', (ob) => ob.desc().nullsFirst())
    .orderBy('devices.last_seen_at', 'desc')
    .execute();
  return rows;
}

export async function revokeDevice(
  db: StoreDb,
  asker: AuthenticatedDevice,
  deviceId: string,
  now: Date,
): Promise<void> {
  requirePermission(asker, 'manageDevices', 'see and revoke devices');
  if (deviceId === asker.id) {
    throw new HubRefusal(
      409,
      'conflict',
      'This is the device you are using. Sign out on it instead.',
    );
  }
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    const devices = hubDb(trx);
    const device = await devices
      .selectFrom('devices')
      .select(['id', 'revoked_at'])
      .where('id', '=', deviceId)
      .executeTakeFirst();
    if (!device) throw new HubRefusal(404, 'not_found', 'There is no such device on this hub.');
    if (device.revoked_at) return;
    await devices
      .updateTable('devices')
      .set({ revoked_at: at, revoked_by: asker.userId })
      .where('id', '=', deviceId)
      .execute();
    await audit(trx, {
      at,
      actorId: asker.userId,
      device: asker.id,
      action: 'auth.device_revoked',
      subject: `device:${deviceId}`,
    });
  });
}

/** Notes that a device was heard from, at most once a minute, for the admin's list. */
export async function markSeen(db: StoreDb, deviceId: string, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - 60_000).toISOString();
  await hubDb(db)
    .updateTable('devices')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', deviceId)
    .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', cutoff)]))
    .execute();
}
