import { join } from 'node:path';

/**
 * The files the desktop's worker threads run or read while the app runs, relative to the
 * app's root. A worker thread cannot read inside app.asar, so electron-builder.yml unpacks
 * each of them beside the archive; test/unit/electron/packaging.test.ts fails when one is
 * missing there, or when the build gains a worker this list does not name.
 */
export const WORKER_FILES = {
  /** The built-in hub's worker. */
  builtInHub: 'dist/electron/embedded-hub.js',
  /** The services worker: the replica, imports, sync, PDFs. */
  services: 'dist/electron/service-worker.js',
  /** The buyer pages the built-in hub serves. */
  buyerApp: 'dist/buyer',
} as const;

/** Where a worker's file is in the app as installed: outside the archive when packaged. */
export function workerFile(appRoot: string, file: keyof typeof WORKER_FILES): string {
  return join(appRoot, ...WORKER_FILES[file].split('/')).replace(
    /app\.asar([\\/])/,
    'app.asar.unpacked$1',
  );
}
