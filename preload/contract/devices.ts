import { z } from 'zod';
import { GUARDED_KINDS } from '../../main/domain/rate-limit.ts';
import { operation } from './operation.ts';

/** A desktop signed in to the hub with a device credential. */
export interface Device {
  id: string;
  name: string;
  userName: string;
  userEmail: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** This desktop. */
  current: boolean;
}

/**
 * An account locked after too many failed sign-ins or log-ins in a row, or a buyer's
 * credential or a customer order link's passcode locked at its lifetime cap of failures.
 */
export const LockedAccount = z.object({
  /** What unlocking names: `<kind>:<identifier>`, e.g. `staff:<email>` or `link:<id>`. */
  account: z.string(),
  kind: z.enum(GUARDED_KINDS),
  /** The email, the buyer's unique code, or the link's id. */
  identifier: z.string(),
  /** The staff member, buyer user or buyer; for a link, empty. */
  name: z.string(),
  lockedAt: z.string(),
  /** The failures that locked it: in a row for an account, ever for a credential or link. */
  failures: z.number().int(),
});
export type LockedAccount = z.infer<typeof LockedAccount>;

export const devicesOperations = {
  'devices.list': operation<Device[]>()({
    input: z.strictObject({}),
    summary: "Every device signed in to the brand's hub (admins only; needs the hub)",
  }),
  'devices.revoke': operation<Device[]>()({
    input: z.strictObject({ deviceId: z.string().min(1).max(64) }),
    summary: 'Revoke a device: its next sync is refused and it must sign in again (admins only)',
  }),
  'accounts.locked': operation<LockedAccount[]>()({
    input: z.strictObject({}),
    summary:
      'Accounts, buyer credentials and link passcodes locked after too many failed attempts (admins; needs the hub)',
  }),
  'accounts.unlock': operation<LockedAccount[]>()({
    input: z.strictObject({ account: z.string().min(1).max(400) }),
    summary:
      'Unlock an account, credential or link passcode; its count of failures starts again (admins)',
  }),
};
