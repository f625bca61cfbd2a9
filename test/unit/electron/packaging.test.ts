import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import electronBuild from '../../../vite.electron.config.ts';
import { WORKER_FILES } from '../../../main/electron/packaged-files.ts';
import { PDF_FONT_PACKAGE } from '../../../main/services/export/pdf-fonts.ts';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

interface LockedPackage {
  dependencies?: Record<string, string>;
}

/** Where Node finds `name` from the package installed at `from`, by the lockfile's layout. */
function resolveLocked(
  packages: Record<string, LockedPackage>,
  from: string,
  name: string,
): string | null {
  let folder = from;
  for (;;) {
    const candidate = `${folder}/node_modules/${name}`;
    if (packages[candidate.replace(/^\//, '')]) return candidate.replace(/^\//, '');
    if (folder === '') return null;
    const parent = folder.lastIndexOf('/node_modules/');
    folder = parent < 0 ? '' : folder.slice(0, parent);
  }
}

function runtimeClosure(packages: Record<string, LockedPackage>, start: string): Set<string> {
  const found = new Set<string>();
  const visit = (path: string) => {
    if (found.has(path)) return;
    found.add(path);
    for (const name of Object.keys(packages[path]?.dependencies ?? {})) {
      const resolved = resolveLocked(packages, path, name);
      if (!resolved) throw new Error(`${path} needs ${name}, which is not installed`);
      visit(resolved);
    }
  };
  visit(start);
  return found;
}

const builder = parse(read('electron-builder.yml')) as { asarUnpack: string[] };
/** Whether electron-builder leaves this file (relative to the app's root) outside app.asar. */
const isUnpacked = (file: string) =>
  builder.asarUnpack.some((pattern) => posix.matchesGlob(file, pattern));

/** C++ headers for building better-sqlite3 from source; its prebuilt binary needs none of it. */
const BUILD_ONLY = new Set(['node_modules/node-addon-api']);

const rollup = electronBuild.build!.rollupOptions!;
const inputs = rollup.input as Record<string, string>;
const external = (electronBuild.ssr!.external as string[]).filter((name) => name !== 'electron');

describe('desktop package', () => {
  it('builds no worker that the list of files workers use leaves out', () => {
    const workers = Object.keys(inputs)
      .filter((name) => name !== 'main')
      .map((name) => `dist/electron/${name}.js`);
    expect(workers.length).toBeGreaterThan(0);
    expect(Object.values(WORKER_FILES)).toEqual(expect.arrayContaining(workers));
  });

  it('unpacks every worker, the chunks they share and every file they read', () => {
    const files = Object.values(WORKER_FILES).map((path) =>
      // A folder is read whole: a file in it stands for all.
      path.endsWith('.js') ? path : `${path}/index.html`,
    );
    const output = rollup.output as { chunkFileNames: string };
    files.push(`dist/electron/${output.chunkFileNames.replace('[name]-[hash]', 'store-1a2b3c')}`);
    expect(files.filter((file) => !isUnpacked(file))).toEqual([]);
  });

  it('unpacks every package the workers load at run time, and everything those import', () => {
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, LockedPackage>;
    };
    expect(external).toEqual(expect.arrayContaining(['better-sqlite3', 'pdfkit']));
    const needed = new Set<string>();
    for (const name of [...external, PDF_FONT_PACKAGE]) {
      for (const path of runtimeClosure(lock.packages, `node_modules/${name}`)) needed.add(path);
    }
    const missing = [...needed].filter(
      (path) => !BUILD_ONLY.has(path) && !isUnpacked(`${path}/package.json`),
    );
    expect(missing).toEqual([]);
  });
});
