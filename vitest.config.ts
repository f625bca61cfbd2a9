import { defineConfig } from 'vitest/config';

/**
 * The hub's integration tests that run a second time with the hub's store on PostgreSQL
 * (the conformance suite of issue 15): every file here starts its hubs through the test
 * support (useDemoHub, spawnHub), which puts them on the engine the project names.
 */
const ON_POSTGRES_TOO = ['test/integration/*.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
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
          include: ['test/integration/postgres/**/*.test.ts', ...ON_POSTGRES_TOO],
          env: { TRUNKSHOW_TEST_HUB_ENGINE: 'postgres' },
          globalSetup: ['test/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
