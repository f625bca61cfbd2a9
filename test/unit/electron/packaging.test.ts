import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

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

describe('desktop package', () => {
  it('unpacks pdfkit and every package it imports beside the worker that loads it', () => {
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, LockedPackage>;
    };
    const unpacked = [
      ...read('electron-builder.yml').matchAll(/^ {2}- (node_modules\/\S+)\/\*\*$/gm),
    ].map((match) => match[1]);
    const missing = [...runtimeClosure(lock.packages, 'node_modules/pdfkit')].filter(
      // A package nested in an unpacked one comes along with it.
      (path) => !unpacked.some((folder) => path === folder || path.startsWith(`${folder}/`)),
    );
    expect(missing).toEqual([]);
    expect(read('vite.electron.config.ts')).toMatch(/external: \[[^\]]*'pdfkit'/);
  });
});
