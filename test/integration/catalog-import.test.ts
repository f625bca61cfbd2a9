import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { importCatalogCsv } from '../../main/services/catalog-import.ts';
import { openStore, type Store } from '../../main/store/database.ts';

const examples = join(import.meta.dirname, '..', '..', 'resources', 'csv-examples');
const example = (name: string) => ({ name, content: readFileSync(join(examples, name), 'utf8') });
const operator = { kind: 'staff', userId: 'u-1', role: 'admin', device: 'laptop-7' } as const;
const dir = mkdtempSync(join(tmpdir(), 'trunkshow-import-'));
let store: Store;
let n = 0;

beforeEach(async () => {
  store = await openStore(join(dir, `${n++}.sqlite`));
  return () => store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const count = async (table: 'products' | 'skus' | 'prices' | 'stock' | 'audit_log') =>
  Number(
    (
      await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('catalog import from CSV', () => {
  it('imports the example files into an empty store, whatever order they are picked in', async () => {
    const report = await importCatalogCsv(store.db, operator, {
      files: [example('stock.csv'), example('prices.csv'), example('products.csv')],
    });
    expect(report.files.map((f) => [f.name, f.kind, f.imported])).toEqual([
      ['stock.csv', 'stock', true],
      ['prices.csv', 'prices', true],
      ['products.csv', 'products', true],
    ]);
    expect(report.files[2]!.written).toEqual({ styles: 4, colorways: 8, skus: 42 });
    expect(await count('products')).toBe(4);
    expect(await count('prices')).toBe(84);
    expect(await count('stock')).toBe(42);
    const style = await store.db
      .selectFrom('products')
      .select('search_text')
      .where('style_number', '=', 'SS27-2001')
      .executeTakeFirstOrThrow();
    expect(style.search_text).toBe('ss27-2001 relaxed linen shirt shirts ss27 ecru navy');
  });

  it('writes the same catalog again without duplicating anything', async () => {
    const files = [example('products.csv'), example('prices.csv'), example('stock.csv')];
    const first = await importCatalogCsv(store.db, operator, { files });
    const again = await importCatalogCsv(store.db, operator, { files });
    expect(again.files.every((f) => f.imported)).toBe(true);
    expect(again.files.map((f) => f.written)).toEqual([
      first.files[0]!.written,
      { prices: 84, pricelists: 0 },
      { stockLevels: 42, warehouses: 0 },
    ]);
    expect(await count('products')).toBe(4);
    expect(await count('skus')).toBe(42);
    expect(await count('prices')).toBe(84);
  });

  it('writes nothing from a file with one bad line, even when its other lines are fine', async () => {
    const good = example('products.csv');
    const lines = good.content.trimEnd().split('\n');
    lines[30] = lines[30]!.replace('#', '');
    const report = await importCatalogCsv(store.db, operator, {
      files: [{ name: 'products.csv', content: lines.join('\n') }],
    });
    expect(report.files[0]).toMatchObject({
      imported: false,
      written: {},
      problems: [{ line: 31, column: 'color_hex' }],
    });
    expect(await count('products')).toBe(0);
    expect(await count('audit_log')).toBe(0);
  });

  it('names the line and column of a price for a SKU the catalog does not have', async () => {
    await importCatalogCsv(store.db, operator, { files: [example('products.csv')] });
    const report = await importCatalogCsv(store.db, operator, {
      files: [
        {
          name: 'prices.csv',
          content:
            'pricelist,currency,barcode,wholesale,retail\nEurope EUR,EUR,7350999000011,39.00,89.00\nEurope EUR,EUR,4006381333931,10.00,20.00\n',
        },
      ],
    });
    expect(report.files[0]!.problems).toEqual([
      {
        line: 3,
        column: 'barcode',
        message: 'no SKU with barcode 4006381333931 in the catalog; import its products first',
      },
    ]);
    expect(await count('prices')).toBe(0);
  });

  it('counts lines as an editor does when a quoted field spans several', async () => {
    const content = [
      'style_number,name,category,season,size_scale,colorway_code,colorway_name,color_hex,size,description',
      'A-1,Shirt,Shirts,SS27,Letter,100,Ecru,#efe7d6,S,"Two',
      'lines"',
      'A-1,Shirt,Shirts,SS27,Letter,100,Ecru,#efe7d6,M,"Two',
      'lines"',
      'A-1,Shirt,Shirts,SS27,Letter,100,Ecru,#efe7d6,,"Two',
      'lines"',
    ].join('\n');
    const report = await importCatalogCsv(store.db, operator, {
      files: [{ name: 'p.csv', content }],
    });
    expect(report.files[0]!.problems).toEqual([
      { line: 6, column: 'size', message: 'size is empty' },
    ]);
  });

  it('refuses prices in another currency than their pricelist, and unreadable files', async () => {
    await importCatalogCsv(store.db, operator, {
      files: [example('products.csv'), example('prices.csv')],
    });
    const report = await importCatalogCsv(store.db, operator, {
      files: [
        {
          name: 'sek.csv',
          content:
            'pricelist,currency,barcode,wholesale,retail\nEurope EUR,SEK,7350999000011,390,890\n',
        },
        { name: 'quote.csv', content: 'warehouse,barcode,quantity\n"Main,7350999000011,1\n' },
        { name: 'empty.csv', content: '' },
      ],
    });
    expect(report.files.map((f) => f.problems[0])).toEqual([
      { line: 2, column: 'currency', message: 'pricelist Europe EUR is in EUR, not SEK' },
      {
        line: expect.any(Number),
        column: null,
        message: expect.stringMatching(/^This is not readable CSV/),
      },
      { line: 1, column: null, message: 'The file is empty.' },
    ]);
  });

  it('grows a size scale from the sizes column and keeps every style on it in size order', async () => {
    const header =
      'style_number,name,category,season,size_scale,sizes,colorway_code,colorway_name,color_hex,size';
    const line = (style: string, sizes: string, size: string) =>
      `${style},Tee,Tops,SS27,Letter,${sizes},100,Ecru,#efe7d6,${size}`;
    const products = (...lines: string[]) => ({
      name: 'products.csv',
      content: [header, ...lines].join('\n'),
    });
    await importCatalogCsv(store.db, operator, {
      files: [products(line('A-1', 'S|M|L', 'S'), line('A-1', 'S|M|L', 'L'))],
    });
    const grown = await importCatalogCsv(store.db, operator, {
      files: [products(line('B-1', 'XS|S|M|L', 'XS'), line('B-1', 'XS|S|M|L', 'M'))],
    });
    expect(grown.files[0]).toMatchObject({ imported: true, problems: [] });
    const scale = await store.db.selectFrom('size_scales').selectAll().executeTakeFirstOrThrow();
    expect(JSON.parse(scale.sizes)).toEqual(['XS', 'S', 'M', 'L']);
    const positions = await store.db
      .selectFrom('skus')
      .innerJoin('products', 'products.id', 'skus.product_id')
      .select(['style_number', 'size', 'position'])
      .orderBy('style_number')
      .orderBy('position')
      .execute();
    expect(positions.map((p) => `${p.style_number} ${p.size} ${p.position}`)).toEqual([
      'A-1 S 1',
      'A-1 L 3',
      'B-1 XS 0',
      'B-1 M 2',
    ]);

    const shrunk = await importCatalogCsv(store.db, operator, {
      files: [products(line('B-1', 'XS|M', 'XS'))],
    });
    expect(shrunk.files[0]!.problems).toEqual([
      {
        line: 2,
        column: 'sizes',
        message:
          'size scale Letter would lose size S, which style A-1 in the catalog is in; keep it in sizes',
      },
      {
        line: 2,
        column: 'sizes',
        message:
          'size scale Letter would lose size L, which style A-1 in the catalog is in; keep it in sizes',
      },
    ]);
    const without = await importCatalogCsv(store.db, operator, {
      files: [products(line('C-1', '', 'XXL'))],
    });
    expect(without.files[0]!.problems).toEqual([
      {
        line: 2,
        column: 'size',
        message:
          'size "XXL" is not in size scale Letter (XS, S, M, L); add a sizes column to change the scale',
      },
    ]);
  });

  it('leaves the store as it was when a line has a decimal comma, and reports it by line and column', async () => {
    await importCatalogCsv(store.db, operator, { files: [example('products.csv')] });
    const report = await importCatalogCsv(store.db, operator, {
      files: [
        {
          name: 'prices.csv',
          content:
            'pricelist,currency,barcode,wholesale,retail\r\nEurope EUR,EUR,7350999000011,39.00,89.00\r\nEurope EUR,EUR,7350999000028,"12,5",30.00\r\n',
        },
      ],
    });
    expect(report.files[0]).toMatchObject({
      kind: 'prices',
      imported: false,
      rows: 2,
      problems: [
        {
          line: 3,
          column: 'wholesale',
          message: '"12,5" is not an amount; write it like 12.50',
        },
      ],
    });
    expect(await count('prices')).toBe(0);
    expect(await store.db.selectFrom('pricelists').selectAll().execute()).toEqual([]);
  });

  it('records who imported each file, from which device', async () => {
    await importCatalogCsv(store.db, operator, { files: [example('products.csv')] });
    const audit = await store.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_kind: 'staff',
      actor_id: 'u-1',
      device: 'laptop-7',
      action: 'catalog.import',
      subject: 'products.csv',
    });
    expect(JSON.parse(audit.details)).toMatchObject({ kind: 'products', rows: 42, skus: 42 });
  });
});

describe('npm run import', () => {
  const run = promisify(execFile);
  const cli = (...args: string[]) =>
    run(process.execPath, ['main/catalog-import/cli.ts', ...args]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('imports files and says what it wrote', async () => {
    const data = join(dir, 'cli');
    const result = await cli(
      '--data',
      data,
      join(examples, 'products.csv'),
      join(examples, 'prices.csv'),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Imported products.csv: 4 styles, 8 colourways, 42 SKUs');
    expect(result.stdout).toContain('Imported prices.csv: 84 prices, 2 new pricelists');
  });

  it('exits 1 with each problem by line and column, and plain words for a missing file', async () => {
    const data = join(dir, 'cli-bad');
    const broken = join(dir, 'broken.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(broken, 'warehouse,barcode,quantity\nMain,7350999000011,many\n');
    const result = await cli('--data', data, broken);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Not imported broken.csv: nothing from it was written.');
    expect(result.stdout).toContain('  Line 2, column quantity: "many" is not a quantity');

    const missing = await cli('--data', data, join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`${join(dir, 'nope.csv')} does not exist.`);

    const bare = await cli();
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/^Say which data folder with --data DIR\.\nUsage: npm run import/);
    const noFiles = await cli('--data', data);
    expect(noFiles.code).toBe(1);
    expect(noFiles.stderr).toMatch(/^Name at least one CSV file\./);
  });
});
