import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { StoreDb } from '../store/database.ts';
import { inTransaction } from '../store/transactions.ts';

/**
 * Routes that exist only for benchmarks: mounted when the hub is started with
 * `--bench-routes` (`benchRoutes` in StartHubOptions), never by default, so a hub that
 * buyers use never answers them.
 *
 * `POST /api/bench/insert` is the bare durable write the checkout benchmark measures
 * itself against (test/bench/checkout-load.ts): one row into a small table of the same
 * store, in a transaction like every write (BEGIN IMMEDIATE, synchronous=FULL), answered
 * after it commits. Its table is made here, when the route is mounted, so no migration
 * carries a benchmark's table into every store.
 */
export const BENCH_INSERT_PATH = '/api/bench/insert';

export async function registerBenchRoutes(app: FastifyInstance, db: StoreDb): Promise<void> {
  await sql`create table if not exists bench_inserts (
    id text primary key,
    at text not null
  )`.execute(db);
  app.post(BENCH_INSERT_PATH, { schema: { hide: true } }, async (_request, reply) => {
    const id = randomUUID();
    await inTransaction(db, (trx) =>
      sql`insert into bench_inserts (id, at) values (${id}, ${new Date().toISOString()})`.execute(
        trx,
      ),
    );
    return reply.code(201).send({ id });
  });
}
