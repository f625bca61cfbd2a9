import type { Device } from '../../preload/contract/index.ts';
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
