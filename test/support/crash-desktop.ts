/**
 * A desktop in a process of its own, for tests that kill it with SIGKILL. It opens (or
 * resumes) a replica in --dir with its credential in a file there, syncs once, then:
 *
 * - `--mode write`: stops syncing and makes --count changes locally, then prints
 *   "written" and waits to be killed. Nothing can reach the hub.
 * - `--mode writing`: stops syncing and makes --count changes locally, printing
 *   "wrote I" after each, so the test can kill it in the middle of them.
 * - `--mode push`: makes --count changes locally, prints "pushing", syncs them (pushes
 *   of up to 200, then a pull) and prints "synced"; the test kills it on the way.
 * - `--mode order`: stops syncing and places one booth order offline, through the
 *   desktop's services, from a new selection named --prefix of --count sizes for a
 *   buyer; prints "placed <order id>" and waits to be killed.
 * - `--mode resume`: makes no change and does not sync first: prints "pushing", syncs
 *   what an earlier, killed run left queued, and prints "synced".
 *
 * Each change creates a buyer named "<prefix> <index, five digits>", indexes from --start
 * (0 unless given). The process ends by itself when its parent goes (stdin closes), so
 * a failed test leaves nothing behind.
 *
 * node test/support/crash-desktop.ts --dir DIR --hub URL --mode MODE --prefix P --count N [--start I]
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import { credentialFile } from '../../main/shell/credential-file.ts';
import { createBuyer } from '../../main/sync/mutators/buyers.ts';
import { enqueue, type ReplicaAccount } from '../../main/sync/replica.ts';
import { placeOrderLocally } from '../../main/services/order-placement.ts';
import { boothOrderInput, boothSelection } from './booth-order.ts';
import { openDesktop, type TestDesktop } from './desktop.ts';

export const CRASH_DESKTOP_USER = 'jonas@nordlys-atelier.example';
export const CREDENTIAL_FILE = 'device-credential';

export function buyerName(prefix: string, index: number): string {
  return `${prefix} ${String(index).padStart(5, '0')}`;
}

/**
 * Changes made on a desktop, queued to push: each call makes a new offline buyer named
 * `name`, on the desktop's first pricelist, as the signed-in account.
 */
export async function buyerMaker(desktop: TestDesktop): Promise<(name: string) => Promise<void>> {
  const account = desktop.session.account()!;
  const pricelist = await desktop.store.db
    .selectFrom('pricelists')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return async (name) => {
    await enqueue(
      desktop.store.db,
      account,
      createBuyer,
      {
        id: uuidv7(),
        name,
        kind: 'offline',
        countryCode: 'SE',
        terms: { pricelistId: pricelist.id, discountBp: 0, language: 'en' },
      },
      new Date(),
    );
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      hub: { type: 'string' },
      mode: { type: 'string' },
      prefix: { type: 'string' },
      count: { type: 'string' },
      start: { type: 'string', default: '0' },
    },
  });
  const { dir, hub, mode, prefix } = values;
  const count = Number(values.count);
  const start = Number(values.start);
  if (
    !dir ||
    !hub ||
    !prefix ||
    !['write', 'writing', 'push', 'order', 'resume'].includes(mode ?? '') ||
    (!count && mode !== 'resume')
  ) {
    throw new Error(
      'Usage: --dir DIR --hub URL --mode write|writing|push|order|resume --prefix P --count N',
    );
  }

  // Never outlive the test that started us.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();

  const desktop = await openDesktop({
    dir,
    embeddedHubUrl: hub,
    vault: credentialFile(join(dir, CREDENTIAL_FILE)),
  });
  if ((await desktop.session.get()).state !== 'signed_in') {
    await desktop.session.signIn({
      hub: { kind: 'embedded' },
      email: CRASH_DESKTOP_USER,
      password: DEMO_PASSWORD,
    });
  }
  if (mode === 'resume') {
    process.stdout.write('pushing\n');
    await desktop.engine.syncNow();
    process.stdout.write(`synced ${JSON.stringify(await desktop.engine.status())}\n`);
    setInterval(() => undefined, 60_000);
    return;
  }
  await desktop.engine.syncNow();
  const status = await desktop.engine.status();
  if (status.connection !== 'online')
    throw new Error(`First sync failed: ${status.lastProblem?.message}`);
  const account = desktop.session.account()!;
  const makeBuyer = await buyerMaker(desktop);

  // From here on, only the changes below can make the engine push.
  if (mode !== 'push') await desktop.engine.stop();
  if (mode === 'order') {
    const orderId = await placeBoothOrder(desktop, account, prefix, count);
    process.stdout.write(`placed ${orderId}\n`);
    setInterval(() => undefined, 60_000);
    return;
  }
  for (let index = start; index < start + count; index++) {
    await makeBuyer(buyerName(prefix, index));
    // Writes to a pipe are synchronous on Linux: the test sees this line at once.
    if (mode === 'writing') process.stdout.write(`wrote ${index + 1 - start}\n`);
  }
  if (mode === 'write') process.stdout.write('written\n');
  if (mode === 'push') {
    process.stdout.write('pushing\n');
    await desktop.engine.syncNow();
    process.stdout.write(`synced ${JSON.stringify(await desktop.engine.status())}\n`);
  }
  // Wait here, with the store open, for the kill.
  setInterval(() => undefined, 60_000);
}

/**
 * A booth order as a rep places it offline: a selection of up to `sizes` sizes for a
 * buyer, ordered through the desktop's services (test/support/booth-order.ts). Answers
 * the order's id.
 */
async function placeBoothOrder(
  desktop: TestDesktop,
  account: ReplicaAccount,
  name: string,
  sizes: number,
) {
  // A stopped engine (nothing may reach the hub) no longer says who is signed in, which
  // is all the services ask of the session: they hear it from who was signed in before.
  const session = new Proxy(desktop.session, {
    get: (target, key): unknown => (key === 'account' ? () => account : Reflect.get(target, key)),
  });
  const services = {
    db: desktop.store.db,
    session,
    engine: desktop.engine,
    clock: () => new Date(),
  };
  const { selectionId, buyer } = await boothSelection(services, name, sizes);
  const placed = await placeOrderLocally(
    services,
    await boothOrderInput(services, selectionId, buyer),
  );
  return placed.orderId;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
