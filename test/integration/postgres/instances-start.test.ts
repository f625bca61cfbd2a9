import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../../main/hub/start.ts';
import { STAFF } from '../../../main/demo/vocabulary.ts';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.ts';

describe('hub instances starting together on one PostgreSQL database', () => {
  const dirs: string[] = [];
  const hubs: RunningHub[] = [];
  let database: TestDatabase;
  afterAll(async () => {
    await Promise.all(hubs.map((hub) => hub.close()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  });

  it('migrate the database once and write one demo brand between them', async () => {
    database = await createTestDatabase('instances');
    const start = () => {
      const dir = mkdtempSync(join(tmpdir(), 'trunkshow-instance-'));
      dirs.push(dir);
      return startHub({
        dataDir: dir,
        postgres: database.url,
        port: 0,
        demo: 20,
        buyerAppDir: null,
      });
    };
    hubs.push(...(await Promise.all([start(), start(), start()])));

    expect(hubs.filter((hub) => hub.seededDemo !== null)).toHaveLength(1);
    const db = hubs[0]!.store.db;
    const staff = await db
      .selectFrom('staff_users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(staff.n).toBe(STAFF.length);
    const products = await db
      .selectFrom('products')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(products.n).toBe(20);
    // Every instance answers for the same brand.
    for (const hub of hubs) {
      const health = await fetch(`${hub.url}/api/health`);
      expect(health.status).toBe(200);
    }
  });
});
