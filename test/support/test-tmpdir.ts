import { existsSync } from 'node:fs';

/**
 * Where the tests' stores, hubs and desktops keep their files: memory (tmpfs) where the
 * machine has it. Every SQLite commit fsyncs (synchronous = FULL), and on a virtual disk
 * that wait was most of some tests' time; the tests kill processes but never the
 * machine, so what they prove does not need the disk. A TMPDIR set by the caller wins.
 */
export const TEST_TMPDIR: string | undefined =
  process.env.TMPDIR ?? (existsSync('/dev/shm') ? '/dev/shm' : undefined);
