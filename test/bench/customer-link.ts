import { sql } from 'kysely';
import { hashPassword } from '../../main/hub/auth/passwords.ts';
import { hubDb, openStore, type StoreDb } from '../../main/store/database.ts';
import type {
  CustomerLinkStyles,
  CustomerLinkView,
} from '../../preload/contract/buyer-api/index.ts';
import { launchChromium } from '../support/chromium.ts';
import { insertCustomerOrderLink } from '../support/customer-order-link.ts';
import { spawnHub } from '../support/hub-process.ts';
import { lighthouseBrowser } from './buyer-lighthouse.ts';
import { copyOfHubStore, percentile, type Report } from './hub-load.ts';

/**
 * BENCH_ONLY=col: a customer order link on the 10,000-style bench store as a buyer on a
 * phone uses it, against a standalone hub (its own process, the built dist/buyer):
 *
 * - `col.catalog.search.*`: searches over HTTP (POST /api/link/styles) in the link's
 *   open catalogs at the logged-in buyer's pricelist and discount: one letter, letters
 *   as typed, words of names, colours, style numbers whole and in part, each catalog
 *   chosen with and without words, the next pages of broad searches; one at a time,
 *   each timed from request to parsed answer.
 * - `col.style.*`: opening styles spread over the link (POST /api/link/style).
 * - `col.page.lcp_ms`: the link's first catalog page in Chromium on a 375×812 phone
 *   (mobile emulation, no throttling), the visit's cookie set, each run in a fresh
 *   browser context (nothing cached): the Largest Contentful Paint the page reports, median.
 * - `col.lighthouse.{login,catalog}.*`: Lighthouse's mobile preset on the link's log-in
 *   page and, logged in (the cookie sent as an extra header), its catalog page.
 *
 * The demo's open catalogs hold one season, so the link gets an Open catalog of every
 * style beside the demo's four (two open, one Closed, one not yet published): its open
 * catalogs hold all 10,000. On a copy of the kept store, so the catalog, the link and
 * the visit stay off it.
 */
const SEARCH_PAGE = 24;
const SEARCH_ROUNDS = 3;
const STYLES_OPENED = 400;
const LCP_RUNS = 7;
const LIGHTHOUSE_RUNS = 5;
const PASSWORD = 'a long buyer password';
const VISIT_COOKIE = 'trunkshow-link';

interface BenchLink {
  token: string;
  person: { email: string; buyerId: string };
  /** Style numbers, words of names and colours as buyers type them, read from the store. */
  styleNumbers: string[];
  nameWords: string[];
  colours: string[];
  /** Styles spread over the link, to open. */
  styleIds: string[];
}

export async function benchCustomerLink(hubDir: string, report: Report): Promise<void> {
  const copy = await copyOfHubStore(hubDir);
  try {
    const link = await linkOfEveryStyle(copy.file);
    const hub = await spawnHub(copy.dir);
    try {
      const { cookie, catalogIds } = await logIn(hub.url, link);
      const post = linkApi(hub.url, link.token, cookie);
      await benchSearch(post, link, catalogIds, report);
      await benchOpenStyle(post, link, report);
      await benchFirstCatalogPage(hub.url, link.token, cookie, report);
      await benchLighthouse(hub.url, link.token, cookie, report);
    } finally {
      await hub.stop();
    }
  } finally {
    copy.remove();
  }
}

async function linkOfEveryStyle(file: string): Promise<BenchLink> {
  const store = await openStore(file, 'hub');
  try {
    const db = hubDb(store.db);
    const day = 86_400_000;
    const everyStyle = 'bench-every-style';
    await db
      .insertInto('catalogs')
      .values({
        id: everyStyle,
        name: 'Every Style',
        status: 'Open',
        publication_at: new Date(Date.now() - day).toISOString(),
        order_deadline_at: new Date(Date.now() + 90 * day).toISOString(),
      })
      .execute();
    await db
      .insertInto('catalog_products')
      .columns(['catalog_id', 'product_id', 'position'])
      .expression((eb) =>
        eb
          .selectFrom('products')
          .select([
            eb.val(everyStyle).as('catalog_id'),
            'id',
            sql<number>`row_number() over (order by style_number)`.as('position'),
          ]),
      )
      .execute();
    const demo = await db
      .selectFrom('catalogs')
      .select('id')
      .where('id', '!=', everyStyle)
      .orderBy('name')
      .execute();
    const { token } = await insertCustomerOrderLink(store.db, {
      catalogIds: [everyStyle, ...demo.map((catalog) => catalog.id)],
    });
    return { token, person: await buyerPerson(store.db), ...(await searchWords(store.db)) };
  } finally {
    await store.close();
  }
}

