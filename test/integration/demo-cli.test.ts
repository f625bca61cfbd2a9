import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'trunkshow-demo-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function demo(...args: string[]) {
  return run(process.execPath, ['main/demo/cli.ts', ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('npm run demo', () => {
  it('writes the demo brand into an empty data folder, and never over a catalog', async () => {
    const first = await demo('--data', dir, '--styles', '40', '--seed', '3');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Wrote Nordlys Atelier to .*hub\.sqlite: 40 styles, \d+ SKUs/);

    const second = await demo('--data', dir, '--styles', '40');
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already holds a brand/);
    expect(second.stderr).not.toMatch(/\n\s+at /);
  });

  it('says what is wrong with its arguments, without a stack trace', async () => {
    const noData = await demo('--styles', '10');
    expect(noData.code).toBe(1);
    expect(noData.stderr.trim()).toBe('Say where with --data DIR');

    const bad = await demo('--data', dir, '--styles', 'lots');
    expect(bad.stderr.trim()).toBe('--styles is a whole number');
    const huge = await demo('--data', dir, '--styles', '90000');
    expect(huge.stderr.trim()).toBe('--styles is at most 20000');
  });
});
