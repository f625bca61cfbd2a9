import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { HUB_DATABASE_FILE } from '../../main/hub/start.ts';

/** How a benchmark prints a figure: one `<name> <value> <unit>` line (report() in run.ts). */
export type Report = (name: string, value: number, unit: string) => void;

/** The value below which `p` percent of `sorted` (ascending) lie. */
export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/**
 * The load every hub route is measured under, so figures of one run compare: autocannon,
 * 20 connections, 10 s, against a hub in its own process as in production.
 */
export const HUB_LOAD = { connections: 20, duration: 10 } as const;

/**
 * A copy of the kept bench hub store in a new folder, for benchmarks that write orders:
 * the kept store holds none and stays at the schema other branches know.
 */
export async function copyOfHubStore(
  hubDir: string,
): Promise<{ dir: string; file: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'trunkshow-bench-orders-'));
  const file = join(dir, HUB_DATABASE_FILE);
  const source = new Database(join(hubDir, HUB_DATABASE_FILE), { readonly: true });
  await source.backup(file);
  source.close();
  return { dir, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
