import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../../main/services/actor.ts';
import { dispatch, type HandlerTable } from '../../../main/services/dispatch.ts';
import { createHandlers } from '../../../main/services/handlers.ts';
import { DesktopSession } from '../../../main/services/session.ts';
import { openStore, type Store } from '../../../main/store/database.ts';
import { SyncEngine } from '../../../main/sync/engine.ts';
import { memoryVault } from '../../support/desktop.ts';
import { contract } from '../../../preload/contract/index.ts';

const actor: Actor = { kind: 'system', reason: 'test' };
let store: Store;
let handlers: HandlerTable;

beforeEach(async () => {
  store = await openStore(':memory:', 'replica');
  const engine = new SyncEngine({ db: store.db });
  const session = new DesktopSession({
    db: store.db,
    engine,
    vault: memoryVault(),
    embeddedHubUrl: null,
  });
  handlers = createHandlers({
    db: store.db,
    engine,
    session,
    clock: () => new Date(),
    builtInHub: null,
  });
});
afterEach(() => store.close());

describe('dispatch', () => {
  it('implements every operation of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('refuses an unknown operation by name', async () => {
    expect(await dispatch(handlers, 'catalog.dropAll', actor, {})).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no operation "catalog.dropAll".' },
    });
  });

  it('refuses invalid input with the field at fault, before any handler runs', async () => {
    const result = await dispatch(handlers, 'catalog.search', actor, { query: 'x', limit: 0 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'limit' }] },
    });
    expect(!result.ok && result.error.message).toMatch(/^Invalid input: limit: /);
  });

  it('refuses fields the operation does not know', async () => {
    const result = await dispatch(handlers, 'catalog.search', actor, { query: 'x', sql: 'drop' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('applies the schema defaults', async () => {
    const result = await dispatch(handlers, 'catalog.search', actor, {});
    expect(result).toEqual({
      ok: true,
      value: { query: '', pricelistId: null, filters: {}, total: 0, offset: 0, items: [] },
    });
  });

  it('refuses a filter value no menu offers, saying which filter and why', async () => {
    const empty = await dispatch(handlers, 'catalog.search', actor, { filters: { season: '' } });
    expect(empty).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [{ path: 'filters.season', message: 'Choose a season from the list' }],
      },
    });
    const notOnOff = await dispatch(handlers, 'catalog.search', actor, {
      filters: { inStock: 'yes' },
    });
    expect(notOnOff).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'filters.inStock', message: '"In stock" is either on or off' }] },
    });
    const unknown = await dispatch(handlers, 'catalog.search', actor, {
      filters: { size: 'M' },
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: {
        issues: [
          { path: 'filters', message: 'Filter by catalog, season, category, colour or in stock' },
        ],
      },
    });
  });

  it('passes a handler’s refusal through, and hides internal failures behind a readable message', async () => {
    const notFound = await dispatch(handlers, 'media.get', actor, { id: 'nope' });
    expect(notFound).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no such picture.' },
    });
    const failures: string[] = [];
    const broken = {
      ...handlers,
      'brand.summary': () => Promise.reject(new Error('disk I/O error')),
    } satisfies HandlerTable;
    const result = await dispatch(
      broken,
      'brand.summary',
      actor,
      {},
      {
        onInternalError: (name) => failures.push(name),
      },
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong on our side. Nothing was changed.',
      },
    });
    expect(failures).toEqual(['brand.summary']);
  });

  it('writes an error that stopped part of the window to the log, with the top of its stack', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const frames = Array.from({ length: 40 }, (_, at) => `    at Frame${at} (showroom.js:1:${at})`);
    const result = await dispatch(handlers, 'app.reportError', actor, {
      part: 'view:selections',
      message: 'Maximum update depth exceeded',
      stack: [
        'Error: Maximum update depth exceeded',
        ...frames,
        '',
        '    at SelectionFilters',
      ].join('\n'),
    });
    expect(result).toEqual({ ok: true, value: null });
    expect(logged).toHaveBeenCalledOnce();
    const line = String(logged.mock.calls[0]?.[0]);
    logged.mockRestore();
    expect(line.split('\n')).toEqual([
      "The showroom's view:selections failed: Maximum update depth exceeded",
      'Error: Maximum update depth exceeded',
      ...frames.slice(0, 14),
    ]);
  });

  it('refuses an error report without the part of the window it came from', async () => {
    const result = await dispatch(handlers, 'app.reportError', actor, { message: 'x', stack: '' });
    expect(result).toMatchObject({ ok: false, error: { issues: [{ path: 'part' }] } });
  });
});
