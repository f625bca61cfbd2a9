import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_INSERT_PATH } from '../../main/hub/bench-routes.ts';
import { startHub, type RunningHub } from '../../main/hub/start.ts';

/**
 * The bare durable insert the checkout benchmark compares against exists only on a hub
 * started for benchmarking: a hub started as usual answers it like any unknown route and
 * has no table for it.
 */
describe('benchmark routes', () => {
  let dir = '';
  let usual: RunningHub;
  let forBenchmarks: RunningHub;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trunkshow-bench-routes-'));
    usual = await startHub({ dataDir: join(dir, 'usual'), port: 0, buyerAppDir: null });
    forBenchmarks = await startHub({
      dataDir: join(dir, 'bench'),
      port: 0,
      buyerAppDir: null,
      benchRoutes: true,
    });
  });

  afterAll(async () => {
    await Promise.all([usual?.close(), forBenchmarks?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const benchTable = (hub: RunningHub) =>
    sql<{ name: string }>`select name from sqlite_master where name = 'bench_inserts'`
      .execute(hub.store.db)
      .then((result) => result.rows);

  it('are absent from a hub started as usual', async () => {
    const response = await fetch(`${usual.url}${BENCH_INSERT_PATH}`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    expect(await benchTable(usual)).toEqual([]);
    const openApi = (await (await fetch(`${usual.url}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(openApi.paths)).not.toContain(BENCH_INSERT_PATH);
  });

  it('insert one row per request, committed before the answer, with --bench-routes', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${forBenchmarks.url}${BENCH_INSERT_PATH}`, { method: 'POST' }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    const ids = await Promise.all(
      answers.map(async (answer) => ((await answer.json()) as { id: string }).id),
    );
    const rows = await sql<{ id: string }>`select id from bench_inserts`.execute(
      forBenchmarks.store.db,
    );
    expect(rows.rows.map((row) => row.id).sort()).toEqual(ids.sort());
  });
});
