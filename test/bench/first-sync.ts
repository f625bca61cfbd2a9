import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import type { TestDesktop } from '../support/desktop.ts';

/** Signs the demo rep's `desktop` in to the hub at `url` and times its first sync, in seconds. */
export async function timedFirstSync(desktop: TestDesktop, url: string): Promise<number> {
  await desktop.session.signIn({
    hub: { kind: 'remote', url },
    email: 'jonas@nordlys-atelier.example',
    password: DEMO_PASSWORD,
  });
  const started = performance.now();
  await desktop.engine.syncNow();
  const seconds = (performance.now() - started) / 1000;
  const status = await desktop.engine.status();
  if (status.connection !== 'online') {
    throw new Error(`The first sync failed: ${status.lastProblem?.message}`);
  }
  return seconds;
}
