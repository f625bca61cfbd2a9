import { parseArgs } from 'node:util';
import { build } from 'vite';

/**
 * One build tool for every part: Vite builds the showroom, the buyer web app, the
 * browser shell's bridge and the Electron bundles (main and worker; the CommonJS preload).
 * `--web` builds only what the browser shell and the hub serve.
 */
const targets = {
  showroom: 'vite.showroom.config.ts',
  buyer: 'vite.buyer.config.ts',
  bridge: 'vite.bridge.config.ts',
  electron: 'vite.electron.config.ts',
  preload: 'vite.preload.config.ts',
} as const;

const { values } = parseArgs({
  options: { web: { type: 'boolean', default: false }, buyer: { type: 'boolean', default: false } },
});
const chosen: (keyof typeof targets)[] = values.buyer
  ? ['buyer']
  : values.web
    ? ['showroom', 'buyer', 'bridge']
    : ['showroom', 'buyer', 'bridge', 'electron', 'preload'];

const started = performance.now();
for (const target of chosen) {
  await build({ configFile: targets[target], logLevel: 'warn' });
}
console.log(`Built ${chosen.join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
