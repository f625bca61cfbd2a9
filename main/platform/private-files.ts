import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * The showroom's and the hub's folders and stores hold orders, buyers' addresses and
 * credentials: only the user who runs Trunkshow may read them, whatever the umask, and
 * folders made by an earlier release are tightened on the next start. (Windows ignores
 * POSIX modes; its profile folders are already the user's own.)
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and its parents) if needed, readable by this user only. */
export function privateDir(path: string): string {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(path, PRIVATE_DIR_MODE);
  return path;
}

/**
 * Makes sure the file exists and only this user may read it, before anyone writes it:
 * SQLite creates a database with 0644, and its WAL and shared-memory files take the
 * database file's mode.
 */
export function privateFile(path: string): string {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  chmodSync(path, PRIVATE_FILE_MODE);
  return path;
}

/** Tightens a file that may or may not exist yet (a store's -wal and -shm files). */
export function tightenIfPresent(path: string): void {
  if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
}
