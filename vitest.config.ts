import { defineConfig } from 'vitest/config';
import { TEST_TMPDIR } from './test/support/test-tmpdir.ts';

/**
 * The hub's integration tests run a second time with the hub's store on PostgreSQL (the
 * conformance suite): each starts its hubs through the test support (useDemoHub, startTestHub,
 * spawnHub, openTestHubStore), which puts them on the engine the project names. Left
 * out: files with no hub in them, and those that still open a hub's SQLite file.
 */
const NO_HUB = [
  'browser-shell',
  'built-in-hub',
  'catalog-filters',
  'catalog-import',
  'catalog-search',
  'demo-cli',
  'hub-cli',
  'hub-large-bodies',
];
const ON_SQLITE_FILES = ['bench-routes', 'sync-crash'];
const SQLITE_ONLY = [...NO_HUB, ...ON_SQLITE_FILES].map(
  (name) => `test/integration/${name}.test.ts`,
);

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    // Vitest's default is one fewer than the cores: one file at a time on a two-core
    // machine, while most integration files spend their time waiting on hubs they spawned.
    maxWorkers: 2,
    testTimeout: 20_000,
    env: TEST_TMPDIR ? { TMPDIR: TEST_TMPDIR } : {},
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          exclude: ['test/integration/postgres/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/integration/**/*.test.ts'],
          exclude: SQLITE_ONLY,
          env: { TRUNKSHOW_TEST_HUB_ENGINE: 'postgres' },
          globalSetup: ['test/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
