import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop run once: what long synchronous work (SQLite through
 * better-sqlite3, drawing a PDF) awaits now and then, so sockets are read and written
 * and other requests answered meanwhile instead of after it.
 */
export function giveWay(): Promise<void> {
  return setImmediate();
}
