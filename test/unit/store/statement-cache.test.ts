import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../../main/store/database.ts';

describe('the statement cache', () => {
  it('compiles each SQL text once and reuses it', () => {
    const database = new BetterSqlite3(':memory:');
    const cached = withStatementCache(database);
    const first = cached.prepare('select 1 as one');
    expect(cached.prepare('select 1 as one')).toBe(first);
    expect(cached.prepare('select 2 as two')).not.toBe(first);
    expect(cached.cached).toBe(2);
    database.close();
  });

  it('keeps at most its bound, dropping the least recently used', () => {
    const database = new BetterSqlite3(':memory:');
    const cached = withStatementCache(database, 2);
    const a = cached.prepare('select 1');
    cached.prepare('select 2');
    cached.prepare('select 1'); // used again: now the most recent
    cached.prepare('select 3'); // drops "select 2"
    expect(cached.cached).toBe(2);
    expect(cached.prepare('select 1')).toBe(a);
    database.close();
  });

  it('answers from the current schema after a change', () => {
    const database = new BetterSqlite3(':memory:');
    const cached = withStatementCache(database);
    cached.prepare('create table t (a integer)').run([]);
    cached.prepare('insert into t (a) values (1)').run([]);
    expect(cached.prepare('select * from t').all([])).toEqual([{ a: 1 }]);
    cached.prepare('alter table t add column b integer default 7').run([]);
    expect(cached.prepare('select * from t').all([])).toEqual([{ a: 1, b: 7 }]);
    database.close();
  });
});
