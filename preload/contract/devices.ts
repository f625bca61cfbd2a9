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

export const devicesOperations = {
  'devices.list': operation<Device[]>()({
    input: z.strictObject({}),
    summary: "Every device signed in to the brand's hub (admins only; needs the hub)",
  }),
  'devices.revoke': operation<Device[]>()({
    input: z.strictObject({ deviceId: z.string().min(1).max(64) }),
    summary: 'Revoke a device: its next sync is refused and it must sign in again (admins only)',
  }),
};
