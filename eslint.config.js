// @ts-check
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const serverPackages = [
  'electron',
  'conf',
  'better-sqlite3',
  'kysely',
  'fastify',
  '@fastify/*',
  'pino',
  'csv-parse',
  'csv-parse/*',
  'csv-stringify',
  'csv-stringify/*',
  'pdfkit',
  'svg-to-pdfkit',
];

/** Layers, as docs/ARCHITECTURE.md draws them: dependencies point inward, each environment stays in its lane. */
const layerRules = [
  {
    name: 'domain and contract are pure',
    files: ['main/domain/**/*.ts', 'preload/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The domain and the contract are pure: no Node APIs.',
          })),
          patterns: [
            {
              group: [...serverPackages, 'react', 'react-dom', 'zustand'],
              message: 'The domain and the contract import no I/O, Electron or UI library.',
            },
            {
              regex: '(^|/)(store|services|hub|electron|shell|demo|catalog-import)/',
              message: 'The domain depends on nothing outside it.',
            },
          ],
        },
      ],
    },
  },
  {
    name: 'renderer runs in a sandboxed page',
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'The renderer has no Node APIs: ask the main side through window.trunkshow.',
          })),
          patterns: [
            {
              group: serverPackages,
              message: 'The renderer talks to the main side only through window.trunkshow.',
            },
            {
              regex: '^(\\.\\./)+main/(?!domain/)',
              message: 'The renderer may use the pure domain only.',
            },
            {
              regex: '^(\\.\\./)+preload/(?!contract/)',
              message: 'The renderer uses the contract, not a shell bridge.',
            },
          ],
        },
      ],
    },
  },
  {
    // The contract's schemas are zod, which would add about 20 KB (compressed) to a
    // phone's first screen; the pages take their types, and at run time load only the
    // contract's routes, which import nothing.
    name: 'buyer pages load no zod',
    files: ['renderer/buyer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', 'zod/*'],
              allowTypeImports: true,
              message: 'The buyer pages load no zod: import types only.',
            },
            {
              regex: '^(\\.\\./)+preload/contract/(?!buyer-api/routes\\.ts$)',
              allowTypeImports: true,
              message:
                'The buyer pages take the contract for its types (import type); at run time they load preload/contract/buyer-api/routes.ts only.',
            },
          ],
        },
      ],
    },
  },
  {
    name: 'store transactions go through inTransaction; engines differ only through EngineSql',
    files: ['main/**/*.ts'],
    ignores: ['main/store/transactions.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='transaction'][arguments.length=0]",
          message:
            'Open a transaction with inTransaction (main/store/transactions.ts): on PostgreSQL it runs the work again when a deadlock or serialization conflict ended it.',
        },
        {
          selector:
            "MemberExpression[property.name='name'][object.type='CallExpression'][object.callee.name='engineOf']",
          message:
            'Do not branch on the engine: add what differs to EngineSql (main/store/engine/engine-sql.ts) and give each engine its way.',
        },
      ],
    },
  },
  {
    name: 'transports carry calls and hold no business logic',
    files: ['main/electron/**/*.ts', 'main/shell/browser-transport.ts', 'preload/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(store|domain|services|demo|catalog-import)/',
              message:
                'A transport forwards to the service host; rules live in services and domain.',
            },
            { group: ['kysely', 'better-sqlite3'], message: 'A transport runs no SQL.' },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': [
        'error',
        {
          // React asks a store's selector again on every render and whenever it may have
          // changed; an answer that is a new array or object each time is never the same
          // answer, so React renders again and again until it gives up (error #185).
          selector: `CallExpression[callee.name=/^use\\w*Store$/] > ArrowFunctionExpression :matches(ArrayExpression, ObjectExpression, NewExpression, CallExpression[callee.property.name=/^(filter|map|flatMap|slice|concat|toSorted|toReversed|entries|keys|values)$/])`,
          message:
            'A store selector must not build a new array or object: select what the store holds (a fallback goes after the call), or wrap the selector in useShallow.',
        },
      ],
    },
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // expect.any()/stringContaining() are typed any by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      // Playwright fixtures must destructure their (empty) dependencies.
      'no-empty-pattern': 'off',
    },
  },
  ...layerRules,
);
