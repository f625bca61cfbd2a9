import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, safeStorage } from 'electron';
import type { EmbeddedHub } from '../hub/embedded.ts';
import { startBuiltInHub } from '../shell/built-in-hub.ts';
import { privateDir } from '../platform/private-files.ts';
import { defaultDataDir, deviceId } from '../shell/data-dir.ts';
import type { Caller, ServiceWorkerOptions } from '../shell/messages.ts';
import { DesktopPreferences } from '../shell/preferences.ts';
import { startServiceHost, type ServiceHost } from '../shell/service-host.ts';
import { mountContractOnIpc } from './ipc.ts';
import { installMenu } from './menu.ts';
import { registerAppScheme, serveAppScheme } from './protocol.ts';
import { enforceSecurityPolicy } from './security.ts';
import { openShowroomWindow } from './window.ts';
import { workerFile } from './packaged-files.ts';

/**
 * The desktop app. The main thread only wires windows to its workers: the built-in hub
 * runs in one, the replica, imports and sync in another, so the window never freezes.
 */
const CREDENTIAL_FILE = 'device-credential';

/**
 * The device credential, encrypted with the OS keychain through safeStorage; where the
 * OS offers none, the worker keeps it in a file only this user can read.
 */
function credentialStorage(dataDir: string): {
  credential: ServiceWorkerOptions['credential'];
  onCredential: (token: string | null) => void;
} {
  const file = join(dataDir, `${CREDENTIAL_FILE}.enc`);
  if (!safeStorage.isEncryptionAvailable()) {
    return {
      credential: { kind: 'file', file: join(dataDir, CREDENTIAL_FILE) },
      onCredential: () => {},
    };
  }
  let initial: string | null;
  try {
    initial = safeStorage.decryptString(readFileSync(file));
  } catch {
    initial = null;
  }
  return {
    credential: { kind: 'host', initial },
    onCredential: (token) => {
      if (token === null) rmSync(file, { force: true });
      else writeFileSync(file, safeStorage.encryptString(token), { mode: 0o600 });
    },
  };
}

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
  privateDir(dataDir);
  const preferences = new DesktopPreferences(dataDir);
  const caller: Caller = { transport: 'ipc', device: deviceId(dataDir) };

  let host: ServiceHost;
  let embeddedHub: EmbeddedHub;
  try {
    const builtIn = await startBuiltInHub({
      dataDir: join(dataDir, 'hub'),
      demoStyles: null,
      buyerAppDir: workerFile(root, 'buyerApp'),
      version: app.getVersion(),
      workerFile: workerFile(root, 'builtInHub'),
      preferences,
    });
    embeddedHub = builtIn.hub;
    host = await startServiceHost({
      dataDir,
      embeddedHubUrl: embeddedHub.url,
      ...credentialStorage(dataDir),
      workerFile: workerFile(root, 'services'),
      onHostRequest: (request) => builtIn.network(request.serveOnNetwork),
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
    void host
      .close()
      .then(() => embeddedHub.close())
      .finally(() => app.quit());
  });
}
