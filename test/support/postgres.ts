import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL server tests run against: the machine's own on 127.0.0.1:5432 (trust
 * auth) unless TRUNKSHOW_TEST_POSTGRES names another. Tests never reach further than
 * loopback.
 */
export const TEST_POSTGRES =
  process.env.TRUNKSHOW_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** A connection string to a database of its own, empty when made. */
  readonly url: string;
  readonly name: string;
  /** Drops the database, ending any connection still open on it. */
  drop(): Promise<void>;
}

function urlFor(name: string): string {
  const url = new URL(TEST_POSTGRES);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The prefix of every database one test run makes: the run's global setup drops them
 * all at its end, whatever a test file left behind, and no other run's.
 */
export function runPrefix(): string {
  return `trunkshow_${process.env.TRUNKSHOW_TEST_RUN ?? 'adhoc'}_`;
}

/**
 * A fresh database for one test file (or one test), so files running side by side
 * never see each other's rows. The name is random; drop() removes it.
 */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const name = `${runPrefix()}${label
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(6).toString('hex')}`;
  await asAdmin((client) => client.query(`create database "${name}"`));
  return {
    url: urlFor(name),
    name,
    drop: () =>
      asAdmin(async (client) => {
        // A pool's end() resolves before its connections have closed; forced off the
        // server meanwhile, a closing client meets the termination with no one listening
        // and fails the run as an uncaught error. Their own close is waited for a moment.
        for (let wait = 0; wait < 40; wait++) {
          const open = await client.query<{ n: number }>(
            'select count(*)::int as n from pg_stat_activity where datname = $1',
            [name],
          );
          if (open.rows[0]!.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await client.query(`drop database if exists "${name}" with (force)`);
      }),
  };
}
