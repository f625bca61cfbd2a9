import { randomBytes } from 'node:crypto';
import { asAdmin, runPrefix, TEST_POSTGRES } from './postgres.ts';

/**
 * The PostgreSQL side of a test run: names the run (every database its tests make
 * carries the name), says at once when the server is not there, and at the end drops
 * whatever databases the run left, a crashed test file's included.
 */
export async function setup(): Promise<void> {
  process.env.TRUNKSHOW_TEST_RUN ??= randomBytes(4).toString('hex');
  try {
    await asAdmin((client) => client.query('select 1'));
  } catch (error) {
    throw new Error(
      `The hub's PostgreSQL tests need a server at ${TEST_POSTGRES} (set TRUNKSHOW_TEST_POSTGRES for another): ${(error as Error).message}`,
      { cause: error },
    );
  }
}

export async function teardown(): Promise<void> {
  const prefix = runPrefix();
  await asAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows)
      await client.query(`drop database if exists "${datname}" with (force)`);
  });
}
