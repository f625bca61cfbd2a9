import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { seedDemoBrand } from '../../main/hub/demo-brand.ts';
import { HUB_DATABASE_FILE } from '../../main/hub/start.ts';
import { openStore } from '../../main/store/database.ts';
import { launchChromium } from '../support/chromium.ts';
import { shareSizeRuns } from '../support/shared-selection.ts';
import { spawnHub } from '../support/hub-process.ts';
import type { Report } from './hub-load.ts';

/**
 * Lighthouse's performance score of the buyer pages a phone opens first: the shared
 * selection, the expired page and the log-in page, served by a standalone hub on the
 * demo brand (its own process, the built dist/buyer). Mobile preset as Lighthouse
 * ships it (a mid-range phone, simulated slow 4G, 4× CPU slowdown), performance only,
 * in Debian's Chromium. Each page is measured RUNS times; its median counts, and the
 * figure is the lowest of the three pages.
 */
const RUNS = 5;
const STYLES = 300;

interface PageRun {
  score: number;
  lcpMs: number;
}

export async function benchBuyerPages(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'trunkshow-bench-buyer-'));
  const store = await openStore(join(dir, HUB_DATABASE_FILE), 'hub');
  await seedDemoBrand(store.db, { styles: STYLES, seed: 1, catalogDatesFrom: new Date() });
  // What a rep would share: size runs of a dozen colourways, priced for the buyer.
  const token = await shareSizeRuns(store.db, { language: 'en', skus: 72, name: 'Spring order' });
  await store.close();

  const hub = await spawnHub(dir);
  const port = await freePort();
  // Lighthouse drives the browser over the DevTools port; headless all the same.
  const browser = await launchChromium({
    headless: false,
    args: ['--headless=new', `--remote-debugging-port=${port}`],
  });
  try {
    const pages = {
      shared: `${hub.url}/s/${token}`,
      // A token the hub never issued: the page every link that does not open shows.
      expired: `${hub.url}/s/${randomBytes(32).toString('base64url')}`,
      login: `${hub.url}/login`,
    };
    let lowest = 100;
    for (const [name, url] of Object.entries(pages)) {
      const runs: PageRun[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await measure(url, port));
      const median = runs.sort((a, b) => a.score - b.score)[Math.floor(RUNS / 2)]!;
      report(`buyer.lighthouse.${name}.performance`, median.score, 'score');
      report(`buyer.lighthouse.${name}.lcp_ms`, median.lcpMs, 'ms');
      lowest = Math.min(lowest, median.score);
    }
    report('buyer.lighthouse.performance', lowest, 'score');
  } finally {
    await browser.close();
    await hub.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Lighthouse sometimes loses the trace of a load on a busy machine (NO_NAVSTART, "please
 * run Lighthouse again"): such a run measured nothing, so it is run again, a few times
 * at most, rather than counted or ending the bench.
 */
const TRACE_RETRIES = 3;

async function measure(url: string, port: number, attempt = 1): Promise<PageRun> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
  });
  const lhr = result?.lhr;
  const score = lhr?.categories['performance']?.score;
  if (!lhr || typeof score !== 'number') {
    if (lhr?.runtimeError?.code === 'NO_NAVSTART' && attempt < TRACE_RETRIES) {
      return measure(url, port, attempt + 1);
    }
    throw new Error(`Lighthouse measured nothing at ${url}: ${lhr?.runtimeError?.message ?? ''}`);
  }
  return {
    score: Math.round(score * 100),
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
