import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { generateDemoBrand } from '../../main/demo/generate.ts';
import { listDtcCustomers } from '../../main/services/dtc-customers.ts';
import { openStore, replicaDb, type Store } from '../../main/store/database.ts';

/**
 * The Direct to consumer section's Customers tab at 5,000 customers (the scale DESIGN.md
 * plans for buyers), on a replica holding them all, as every staff member's does: the
 * whole list, then searches as people type them (a letter, a first name, part of a last
 * name, an email). The replica is generated once and kept.
 */
const CUSTOMERS = Number(process.env.BENCH_DTC_CUSTOMERS ?? 5_000);
const RUNS = 200;
const FIRST = ['Aiko', 'Sota', 'Emma', 'Lucas', 'Sofia', 'Hina', 'Elsa', 'Kaito', 'Clara', 'Noah'];
const LAST = ['Tanaka', 'Ito', 'Johansson', 'Martin', 'Dubois', 'Hansen', 'Smith', 'de Vries'];

type Report = (name: string, value: number, unit: string) => void;

async function replicaWithCustomers(): Promise<Store> {
  const dir = join(tmpdir(), `trunkshow-bench-dtc-customers-${CUSTOMERS}`);
  const file = join(dir, 'showroom.sqlite');
  if (!existsSync(file)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const store = await openStore(file, 'replica');
    await generateDemoBrand(store.db, { styles: 50, seed: 5 });
    const db = replicaDb(store.db);
    const market = await db.selectFrom('markets').select('id').executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    const rows = Array.from({ length: CUSTOMERS }, (_, index) => ({
      id: uuidv7(),
      email: `shopper${index}@mail.example`,
      first_name: FIRST[index % FIRST.length]!,
      last_name: `${LAST[Math.floor(index / FIRST.length) % LAST.length]!} ${index}`,
      market_id: market.id,
      created_by: null,
      created_at: at,
      updated_at: at,
    }));
    for (let start = 0; start < rows.length; start += 500) {
      await db
        .insertInto('dtc_customers')
        .values(rows.slice(start, start + 500))
        .execute();
    }
    await store.close();
  }
  return openStore(file, 'replica');
}

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}

async function time(store: Store, queries: readonly string[]): Promise<number> {
  for (const query of queries) await listDtcCustomers(store.db, query);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    await listDtcCustomers(store.db, queries[run % queries.length]!);
    times.push(performance.now() - started);
  }
  return p95(times);
}

export async function benchDtcCustomers(report: Report): Promise<void> {
  const store = await replicaWithCustomers();
  try {
    report('dtc.customers.list.p95_ms', await time(store, ['']), 'ms');
    report(
      'dtc.customers.search.p95_ms',
      await time(store, ['a', 'aiko', 'tanaka 12', 'shopper4321@mail', 'de vries', 'zzz']),
      'ms',
    );
  } finally {
    await store.close();
  }
}
