import { create } from 'zustand';
import type { Device } from '../../../preload/contract/index.ts';
import { problemOf, trunkshow, type Problem } from '../api.ts';

type DeviceList =
  | { status: 'loading'; devices: readonly Device[] | null }
  | { status: 'ready'; devices: readonly Device[] }
  | { status: 'failed'; devices: readonly Device[] | null; problem: Problem };

interface RevokeConfirm {
  device: Device;
  revoking: boolean;
  problem: Problem | null;
}

interface DevicesStore {
  list: DeviceList;
  confirm: RevokeConfirm | null;
  load: () => Promise<void>;
  askRevoke: (device: Device) => void;
  cancelRevoke: () => void;
  revoke: () => Promise<void>;
  reset: () => void;
}

let latestLoad = 0;

export const useDevicesStore = create<DevicesStore>()((set, get) => ({
  list: { status: 'loading', devices: null },
  confirm: null,

  async load() {
    const load = ++latestLoad;
    const current = get().list;
    const devices = current.devices;
    set({ list: { status: 'loading', devices } });
    try {
      const answer = await trunkshow().invoke('devices.list', {});
      if (load === latestLoad) set({ list: { status: 'ready', devices: answer } });
    } catch (error) {
      if (load === latestLoad) {
        set({ list: { status: 'failed', devices, problem: problemOf(error, '') } });
      }
    }
  },

  askRevoke(device) {
    set({ confirm: { device, revoking: false, problem: null } });
  },

  cancelRevoke() {
    if (get().confirm?.revoking) return;
    set({ confirm: null });
  },

  async revoke() {
    const confirm = get().confirm;
    if (!confirm || confirm.revoking) return;
    set({ confirm: { ...confirm, revoking: true, problem: null } });
    try {
      const devices = await trunkshow().invoke('devices.revoke', { deviceId: confirm.device.id });
      latestLoad++;
      set({ confirm: null, list: { status: 'ready', devices } });
    } catch (error) {
      set({ confirm: { ...confirm, revoking: false, problem: problemOf(error, '') } });
    }
  },

  reset() {
    latestLoad++;
    set({ list: { status: 'loading', devices: null }, confirm: null });
  },
}));
