import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DesktopPreferences } from '../../main/shell/preferences.ts';
import { signInAsDemo, startBrowserShell } from './shell.ts';

test('when another program holds the built-in hub’s port, the showroom says links made before no longer open', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'trunkshow-e2e-moved-'));
  const squatter = createServer();
  try {
    const first = await startBrowserShell({ dataDir, demoStyles: 20 });
    await page.goto(first.url);
    await signInAsDemo(page, 'Maja Lindqvist');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await first.stop();

    const kept = new DesktopPreferences(dataDir).hubPort!;
    await new Promise<void>((resolve) => squatter.listen(kept, '127.0.0.1', resolve));
    const second = await startBrowserShell({ dataDir, demoStyles: 20 });
    try {
      await page.goto(second.url);
      const moved = new DesktopPreferences(dataDir).hubPort!;
      const banner = page.getByRole('alert');
      await expect(banner).toContainText(
        `Another program was using port ${kept}, so the built-in hub now listens on port ${moved} and keeps it.`,
      );
      await page.screenshot({ path: testInfo.outputPath('hub-moved.png') });
      await banner.getByRole('button', { name: 'Got it' }).click();
      await expect(banner).toHaveCount(0);
    } finally {
      await second.stop();
    }
  } finally {
    squatter.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
