import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { CatalogFilters } from '../../main/domain/catalog-filters.ts';
import { seedDemoBrand } from '../../main/hub/demo-brand.ts';
import { HUB_DATABASE_FILE, startHub, type RunningHub } from '../../main/hub/start.ts';
import { catalogFilterChoices, openStyle, searchCatalog } from '../../main/services/catalog.ts';
import { importCatalogCsv } from '../../main/services/catalog-import.ts';
import { createSelectionLocally, setQuantitiesLocally } from '../../main/services/selections.ts';
import { credentialFile } from '../../main/shell/credential-file.ts';
import { openStore, type Store } from '../../main/store/database.ts';
import { SYNCED_ENTITIES } from '../../main/sync/entities.ts';
import { hubDb } from '../../main/store/database.ts';
import { launchChromium } from '../support/chromium.ts';
import { openDesktop, type TestDesktop } from '../support/desktop.ts';
import { benchBuyerPages } from './buyer-lighthouse.ts';
import { benchCheckoutLoad } from './checkout-load.ts';
import { benchDtcCheckout } from './dtc-checkout.ts';
import { copyOfHubStore, HUB_LOAD, percentile } from './hub-load.ts';
import { benchCustomerLink } from './customer-link.ts';
import { benchOrdersList } from './orders-list.ts';
import { benchDtcCustomers } from './dtc-customers.ts';
import { benchOrderPdf } from './order-pdf.ts';
import { benchOrderPlace } from './order-place.ts';
import { benchPostgres } from './postgres.ts';
import { timedFirstSync } from './first-sync.ts';
import { applyPush } from '../../main/sync/hub-push.ts';
import { rateAsAgreed } from '../../main/sync/mutators/order-placement.ts';
import { boothAddress } from '../support/booth-order.ts';
import { shippingOptions } from '../../main/store/shipping-queries.ts';
import { insertSharedSelection, orderableSkuIds } from '../support/shared-selection.ts';
import { spawnHub } from '../support/hub-process.ts';
import { selectionPdf } from '../../main/services/export/selection-pdf.ts';
import { largeSelection, svgPictures } from '../support/selection-detail.ts';

/**
 * Benchmarks on the demo brand at the scale we plan for (10,000 styles,
 * ~50,000 SKUs). Prints one `<name> <value> <unit>` line per figure; timings are
 * reported, never asserted. The generated hub store is kept between runs; every run
 * syncs it into a new, empty desktop replica.
 */
const STYLES = Number(process.env.BENCH_STYLES ?? 10_000);
/** Bumped when the demo brand changes shape, so a kept store is made afresh. */
const STORE_GENERATION = 4;
const benchDir = join(tmpdir(), `trunkshow-bench-hub-${STYLES}-g${STORE_GENERATION}`);
const hubDir = join(benchDir, 'hub');
const desktopDir = join(benchDir, 'desktop');

function report(name: string, value: number, unit: string): void {
  console.log(`${name} ${Number(value.toFixed(2))} ${unit}`);
}

