import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { electronBinary } from './electron-binary.ts';

/**
 * `npm start`, after the build: runs the desktop app. Electron's binary is fetched from
 * its release host the first time; where that host cannot be reached, say so in one
 * line and point at the browser shell, instead of printing a stack trace.
 */
const root = resolve(import.meta.dirname, '..');
let binary = electronBinary(root);
if (!binary) {
  console.log('Fetching the Electron binary (first start only)…');
  spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: 'ignore',
    timeout: 120_000,
  });
  binary = electronBinary(root);
}
if (!binary) {
  console.error(
    'The Electron binary could not be downloaded from its release host, so the desktop window cannot open here; run "npm run start:browser" to use Trunkshow in your browser instead.',
  );
  process.exit(1);
}

const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
