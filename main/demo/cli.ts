import { join } from 'node:path';
import { privateDir } from '../platform/private-files.ts';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openStore } from '../store/database.ts';
import { DEMO_PASSWORD, seedDemoBrand } from '../hub/demo-brand.ts';
import { StoreNotEmpty } from './generate.ts';
import { HUB_DATABASE_FILE } from '../hub/start.ts';
import { DEMO_DEFAULT_STYLES, DEMO_MAX_STYLES } from './generate.ts';

/**
 * `npm run demo -- --data DIR [--styles N] [--seed S]`: the demo brand, with its demo
 * accounts, into the hub whose data folder is DIR (DIR/hub.sqlite).
 */
const Args = z.object({
  data: z.string({ error: 'Say where with --data DIR' }).min(1, 'Say where with --data DIR'),
  styles: z.coerce
    .number({ error: '--styles is a whole number' })
    .int('--styles is a whole number')
    .min(1, '--styles is at least 1')
    .max(DEMO_MAX_STYLES, `--styles is at most ${DEMO_MAX_STYLES}`)
    .default(DEMO_DEFAULT_STYLES),
  seed: z.coerce
    .number({ error: '--seed is a whole number' })
    .int('--seed is a whole number')
    .optional(),
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let raw;
try {
  raw = parseArgs({
    options: { data: { type: 'string' }, styles: { type: 'string' }, seed: { type: 'string' } },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
const parsed = Args.safeParse(raw);
if (!parsed.success) fail(parsed.error.issues.map((issue) => issue.message).join('\n'));
const { data, styles, seed } = parsed.data;

privateDir(data);
const file = join(data, HUB_DATABASE_FILE);
const store = await openStore(file, 'hub');
try {
  const started = performance.now();
  const summary = await seedDemoBrand(store.db, {
    styles,
    ...(seed === undefined ? {} : { seed }),
  }).catch((error: unknown) => {
    if (error instanceof StoreNotEmpty) return null;
    throw error;
  });
  if (!summary) {
    console.error(`${file} already holds a brand; the demo brand goes only into an empty store.`);
    process.exitCode = 1;
  } else {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Wrote ${summary.brand} to ${file}: ${summary.styles} styles, ${summary.skus} SKUs, ${summary.pictures} pictures, ${summary.buyers} buyers in ${seconds} s`,
    );
    console.log(`Demo accounts sign in with the password "${DEMO_PASSWORD}".`);
  }
} finally {
  await store.close();
}
