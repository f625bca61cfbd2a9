import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HubArgsError } from '../../../main/hub/args.ts';
import {
  foreignKeyOrder,
  POSTGRES_MAX_PARAMETERS,
  rowsPerStatement,
  TableOrderError,
} from '../../../main/hub/move-plan.ts';
import { parseMoveArgs } from '../../../main/hub/move-to-postgres.ts';

const URL = 'postgres://hub:secret@127.0.0.1:5432/brand';

describe('hub:move command line', () => {
  it('reads the data folder and the PostgreSQL database', () => {
    expect(parseMoveArgs(['--data', 'hub-data', '--postgres', URL], '/srv')).toEqual({
      dataDir: resolve('/srv', 'hub-data'),
      postgres: URL,
      help: false,
    });
  });

  it('answers --help without needing the rest', () => {
    expect(parseMoveArgs(['-h'])).toMatchObject({ help: true });
  });

  it.each([
    [[], '--data is required: the folder where the hub keeps hub.sqlite.'],
    [
      ['--data', ' ', '--postgres', URL],
      '--data is required: the folder where the hub keeps hub.sqlite.',
    ],
    [['--data', 'd'], '--postgres is required: the PostgreSQL database to move the brand to.'],
    [
      ['--data', 'd', '--postgres', 'mysql://x@h/brand'],
      '--postgres takes a connection string with a database, such as postgres://hub@127.0.0.1:5432/brand.',
    ],
    [
      ['--data', 'd', '--postgres', 'postgres://hub@127.0.0.1:5432'],
      '--postgres takes a connection string with a database, such as postgres://hub@127.0.0.1:5432/brand.',
    ],
    [['--data', 'd', '--postgres', URL, '--port', '1'], 'Unknown option --port.'],
    [['--data'], '--data needs a value.'],
    [
      ['--data', 'd', '--postgres', URL, 'now'],
      'Unexpected argument "now": give every setting with its --option.',
    ],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseMoveArgs(argv)).toThrow(new HubArgsError(message));
  });
});

describe('the order tables are copied in', () => {
  it('puts every table after the tables it refers to, and is the same every time', () => {
    const references = new Map([
      ['order_lines', ['orders', 'skus']],
      ['orders', ['buyers']],
      ['skus', ['products']],
      ['products', []],
      ['buyers', ['pricelists']],
      ['pricelists', []],
      ['order_events', ['orders', 'order_events']],
    ]);
    const order = foreignKeyOrder(references);
    expect(order).toEqual([
      'pricelists',
      'buyers',
      'orders',
      'order_events',
      'products',
      'skus',
      'order_lines',
    ]);
    for (const [table, parents] of references) {
      for (const parent of parents) {
        if (parent !== table) expect(order.indexOf(parent)).toBeLessThan(order.indexOf(table));
      }
    }
    expect(foreignKeyOrder(new Map([...references].reverse()))).toEqual(order);
  });

  it('names a cycle between tables, which no order can copy', () => {
    const cycle = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(() => foreignKeyOrder(cycle)).toThrow(
      new TableOrderError('The tables refer to each other in a cycle: a → b → c → a.'),
    );
  });

  it('names a reference to a table that is not there', () => {
    expect(() => foreignKeyOrder(new Map([['orders', ['buyers']]]))).toThrow(
      new TableOrderError('orders refers to buyers, which is not a table here.'),
    );
  });
});

describe('rows per insert statement', () => {
  it("stays within PostgreSQL's parameters however wide the table", () => {
    for (const columns of [1, 7, 66, 200, 1_000, 2_000]) {
      const rows = rowsPerStatement(columns, false);
      expect(rows).toBeGreaterThanOrEqual(1);
      expect(rows * columns).toBeLessThanOrEqual(POSTGRES_MAX_PARAMETERS);
    }
    expect(rowsPerStatement(4, false)).toBe(1_000);
    expect(rowsPerStatement(100, false)).toBe(655);
  });

  it('sends rows with blobs a few at a time', () => {
    expect(rowsPerStatement(6, true)).toBe(16);
  });
});
