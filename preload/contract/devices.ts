import { z } from 'zod';
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

/** An account locked after too many failed sign-ins or log-ins in a row. */
export const LockedAccount = z.object({
  /** What unlocking names: `staff:<email>` or `buyer:<email>`. */
  account: z.string(),
  kind: z.enum(['staff', 'buyer']),
  email: z.string(),
  name: z.string(),
  lockedAt: z.string(),
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
      'Staff and buyer accounts locked after too many failed attempts (admins; needs the hub)',
  }),
  'accounts.unlock': operation<LockedAccount[]>()({
    input: z.strictObject({ account: z.string().min(1).max(400) }),
    summary: 'Unlock an account; its count of failed attempts starts again (admins)',
  }),
};
