import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { defaultDataDir, deviceId } from '../shell/data-dir.ts';
import type { Caller } from '../shell/messages.ts';
import { startServiceHost, type ServiceHost } from '../shell/service-host.ts';
import { mountContractOnIpc } from './ipc.ts';
import { installMenu } from './menu.ts';
import { Preferences } from './preferences.ts';
import { registerAppScheme, serveAppScheme } from './protocol.ts';
import { enforceSecurityPolicy } from './security.ts';
import { openShowroomWindow } from './window.ts';

/**
 * The desktop app. The main thread only wires windows to the services worker: the
 * store, imports and (later) sync run in that worker, so the window never freezes.
 */
const DEMO_STYLES = 300;

registerAppScheme();
enforceSecurityPolicy();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  const root = app.getAppPath();
  // The same folder the browser shell uses, so both open the same showroom.
  const dataDir = defaultDataDir();
  mkdirSync(dataDir, { recursive: true });
  const preferences = new Preferences();
  const caller: Caller = { transport: 'ipc', device: deviceId(dataDir) };

  let host: ServiceHost;
  try {
    host = await startServiceHost({
      dataDir,
      demoStyles: DEMO_STYLES,
      // Packaged, the worker sits outside the archive beside the native module it loads.
      workerFile: join(root, 'dist', 'electron', 'service-worker.js').replace(
        /app\.asar([\\/])/,
        'app.asar.unpacked$1',
      ),
    });
  } catch (error) {
    dialog.showErrorBox(
      'Trunkshow could not open its data',
      `${(error as Error).message}\n\nData folder: ${dataDir}`,
    );
    app.exit(1);
    return;
  }

  serveAppScheme(join(root, 'dist', 'showroom'), host, caller);
  mountContractOnIpc(host, caller);
  installMenu();

  const open = () =>
    openShowroomWindow({
      preload: join(root, 'dist', 'electron', 'preload.cjs'),
      brand: host.brand,
      preferences,
    });
  let window = open();

  app.on('second-instance', () => {
    if (window.isDestroyed()) window = open();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // The worker closes the store (and checkpoints its WAL) before the process ends.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    void host.close().finally(() => app.quit());
  });
}
