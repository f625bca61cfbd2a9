import type { z } from 'zod';
import type {
  AuditEntry,
  AuditLine,
  AuditQuery,
  Device,
  LockedAccount,
} from '../../preload/contract/index.ts';
import type { StoreDb } from '../store/database.ts';
import { hubError, type DesktopSession } from './session.ts';

/** The admin's view of devices: asked of the hub, which alone knows them. */
export async function listDevices(session: DesktopSession): Promise<Device[]> {
  const hub = session.hub('Seeing devices');
  try {
    const devices = await hub.client.devices(hub.token);
    return devices.map((device) => ({ ...device, current: device.id === hub.deviceId }));
  } catch (error) {
    throw hubError(error, 'Seeing devices');
  }
}

export async function revokeDevice(session: DesktopSession, deviceId: string): Promise<Device[]> {
  const hub = session.hub('Revoking a device');
  try {
    const devices = await hub.client.revokeDevice(hub.token, deviceId);
    return devices.map((device) => ({ ...device, current: device.id === hub.deviceId }));
  } catch (error) {
    throw hubError(error, 'Revoking a device');
  }
}

/** Accounts locked at the cap of failed attempts, for an admin: the hub alone knows them. */
export async function listLockedAccounts(session: DesktopSession): Promise<LockedAccount[]> {
  const hub = session.hub('Seeing locked accounts');
  try {
    return await hub.client.lockedAccounts(hub.token);
  } catch (error) {
    throw hubError(error, 'Seeing locked accounts');
  }
}

export async function unlockAccount(
  session: DesktopSession,
  account: string,
): Promise<LockedAccount[]> {
  const hub = session.hub('Unlocking an account');
  try {
    return await hub.client.unlockAccount(hub.token, account);
  } catch (error) {
    throw hubError(error, 'Unlocking an account');
  }
}

/** The hub's audit log, for an admin: asked of the hub, which alone keeps it. */
export async function readAudit(
  session: DesktopSession,
  query: z.output<typeof AuditQuery>,
  db: StoreDb,
): Promise<AuditLine[]> {
  const hub = session.hub('Seeing the audit log');
  let entries: AuditEntry[];
  try {
    entries = await hub.client.auditLog(hub.token, query);
  } catch (error) {
    throw hubError(error, 'Seeing the audit log');
  }
  const selectionOf = (entry: AuditEntry): string | null => {
    const details = entry.details as { selectionId?: unknown; args?: { selectionId?: unknown } };
    const id = details.selectionId ?? details.args?.selectionId;
    return typeof id === 'string' ? id : null;
  };
  const ids = [...new Set(entries.flatMap((entry) => selectionOf(entry) ?? []))];
  const names =
    ids.length === 0
      ? []
      : await db.selectFrom('selections').select(['id', 'name']).where('id', 'in', ids).execute();
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return entries.map((entry) => {
    const id = selectionOf(entry);
    const { details } = entry;
    const opens = typeof details.opens === 'number' ? details.opens : null;
    return {
      ...entry,
      selection: id ? (nameOf.get(id) ?? id) : null,
      expiresAt: text(details.expiresAt),
      generatedAt: text(details.generatedAt),
      opens:
        opens === null
          ? null
          : {
              count: opens,
              firstAt: text(details.firstAt) ?? entry.at,
              lastAt: text(details.lastAt) ?? entry.at,
            },
      account:
        /^auth\.(account|credential|link_passcode)_/.test(entry.action) && entry.subject
          ? entry.subject.replace(/^[a-z_]+:/, '')
          : null,
    };
  });
}