async function prepareHubStore(): Promise<void> {
  mkdirSync(hubDir, { recursive: true });
  const file = join(hubDir, HUB_DATABASE_FILE);
  if (existsSync(file)) return;
  const store = await openStore(file, 'hub');
  const started = performance.now();
  await seedDemoBrand(store.db, { styles: STYLES, seed: 1, catalogDatesFrom: new Date() });
  console.error(
    `(generated ${STYLES} styles in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  await store.close();
}

/** The first sync of the whole brand into an empty replica, then syncs with nothing new. */
async function benchSync(hub: RunningHub): Promise<TestDesktop> {
  rmSync(desktopDir, { recursive: true, force: true });
  mkdirSync(desktopDir, { recursive: true });
  const desktop = await openDesktop({
    dir: desktopDir,
    embeddedHubUrl: null,
    vault: credentialFile(join(desktopDir, 'device-credential')),
  });
  const seconds = await timedFirstSync(desktop, hub.url);
  let rows = 0;
  for (const entity of SYNCED_ENTITIES) {
    const counted = await desktop.store.db
      .selectFrom(entity.table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    rows += Number(counted.n);
  }
  report('sync.first.rows', rows, 'count');
  report('sync.first.seconds', seconds, 's');
  report('sync.first.rows_per_s', rows / seconds, 'rows/s');

  const times: number[] = [];
  for (let run = 0; run < 200; run++) {
    const began = performance.now();
    await desktop.engine.syncNow();
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  report('sync.empty.median_ms', percentile(times, 50), 'ms');
  report('sync.empty.p95_ms', percentile(times, 95), 'ms');
  return desktop;
}

/** What reps type: style numbers whole and in part, words of names and colours, barcodes. */
async function searchQueries(store: Store): Promise<string[]> {
  const styles = await store.db
    .selectFrom('products')
    .select(['style_number', 'name'])
    .orderBy('id')
    .limit(200)
    .execute();
  const barcodes = await store.db
    .selectFrom('skus')
    .select('barcode')
    .orderBy('id')
    .limit(100)
    .execute();
  const queries: string[] = [
    '',
    'dress',
    'merino',
    'black',
    'cardigan wool',
    'ss27',
    'zzz-nothing',
  ];
  for (const style of styles) {
    queries.push(
      style.style_number,
      style.style_number.slice(0, 5),
      style.name.split(' ')[0] ?? '',
    );
    const words = style.name.toLowerCase().split(' ');
    queries.push(words.slice(-2).join(' '));
    // Typing letter by letter: every prefix of a word is a query of its own.
    const word = words.at(-1) ?? '';
    for (let i = 1; i <= Math.min(4, word.length); i++) queries.push(word.slice(0, i));
  }
  for (const { barcode } of barcodes) if (barcode) queries.push(barcode);
  return queries;
}

interface Search {
  query: string;
  filters?: CatalogFilters;
}

/**
 * Filters as reps set them: every choice of every menu alone, "in stock" alone and with
 * other menus, several menus at once; each over the whole catalog and with words typed.
 */
async function filteredSearches(store: Store, typed: readonly string[]): Promise<Search[]> {
  const choices = await catalogFilterChoices(store.db);
  const { catalogs, seasons, categories, colours } = choices;
  const facets: CatalogFilters[] = [
    ...catalogs.map((catalog) => ({ catalogId: catalog.id })),
    ...seasons.map((season) => ({ season })),
    ...categories.map((category) => ({ category })),
    ...colours.map((colour) => ({ colour: colour.name })),
    { inStock: true },
    ...seasons.map((season) => ({ season, inStock: true })),
    ...categories.map((category, index) => ({
      category,
      colour: colours[index % colours.length]!.name,
      inStock: true,
    })),
    ...catalogs.map((catalog, index) => ({
      catalogId: catalog.id,
      category: categories[index % categories.length]!,
      inStock: true,
    })),
  ];
  const typedPerFacet = 8;
  return facets.flatMap((filters, index) => [
    { query: '', filters },
    ...Array.from({ length: typedPerFacet }, (_, k) => ({
      query: typed[(index * typedPerFacet + k * 37) % typed.length]!,
      filters,
    })),
  ]);
}

/** Each search's first page, as the grid asks for it; sorted times in ms. */
async function timeSearches(store: Store, searches: readonly Search[]): Promise<number[]> {
  const page = { offset: 0, limit: 60 };
  for (const search of searches.slice(0, 50)) await searchCatalog(store.db, { ...search, ...page });
  const times: number[] = [];
  for (const search of searches) {
    const started = performance.now();
    await searchCatalog(store.db, { ...search, ...page });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function benchSearch(store: Store): Promise<void> {
  const typed = await searchQueries(store);
  const plain = await timeSearches(
    store,
    typed.map((query) => ({ query })),
  );
  const filtered = await timeSearches(store, await filteredSearches(store, typed));
  const times = [...plain, ...filtered].sort((a, b) => a - b);
  report('catalog.search.queries', times.length, 'count');
  report('catalog.search.median_ms', percentile(times, 50), 'ms');
  report('catalog.search.p95_ms', percentile(times, 95), 'ms');
  report('catalog.search.filtered_queries', filtered.length, 'count');
  report('catalog.search.filtered_p95_ms', percentile(filtered, 95), 'ms');
  report('catalog.search.filtered_max_ms', filtered.at(-1)!, 'ms');

  const menus: number[] = [];
  for (let run = 0; run < 21; run++) {
    const started = performance.now();
    await catalogFilterChoices(store.db);
    menus.push(performance.now() - started);
  }
  menus.sort((a, b) => a - b);
  report('catalog.filters.median_ms', percentile(menus, 50), 'ms');
}

/** Opening styles spread over the whole catalog, as a rep taps cards. */
async function benchOpenStyle(store: Store): Promise<void> {
  const styles = await store.db.selectFrom('products').select('id').execute();
  const step = Math.max(1, Math.floor(styles.length / 500));
  const picked = styles.filter((_, index) => index % step === 0).slice(0, 500);
  for (const { id } of picked.slice(0, 20)) await openStyle(store.db, { styleId: id });
  const times: number[] = [];
  for (const { id } of picked) {
    const started = performance.now();
    await openStyle(store.db, { styleId: id });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  report('style.open.count', times.length, 'count');
  report('style.open.p95_ms', percentile(times, 95), 'ms');
}

/**
 * A rep adding a size to a 500-line selection: the change applied to the replica and
 * queued for the hub (which syncs it meanwhile), then the whole selection read again
 * with its totals, as the editor shows it. Each added line is taken out again, untimed,
 * so the selection stays at 500 lines. "Size runs" is how buyers order (about 100
 * colourways, every size); "scattered" is the worst case, one size in each of 500.
 */
async function benchSelection(desktop: TestDesktop, shape: 'size runs' | 'scattered') {
  const services = {
    db: desktop.store.db,
    session: desktop.session,
    engine: desktop.engine,
    clock: () => new Date(),
  };
  const buyer = await desktop.store.db
    .selectFrom('buyers')
    .select(['id', 'pricelist_id'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const skus = await desktop.store.db
    .selectFrom('skus as s')
    .innerJoin('prices as p', (join) =>
      join.onRef('p.sku_id', '=', 's.id').on('p.pricelist_id', '=', buyer.pricelist_id),
    )
    .select('s.id')
    .orderBy(shape === 'size runs' ? 's.colorway_id' : 's.id')
    .limit(700)
    .execute();
  const selection = await createSelectionLocally(services, {
    buyerId: buyer.id,
    name: `Benchmark, ${shape}`,
    notes: '',
  });
  await setQuantitiesLocally(services, {
    selectionId: selection.id,
    lines: skus.slice(0, 500).map((sku) => ({ skuId: sku.id, quantity: 2 })),
  });
  const times: number[] = [];
  for (const sku of skus.slice(500)) {
    const started = performance.now();
    const detail = await setQuantitiesLocally(services, {
      selectionId: selection.id,
      lines: [{ skuId: sku.id, quantity: 3 }],
    });
    times.push(performance.now() - started);
    if (detail.totals.units !== 1003) throw new Error('The added line is missing from the totals');
    await setQuantitiesLocally(services, {
      selectionId: selection.id,
      lines: [{ skuId: sku.id, quantity: 0 }],
    });
  }
  times.sort((a, b) => a - b);
  const prefix = shape === 'size runs' ? 'selection.add_line' : 'selection.add_line.scattered';
  report(`${prefix}.count`, times.length, 'count');
  report(`${prefix}.median_ms`, percentile(times, 50), 'ms');
  report(`${prefix}.p95_ms`, percentile(times, 95), 'ms');
}

/** The browser shell on the benchmark's synced replica, started as `npm run start:browser` does. */
async function startShell(hub: RunningHub): Promise<{ url: string; stop: () => Promise<void> }> {
  const shell = spawn(
    process.execPath,
    ['main/shell/browser-shell.ts', '--data', desktopDir, '--port', '0', '--hub', hub.url],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    shell.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    shell.once('exit', () => reject(new Error(output)));
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      shell.once('exit', () => resolve());
      shell.kill('SIGTERM');
    });
  return { url, stop };
}

/** From starting the browser shell to the first style card painted in Chromium. */
async function benchFirstScreen(hub: RunningHub): Promise<void> {
  const browser = await launchChromium();
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const started = performance.now();
    const shell = await startShell(hub);
    await page.goto(shell.url);
    await page.getByRole('article').first().waitFor();
    runs.push(performance.now() - started);
    await page.close();
    await shell.stop();
  }
  await browser.close();
  runs.sort((a, b) => a - b);
  report('shell.first_screen_ms', percentile(runs, 50), 'ms');
}

/** How far the grid moves each frame: half a screen, a fast fling held to the end. */
const SCROLL_SCREENS_PER_FRAME = 0.5;

interface ScrollRun {
  /** requestAnimationFrame timestamps, one per frame the page painted while scrolling. */
  stamps: number[];
  /** The page's frame interval, measured before scrolling (median of idle frames). */
  interval: number;
  pxPerFrame: number;
  maxCards: number;
  framesWithPlaceholders: number;
}

/** The little of the DOM the scroll uses: it runs in the page, this file compiles for Node. */
interface Scroller {
  clientHeight: number;
  scrollHeight: number;
  scrollTop: number;
  querySelector(selector: string): unknown;
  querySelectorAll(selector: string): { length: number };
}
interface FrameClock {
  requestAnimationFrame(callback: (time: number) => void): number;
}

/**
 * Runs in the page: moves the grid's scroller by a fixed step every animation frame
 * from the top to the bottom, noting each frame's timestamp and how many cards (and
 * placeholders for styles still on their way) the DOM holds.
 */
function scrollToBottom(scroller: Scroller, screensPerFrame: number): Promise<ScrollRun> {
  const window = globalThis as unknown as FrameClock;
  const nextFrame = () => new Promise<number>((resolve) => window.requestAnimationFrame(resolve));
  return (async () => {
    const idle: number[] = [];
    let last = await nextFrame();
    for (let i = 0; i < 60; i++) {
      const now = await nextFrame();
      idle.push(now - last);
      last = now;
    }
    idle.sort((a, b) => a - b);
    const interval = idle[Math.floor(idle.length / 2)]!;
    const pxPerFrame = Math.round(scroller.clientHeight * screensPerFrame);
    const run: ScrollRun = {
      stamps: [],
      interval,
      pxPerFrame,
      maxCards: 0,
      framesWithPlaceholders: 0,
    };
    scroller.scrollTop = 0;
    for (let frame = 0; frame < 100_000; frame++) {
      run.stamps.push(await nextFrame());
      run.maxCards = Math.max(run.maxCards, scroller.querySelectorAll('.card').length);
      if (scroller.querySelector('.card--skeleton')) run.framesWithPlaceholders++;
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
      scroller.scrollTop += pxPerFrame;
    }
    return run;
  })();
}

/**
 * Scrolling the whole 10,000-style grid top to bottom in Chromium (software rendering,
 * as on a machine without a GPU). A frame is dropped when the page misses a paint: two
 * animation frames further apart than 1.5 intervals lost round(gap / interval) - 1
 * frames between them. The DOM's card count shows that only what is on screen (plus the
 * virtualizer's overscan) is rendered.
 */
async function benchGridScroll(hub: RunningHub): Promise<void> {
  const browser = await launchChromium();
  const shell = await startShell(hub);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(shell.url);
    const grid = page.getByRole('region', { name: 'Styles' });
    await grid.getByRole('article').first().waitFor();
    await page.waitForLoadState('networkidle');
    const run = await grid.evaluate(scrollToBottom, SCROLL_SCREENS_PER_FRAME);
    let dropped = 0;
    let longest = 0;
    for (let i = 1; i < run.stamps.length; i++) {
      const gap = run.stamps[i]! - run.stamps[i - 1]!;
      longest = Math.max(longest, gap);
      if (gap > 1.5 * run.interval) dropped += Math.round(gap / run.interval) - 1;
    }
    const seconds = (run.stamps.at(-1)! - run.stamps[0]!) / 1000;
    report('grid.scroll.frames', run.stamps.length, 'count');
    report('grid.scroll.seconds', seconds, 's');
    report('grid.scroll.px_per_frame', run.pxPerFrame, 'px');
    report('grid.scroll.frame_interval_ms', run.interval, 'ms');
    report('grid.scroll.dropped_frames', dropped, 'count');
    report('grid.scroll.dropped_percent', (100 * dropped) / (run.stamps.length + dropped), '%');
    report('grid.scroll.longest_frame_ms', longest, 'ms');
    report('grid.scroll.frames_with_placeholders', run.framesWithPlaceholders, 'count');
    report('grid.scroll.max_cards_in_dom', run.maxCards, 'count');
  } finally {
    await browser.close();
    await shell.stop();
  }
}

/** A products CSV of the whole demo catalog (one row per SKU), imported into an empty store. */
async function benchImport(store: Store): Promise<void> {
  const rows = await store.db
    .selectFrom('skus as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .innerJoin('colorways as c', 'c.id', 's.colorway_id')
    .innerJoin('size_scales as z', 'z.id', 'p.size_scale_id')
    .select([
      'p.style_number',
      'p.name',
      'p.category',
      'p.season',
      'z.name as size_scale',
      'c.code',
      'c.name as colour',
      'c.color_hex',
      's.size',
      's.barcode',
    ])
    .execute();
  const quote = (value: string | null) => `"${(value ?? '').replaceAll('"', '""')}"`;
  const csv = [
    'style_number,name,category,season,size_scale,colorway_code,colorway_name,color_hex,size,barcode',
    ...rows.map((row) => Object.values(row).map(quote).join(',')),
  ].join('\n');
  const importDir = mkdtempSync(join(tmpdir(), 'trunkshow-bench-import-'));
  // Imports run on the hub, whose change log records every row written.
  const target = await openStore(join(importDir, HUB_DATABASE_FILE), 'hub');
  const started = performance.now();
  const outcome = await importCatalogCsv(
    target.db,
    { kind: 'system', reason: 'benchmark' },
    { files: [{ name: 'products.csv', content: csv }] },
  );
  const seconds = (performance.now() - started) / 1000;
  await target.close();
  rmSync(importDir, { recursive: true, force: true });
  if (!outcome.files[0]?.imported) throw new Error('The benchmark import was refused');
  report('catalog.import.products_rows', rows.length, 'count');
  report('catalog.import.products_seconds', seconds, 's');
  report('catalog.import.products_rows_per_s', rows.length / seconds, 'rows/s');
}

/**
 * Share-link opens per second a standalone hub serves (token hashed and looked up,
 * expiry checked, the open noted for its batched count and audit line, the selection
 * priced), beside its lightest route, GET /api/health, on the same server with the same
 * load: autocannon, 20 connections, 10 s each, the hub in its own process as in
 * production.
 */
async function benchShareOpen(): Promise<void> {
  const store = await openStore(join(hubDir, HUB_DATABASE_FILE), 'hub');
  const hub = hubDb(store.db);
  const buyer = await hub.selectFrom('buyers').select('id').orderBy('id').executeTakeFirstOrThrow();
  const token = await insertSharedSelection(store.db, {
    buyerId: buyer.id,
    // Sizes a buyer sees: a link to styles hidden from buyers would answer an empty selection.
    skuIds: await orderableSkuIds(store.db, 50),
    name: 'Bench',
  });
  await store.close();

  const hubProcess = await spawnHub(hubDir);
  const { url } = hubProcess;
  try {
    const bare = await autocannon({ url: `${url}/api/health`, ...HUB_LOAD });
    const share = await autocannon({
      url: `${url}/api/share/open`,
      method: 'POST',
      // As a phone's browser asks for it.
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate, br' },
      body: JSON.stringify({ token }),
      ...HUB_LOAD,
    });
    if (share.non2xx > 0 || share.errors > 0) {
      throw new Error(`Share-link opens failed: ${share.non2xx} non-2xx, ${share.errors} errors`);
    }
    report('hub.bare.rps', bare.requests.average, 'req/s');
    report('share.open.rps', share.requests.average, 'req/s');
    report('share.open.p99_ms', share.latency.p99, 'ms');
  } finally {
    await hubProcess.stop();
  }
}

/** How long each fetch of `paths`, one after another, took until `until` says stop; sorted. */
async function pageTimes(url: string, paths: string[], until: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (!until()) {
    for (const path of paths) {
      const started = performance.now();
      const response = await fetch(`${url}${path}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      times.push(performance.now() - started);
    }
  }
  return times.sort((a, b) => a - b);
}

/**
 * The buyer log-in page and health while one client floods the buyer log-in with waves of
 * 600 log-ins at once, each with a random email: the hub hashes only as many passwords at
 * once as its limits allow and refuses the rest at once, so everyone else's pages stay quick.
 */
async function benchLoginFlood(): Promise<void> {
  const hubProcess = await spawnHub(hubDir);
  const { url } = hubProcess;
  const pages = ['/login', '/api/health'];
  try {
    let quietDone = false;
    setTimeout(() => (quietDone = true), 2000);
    const quiet = await pageTimes(url, pages, () => quietDone);
    const flooding = spawn(
      process.execPath,
      ['test/bench/login-flood.ts', '--url', url, '--connections', '600', '--seconds', '8'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    flooding.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let floodDone = false;
    const exited = new Promise<void>((resolve) =>
      flooding.once('exit', () => {
        floodDone = true;
        resolve();
      }),
    );
    // Measured from a second in, when all 600 are under way.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const during = await pageTimes(url, pages, () => floodDone);
    await exited;
    const statuses = JSON.parse(output) as Record<string, number>;
    report('login.quiet.page_p95_ms', percentile(quiet, 95), 'ms');
    report('login.flood.page_p95_ms', percentile(during, 95), 'ms');
    report('login.flood.page_median_ms', percentile(during, 50), 'ms');
    report('login.flood.pages', during.length, 'count');
    report(
      'login.flood.attempts',
      Object.values(statuses).reduce((a, b) => a + b, 0),
      'count',
    );
    report('login.flood.hashed', statuses['401'] ?? 0, 'count');
    report('login.flood.refused', (statuses['429'] ?? 0) + (statuses['503'] ?? 0), 'count');
  } finally {
    await hubProcess.stop();
  }
}

/** A 500-line selection's PDF (50-odd pages with a picture on every line), as a rep exports it. */
async function benchSelectionPdf(): Promise<void> {
  const detail = largeSelection(500);
  const now = new Date();
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    await selectionPdf(detail, svgPictures, { brandName: 'Nordlys', now });
    times.push(performance.now() - started);
  }
  report(
    'export.pdf.500_lines_ms',
    percentile(
      times.sort((a, b) => a - b),
      50,
    ),
    'ms',
  );
}

/**
 * `order.apply.p95_ms`: the hub applying a pushed booth order (`order.place.v1`, 20
 * lines) as a desktop's push reaches it: the push's transaction, the order service's
 * checks, stock allocated by guarded writes, the number, the device's seq and the audit
 * row; on a copy of the bench store.
 */
async function benchOrderApply(): Promise<void> {
  const copy = await copyOfHubStore(hubDir);
  const store = await openStore(copy.file, 'hub');
  try {
    const hub = hubDb(store.db);
    const rep = await hub
      .selectFrom('staff_users')
      .select('id')
      .where('role', '=', 'rep')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const device = { id: crypto.randomUUID(), userId: rep.id, role: 'rep' as const };
    const at = new Date().toISOString();
    await hub
      .insertInto('devices')
      .values({
        id: device.id,
        user_id: rep.id,
        name: 'Bench',
        token_hash: device.id,
        created_at: at,
        last_seen_at: at,
        revoked_at: null,
        revoked_by: null,
      })
      .execute();
    const buyer = await hub
      .selectFrom('buyers as b')
      .innerJoin('pricelists as p', 'p.id', 'b.pricelist_id')
      .select(['b.id', 'b.pricelist_id', 'b.discount_bp', 'b.country_code', 'p.currency'])
      .orderBy('b.id')
      .executeTakeFirstOrThrow();
    const shipping = await shippingOptions(store.db, {
      country: buyer.country_code,
      currency: buyer.currency,
    });
    const rate = shipping.ok ? shipping.rates[0]! : null;
    const pool = await hub
      .selectFrom('prices')
      .select(['sku_id', 'wholesale_minor'])
      .where('pricelist_id', '=', buyer.pricelist_id)
      .orderBy('sku_id')
      .limit(4_000)
      .execute();
    const address = boothAddress(buyer.country_code);
    const times: number[] = [];
    for (let n = 0; n < 200; n++) {
      const lines = Array.from({ length: 20 }, (_, i) => pool[(n * 20 + i) % pool.length]!).map(
        (price) => ({ skuId: price.sku_id, quantity: 6, unitPriceMinor: price.wholesale_minor }),
      );
      const args = {
        orderId: crypto.randomUUID(),
        selectionId: `bench-${n}`,
        buyerId: buyer.id,
        provisionalNumber: `P-BENCH01-${n + 1}`,
        currency: buyer.currency,
        discountBasisPoints: buyer.discount_bp,
        lines,
        shipTo: address,
        billTo: address,
        shipping: rate && rateAsAgreed(rate),
        paymentMethod: 'outside_app',
        shipStart: '',
        cancelDate: '',
        poNumber: `PO-${n}`,
        note: '',
        approvedBy: 'Bench Buyer',
      };
      const mutation = { seq: n + 1, name: 'order.place.v1', args, at: new Date().toISOString() };
      const started = performance.now();
      const pushed = await applyPush(store.db, device, [mutation], () => new Date());
      times.push(performance.now() - started);
      if (pushed.results[0]?.status !== 'applied') {
        throw new Error(`The booth order was not applied: ${JSON.stringify(pushed.results[0])}`);
      }
    }
    times.sort((a, b) => a - b);
    report('order.apply.median_ms', percentile(times, 50), 'ms');
    report('order.apply.p95_ms', percentile(times, 95), 'ms');
  } finally {
    await store.close();
    copy.remove();
  }
}

/**
 * BENCH_ONLY=place: a hub on a copy of the bench store (the orders placed stay off the
 * kept one, and so does this branch's schema) and a desktop synced to it.
 */
async function benchOrderPlaceAlone(): Promise<void> {
  const copy = await copyOfHubStore(hubDir);
  const hub = await startHub({ dataDir: copy.dir, port: 0, buyerAppDir: null });
  try {
    const desktop = await benchSync(hub);
    await benchOrderPlace(desktop, report);
    await desktop.close();
  } finally {
    await hub.close();
    copy.remove();
  }
}

// BENCH_ONLY=share runs only the share-link load test, e.g. while working on the hub;
// BENCH_ONLY=buyer only Lighthouse on the buyer pages (on a small demo hub of its own);
// BENCH_ONLY=order only the hub placing booth orders;
// BENCH_ONLY=checkout only online checkouts beside a bare durable insert;
// BENCH_ONLY=orders only the Orders view's list at 100,000 orders (a replica of its own);
// BENCH_ONLY=pdf only an order confirmation's PDF (on a small demo brand of its own).
// BENCH_ONLY=place only a desktop placing a booth order.
// BENCH_ONLY=col only a customer order link of every style (search, styles, its page).
// BENCH_ONLY=dtc-customers only the Customers tab's list and search at 5,000 customers.
// BENCH_ONLY=dtc only DTC checkout links: claim to purchase, and 100 customers racing one.
// BENCH_ONLY=pg only the hub on PostgreSQL: first sync, pushes to one and two instances,
// checkouts and share-link opens behind HAProxy.
if (process.env.BENCH_ONLY === 'buyer') {
  await benchBuyerPages(report);
  await benchCustomerLink(hubDir, report);
  await benchPostgres(hubDir, STYLES, report);
} else if (process.env.BENCH_ONLY === 'orders') {
  await benchOrdersList(report);
} else if (process.env.BENCH_ONLY === 'pdf') {
  await benchOrderPdf(report);
} else if (process.env.BENCH_ONLY === 'dtc-customers') {
  await benchDtcCustomers(report);
} else {
  await prepareHubStore();
  if (process.env.BENCH_ONLY === 'share') await benchShareOpen();
  else if (process.env.BENCH_ONLY === 'flood') await benchLoginFlood();
  else if (process.env.BENCH_ONLY === 'order') await benchOrderApply();
  else if (process.env.BENCH_ONLY === 'checkout') await benchCheckoutLoad(hubDir, report);
  else if (process.env.BENCH_ONLY === 'place') await benchOrderPlaceAlone();
  else if (process.env.BENCH_ONLY === 'col') await benchCustomerLink(hubDir, report);
  else if (process.env.BENCH_ONLY === 'dtc') await benchDtcCheckout(hubDir, report);
  else if (process.env.BENCH_ONLY === 'pg') await benchPostgres(hubDir, STYLES, report);
  else await runAll();
}

async function runAll(): Promise<void> {
  const hub = await startHub({ dataDir: hubDir, port: 0, buyerAppDir: null });
  const desktop = await benchSync(hub);
  await benchSearch(desktop.store);
  await benchOpenStyle(desktop.store);
  await benchSelection(desktop, 'size runs');
  await benchSelection(desktop, 'scattered');
  await benchImport(desktop.store);
  await benchSelectionPdf();
  await benchOrderPdf(report);
  await benchOrderPlace(desktop, report);
  await benchOrderApply();
  await benchOrdersList(report);
  await benchDtcCustomers(report);
  await desktop.close();
  await benchFirstScreen(hub);
  await benchGridScroll(hub);
  await hub.close();
  await benchShareOpen();
  await benchCheckoutLoad(hubDir, report);
  await benchDtcCheckout(hubDir, report);
  await benchLoginFlood();
  await benchBuyerPages(report);
  await benchCustomerLink(hubDir, report);
  await benchPostgres(hubDir, STYLES, report);
}
