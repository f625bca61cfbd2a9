import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { seedDemoBrand } from '../../main/hub/demo-brand.ts';
import { HUB_DATABASE_FILE } from '../../main/hub/start.ts';
import { openStore } from '../../main/store/database.ts';
import { DTC_CHECKOUT_PATH_PREFIX } from '../../main/domain/dtc.ts';
import { launchChromium } from '../support/chromium.ts';
import { insertDtcLink } from '../support/dtc.ts';
import { freePort } from '../support/free-port.ts';
import { orderableSkuIds, shareSizeRuns } from '../support/shared-selection.ts';
import { spawnHub } from '../support/hub-process.ts';
import type { Report } from './hub-load.ts';

/**
 * Lighthouse's performance score of the buyer pages a phone opens first: the shared
 * selection, the expired page, the log-in page and a DTC checkout link's page (each
 * run's load claims its own copy of the basket), served by a standalone hub on the
 * demo brand (its own process, the built dist/buyer). Mobile preset as Lighthouse
 * ships it (a mid-range phone, simulated slow 4G, 4× CPU slowdown), performance only,
 * in Debian's Chromium. Each page is measured RUNS times; its median counts, and the
 * figure is the lowest of the pages.
 */
const RUNS = 5;
const STYLES = 300;

export async function benchBuyerPages(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'trunkshow-bench-buyer-'));
  const store = await openStore(join(dir, HUB_DATABASE_FILE), 'hub');
  await seedDemoBrand(store.db, { styles: STYLES, seed: 1, catalogDatesFrom: new Date() });
  // What a rep would share: size runs of a dozen colourways, priced for the buyer.
  const token = await shareSizeRuns(store.db, { language: 'en', skus: 72, name: 'Spring order' });
  // A VIP's basket of a few sizes, as a rep would send it to one customer.
  const dtc = await insertDtcLink(store.db, {
    lines: (await orderableSkuIds(store.db, 6)).map((skuId) => ({ skuId, quantity: 1 })),
    lockQuantities: true,
  });
  await store.close();

  const hub = await spawnHub(dir);
  const lighthouse = await lighthouseBrowser();
  try {
    const pages = {
      shared: `${hub.url}/s/${token}`,
      // A token the hub never issued: the page every link that does not open shows.
      expired: `${hub.url}/s/${randomBytes(32).toString('base64url')}`,
      login: `${hub.url}/login`,
      dtc: `${hub.url}${DTC_CHECKOUT_PATH_PREFIX}${dtc.linkId}/${dtc.token}`,
    };
    let lowest = 100;
    for (const [name, url] of Object.entries(pages)) {
      const median = await lighthouse.median(url, RUNS);
      report(`buyer.lighthouse.${name}.performance`, median.scores.performance, 'score');
      report(`buyer.lighthouse.${name}.lcp_ms`, median.lcpMs, 'ms');
      lowest = Math.min(lowest, median.scores.performance);
    }
    report('buyer.lighthouse.performance', lowest, 'score');
  } finally {
    await lighthouse.close();
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Lighthouse's categories scored beside performance, which is always scored. */
type OtherCategory = 'accessibility' | 'best-practices';

/** A page's scores (0–100) in the categories asked, and its LCP in Lighthouse's simulated load. */
export interface PageRun {
  scores: Partial<Record<OtherCategory, number>> & { performance: number };
  lcpMs: number;
}

/**
 * Debian's Chromium with a DevTools port Lighthouse drives (headless all the same), and
 * a page measured in it `runs` times: each category's median score, and the LCP of the
 * run with the median performance. `headers` go with every request of the page (a
 * visit's cookie).
 */
export async function lighthouseBrowser() {
  const port = await freePort();
  const browser = await launchChromium({
    headless: false,
    args: ['--headless=new', `--remote-debugging-port=${port}`],
  });
  return {
    async median(
      url: string,
      runs: number,
      options: { also?: readonly OtherCategory[]; headers?: Record<string, string> } = {},
    ): Promise<PageRun> {
      const also = options.also ?? [];
      const measured: PageRun[] = [];
      for (let run = 0; run < runs; run++) {
        measured.push(await measure(url, port, also, options.headers ?? {}));
      }
      const middle = <T>(sorted: T[]) => sorted[Math.floor(runs / 2)]!;
      const median = middle(measured.sort((a, b) => a.scores.performance - b.scores.performance));
      const scores: PageRun['scores'] = { performance: median.scores.performance };
      for (const category of also) {
        scores[category] = middle(
          measured.map((run) => run.scores[category]!).sort((a, b) => a - b),
        );
      }
      return { scores, lcpMs: median.lcpMs };
    },
    close: () => browser.close(),
  };
}

/**
 * Lighthouse sometimes loses the trace of a load on a busy machine (NO_NAVSTART, "please
 * run Lighthouse again"): such a run measured nothing, so it is run again, a few times
 * at most, rather than counted or ending the bench.
 */
const TRACE_RETRIES = 3;

async function measure(
  url: string,
  port: number,
  also: readonly OtherCategory[],
  headers: Record<string, string>,
  attempt = 1,
): Promise<PageRun> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', ...also],
    extraHeaders: headers,
  });
  const lhr = result?.lhr;
  const score = (category: string) => lhr?.categories[category]?.score;
  const performance = score('performance');
  if (!lhr || typeof performance !== 'number') {
    if (lhr?.runtimeError?.code === 'NO_NAVSTART' && attempt < TRACE_RETRIES) {
      return measure(url, port, also, headers, attempt + 1);
    }
    throw new Error(`Lighthouse measured nothing at ${url}: ${lhr?.runtimeError?.message ?? ''}`);
  }
  const scores: PageRun['scores'] = { performance: Math.round(performance * 100) };
  for (const category of also) scores[category] = Math.round((score(category) ?? 0) * 100);
  return {
    scores,
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
  };
}