/** A person of two buyers or more, with a password, and the buyer they order for. */
async function buyerPerson(db: StoreDb): Promise<BenchLink['person']> {
  const hub = hubDb(db);
  const someone = await hub
    .selectFrom('buyer_memberships as m')
    .innerJoin('buyer_users as u', 'u.id', 'm.buyer_user_id')
    .select(['u.id', 'u.email', (eb) => eb.fn.min('m.buyer_id').as('buyerId')])
    .groupBy(['u.id', 'u.email'])
    .having((eb) => eb.fn.countAll(), '>=', 2)
    .orderBy('u.email')
    .executeTakeFirstOrThrow();
  await hub
    .updateTable('buyer_users')
    .set({ password_hash: await hashPassword(PASSWORD) })
    .where('id', '=', someone.id)
    .execute();
  return { email: someone.email, buyerId: someone.buyerId };
}

async function searchWords(db: StoreDb) {
  const styles = await hubDb(db)
    .selectFrom('products')
    .select(['id', 'style_number', 'name'])
    .orderBy('style_number')
    .execute();
  const step = Math.max(1, Math.floor(styles.length / STYLES_OPENED));
  const spread = styles.filter((_, index) => index % step === 0);
  const colours = await hubDb(db)
    .selectFrom('colorways')
    .select('name')
    .distinct()
    .orderBy('name')
    .execute();
  const words = new Set(
    spread.slice(0, 60).flatMap((style) => style.name.toLowerCase().split(' ')),
  );
  return {
    styleNumbers: spread.slice(0, 40).map((style) => style.style_number),
    nameWords: [...words],
    colours: colours.map((colour) => colour.name.toLowerCase()),
    styleIds: spread.slice(0, STYLES_OPENED).map((style) => style.id),
  };
}

type Post = <Answer>(path: string, body: object) => Promise<Answer>;

/** The link's buyer API as its page calls it: the token in the body, the visit's cookie. */
function linkApi(url: string, token: string, cookie: string): Post {
  return async <Answer>(path: string, body: object) => {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `${VISIT_COOKIE}=${cookie}`,
        'accept-encoding': 'gzip, deflate, br',
      },
      body: JSON.stringify({ token, ...body }),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as Answer;
  };
}

