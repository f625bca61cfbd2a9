import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import { createSelectionLocally, updateSelectionLocally } from '../../main/services/selections.ts';
import { openDesktop, servicesOf } from './desktop.ts';

export interface OtherDevice {
  /** Changes that have reached the hub so far. */
  pushed(): number;
  /** Stops after the change under way and closes the device; rejects if a change failed. */
  stop(): Promise<void>;
}

/**
 * Another computer of the same person, signed in to the same hub, changing a selection
 * of its own and syncing, again and again until stopped: every change reaches the hub,
 * which tells the person's other desktops to pull.
 */
export async function keepPushingChanges(hubUrl: string, email: string): Promise<OtherDevice> {
  const device = await openDesktop({ embeddedHubUrl: hubUrl });
  await device.session.signIn({ hub: { kind: 'embedded' }, email, password: DEMO_PASSWORD });
  await device.engine.syncNow();
  const services = servicesOf(device);
  const buyer = await device.store.db
    .selectFrom('buyers')
    .select('id')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  const selection = await createSelectionLocally(services, {
    buyerId: buyer.id,
    name: 'From the other computer',
    notes: '',
  });

  let pushed = 0;
  let running = true;
  let failure: Error | null = null;
  const pushing = (async () => {
    while (running) {
      await updateSelectionLocally(services, {
        selectionId: selection.id,
        name: selection.name,
        notes: `Change ${pushed + 1}`,
      });
      await device.engine.syncNow();
      const status = await device.engine.status();
      if (status.pending > 0)
        throw new Error(`A change did not reach the hub: ${status.lastProblem?.message}`);
      pushed++;
    }
  })().catch((error: unknown) => {
    failure = error instanceof Error ? error : new Error(String(error));
  });

  return {
    pushed: () => pushed,
    async stop() {
      running = false;
      await pushing;
      await device.close();
      if (failure) throw failure;
    },
  };
}
