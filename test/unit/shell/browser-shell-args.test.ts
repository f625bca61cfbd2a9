import { describe, expect, it } from 'vitest';
import { parseBrowserShellArgs } from '../../../main/shell/browser-shell.ts';

describe('npm run start:browser arguments', () => {
  it('runs the demo on the wall clock by default', () => {
    const args = parseBrowserShellArgs(['--data', '/tmp/showroom']);
    expect(args).toMatchObject({
      dataDir: '/tmp/showroom',
      port: 0,
      demoStyles: 300,
      hubUrl: null,
      timeTravel: false,
    });
  });

  it('reads time travel, another hub and a new brand when asked', () => {
    const args = parseBrowserShellArgs([
      '--data',
      '/tmp/showroom',
      '--time-travel',
      '--no-demo',
      '--hub',
      'http://127.0.0.1:8787/path',
    ]);
    expect(args).toMatchObject({
      timeTravel: true,
      demoStyles: null,
      hubUrl: 'http://127.0.0.1:8787',
    });
  });

  it('says what is wrong with a bad value', () => {
    expect(() => parseBrowserShellArgs(['--port', '70000'])).toThrow(/--port must be/);
    expect(() => parseBrowserShellArgs(['--hub', 'ftp://x'])).toThrow(/--hub must be/);
    expect(() => parseBrowserShellArgs(['--travel'])).toThrow();
  });
});