/** "Login with User Account", then the choice of a buyer: the visit's cookie and open catalogs. */
async function logIn(url: string, link: BenchLink) {
  const response = await fetch(`${url}/api/link/log-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token: link.token,
      method: 'userAccount',
      identifier: link.person.email,
      secret: PASSWORD,
    }),
  });
  const set = response.headers.getSetCookie().find((line) => line.startsWith(`${VISIT_COOKIE}=`));
  if (!response.ok || !set) throw new Error(`The log-in answered ${response.status}`);
  const cookie = set.slice(VISIT_COOKIE.length + 1).split(';')[0]!;
  const view = await linkApi(
    url,
    link.token,
    cookie,
  )<CustomerLinkView>('/api/link/buyer', {
    buyerId: link.person.buyerId,
  });
  if (view.screen !== 'catalog') throw new Error(`The link showed ${view.screen}`);
  return { cookie, catalogIds: view.catalogs.map((catalog) => catalog.id) };
}

interface Search {
  query: string;
  catalogId: string | null;
  offset: number;
}

/** What buyers search for on the link, first pages and further ones. */
function searches(link: BenchLink, catalogIds: readonly string[]): Search[] {
  const typed = [
    // One letter, and words as they are typed letter by letter.
    ...'asctbmdlwk'.split(''),
    ...link.nameWords.slice(0, 12).flatMap((word) => [word.slice(0, 2), word.slice(0, 3), word]),
    ...link.nameWords,
    ...link.colours,
    ...link.colours.slice(0, 6).map((colour, index) => `${link.nameWords[index]} ${colour}`),
    // Style numbers: the season, then more of it, then whole.
    'ss27',
    'aw26-0',
    ...link.styleNumbers.flatMap((number) => [number.slice(0, 7), number]),
    'zzz-nothing',
  ];
  const first = (query: string, catalogId: string | null = null) => ({
    query,
    catalogId,
    offset: 0,
  });
  const chosen = catalogIds.flatMap((catalogId, index) => [
    first('', catalogId),
    ...typed.filter((_, k) => k % 9 === index).map((query) => first(query, catalogId)),
  ]);
  // "Show more" down broad searches, and the pages buyers rarely reach.
  const broad = ['', 'a', 'dress', link.colours[0]!];
  const further = broad.flatMap((query) =>
    [1, 2, 3, 5, 10, 40].map((page) => ({ query, catalogId: null, offset: page * SEARCH_PAGE })),
  );
  return [first(''), ...typed.map((query) => first(query)), ...chosen, ...further];
}

async function benchSearch(
  post: Post,
  link: BenchLink,
  catalogIds: readonly string[],
  report: Report,
): Promise<void> {
  const all = searches(link, catalogIds);
  const search = (each: Search) =>
    post<CustomerLinkStyles>('/api/link/styles', { ...each, limit: SEARCH_PAGE });
  const everything = await search({ query: '', catalogId: null, offset: 0 });
  for (const each of all.slice(0, 50)) await search(each);
  const timed: { search: Search; ms: number }[] = [];
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    for (const each of all) {
      const started = performance.now();
      await search(each);
      timed.push({ search: each, ms: performance.now() - started });
    }
  }
  timed.sort((a, b) => a.ms - b.ms);
  const times = timed.map((each) => each.ms);
  // What the slowest were, to look into (stderr: not a figure).
  for (const { search, ms } of timed.slice(-8))
    console.error(`(col search ${ms.toFixed(1)} ms: ${JSON.stringify(search)})`);
  report('col.catalog.styles', everything.total, 'count');
  report('col.catalog.search.queries', times.length, 'count');
  report('col.catalog.search.median_ms', percentile(times, 50), 'ms');
  report('col.catalog.search.p95_ms', percentile(times, 95), 'ms');
  report('col.catalog.search.max_ms', times.at(-1)!, 'ms');
}

async function benchOpenStyle(post: Post, link: BenchLink, report: Report): Promise<void> {
  const open = (styleId: string) => post('/api/link/style', { styleId });
  for (const styleId of link.styleIds.slice(0, 20)) await open(styleId);
  const times: number[] = [];
  for (const styleId of link.styleIds) {
    const started = performance.now();
    await open(styleId);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  report('col.style.count', times.length, 'count');
  report('col.style.median_ms', percentile(times, 50), 'ms');
  report('col.style.p95_ms', percentile(times, 95), 'ms');
}

/**
 * Runs in the page before its own script: notes every Largest Contentful Paint candidate
 * (the last one is the page's LCP) and what it was.
 */
const OBSERVE_LCP = `
  window.lcpEntries = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const element = entry.element;
      window.lcpEntries.push({
        at: entry.startTime,
        what: element ? element.tagName.toLowerCase() + '.' + element.className : '',
      });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

interface LcpEntry {
  at: number;
  what: string;
}

async function benchFirstCatalogPage(
  url: string,
  token: string,
  cookie: string,
  report: Report,
): Promise<void> {
  const browser = await launchChromium();
  const runs: LcpEntry[] = [];
  try {
    for (let run = 0; run < LCP_RUNS; run++) {
      const context = await browser.newContext({
        viewport: { width: 375, height: 812 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
      });
      await context.addCookies([{ name: VISIT_COOKIE, value: cookie, url }]);
      await context.addInitScript({ content: OBSERVE_LCP });
      const page = await context.newPage();
      await page.goto(`${url}/c/${token}`);
      await page.locator('img.link-style__picture').first().waitFor();
      await page.waitForLoadState('networkidle');
      const entries = await page.evaluate<LcpEntry[]>('window.lcpEntries');
      const last = entries.at(-1);
      if (!last) throw new Error('The catalog page reported no Largest Contentful Paint');
      runs.push(last);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  runs.sort((a, b) => a.at - b.at);
  const median = runs[Math.floor(runs.length / 2)]!;
  console.error(`(col.page.lcp: ${median.what})`);
  report('col.page.lcp_ms', median.at, 'ms');
}

async function benchLighthouse(
  url: string,
  token: string,
  cookie: string,
  report: Report,
): Promise<void> {
  const lighthouse = await lighthouseBrowser();
  try {
    // The same link: before the log-in (its own browser's visit has none), then with the visit.
    const pages = {
      login: { url: `${url}/c/${token}`, headers: {} },
      catalog: { url: `${url}/c/${token}`, headers: { Cookie: `${VISIT_COOKIE}=${cookie}` } },
    };
    for (const [name, page] of Object.entries(pages)) {
      const { scores, lcpMs } = await lighthouse.median(page.url, LIGHTHOUSE_RUNS, {
        also: ['accessibility', 'best-practices'],
        headers: page.headers,
      });
      report(`col.lighthouse.${name}.performance`, scores.performance, 'score');
      report(`col.lighthouse.${name}.accessibility`, scores.accessibility!, 'score');
      report(`col.lighthouse.${name}.best_practices`, scores['best-practices']!, 'score');
      report(`col.lighthouse.${name}.lcp_ms`, lcpMs, 'ms');
    }
  } finally {
    await lighthouse.close();
  }
}
