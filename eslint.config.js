import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The one-way arrows of docs/architecture.md, checked on resolved files (not on how an import is spelled).
const root = import.meta.dirname;
const modules = readdirSync(`${root}/src/modules`, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
// A module's public files: what other modules (and the demo, jobs, bench) may import of it.
const publicFiles = ['service', 'schemas', 'types', 'index'].map((f) => `${root}/src/modules/*/${f}.ts`);
// Pure parts: rules and arithmetic, no I/O, no clock, no globals (so they can be property-tested in any zone).
const pure = [
  'src/time/**',
  'src/pricing/**',
  'src/modules/availability/engine.ts',
  'src/modules/availability/types.ts',
  'src/modules/venues/types.ts',
  'src/modules/bookings/pricing.ts',
  'src/modules/bookings/status.ts',
];
const io = [
  'src/db/**',
  'src/http/**',
  'src/queue/**',
  'src/jobs/**',
  'src/modules/*/service.ts',
  'src/modules/*/sql.ts',
  'src/modules/*/routes.ts',
  'src/{app,main,cli,worker}.ts',
];
// Entry points: each starts the program (or, for a job, one unit of work) and uses modules from outside.
const entryPoints = 'src/{app,main,cli,worker}.ts';

const zones = [
  ...modules.map((m) => ({
    target: `src/modules/${m}/**`,
    from: `src/modules/!(${m})/**`,
    except: publicFiles,
    message: 'A module imports another only through its public files: service.ts, schemas.ts, types.ts or index.ts.',
  })),
  {
    // A job is an entry point like a route's handler: it calls modules' services.
    target: ['src/demo/**', 'src/jobs/**', 'src/{main,cli,config,worker}.ts'],
    from: 'src/modules/**',
    except: publicFiles,
    message: 'The entry points, the jobs and the demo seeder use modules through their public files.',
  },
  {
    // app.ts also mounts each module's routes.
    target: 'src/app.ts',
    from: 'src/modules/**',
    except: [...publicFiles, `${root}/src/modules/*/routes.ts`],
    message: 'app.ts registers routes.ts and uses public files, nothing else of a module.',
  },
  {
    target: ['src/db/**', 'src/http/**', 'src/queue/**'],
    from: ['src/modules/**', 'src/demo/**', 'src/jobs/**', entryPoints],
    message: 'db/, http/ and queue/ import no module, job or entry point: offer an interface or a hook and let the module use it.',
  },
  {
    target: ['src/time/**', 'src/pricing/**'],
    from: ['src/modules/**', 'src/demo/**', 'src/db/**', 'src/http/**', 'src/queue/**', 'src/jobs/**'],
    message: 'time/ and pricing/ are pure helpers below every module.',
  },
  {
    target: 'src/modules/**',
    from: ['src/demo/**', 'src/jobs/**', entryPoints],
    message: 'Modules never import the entry points, the jobs or the demo seeder: they enqueue through src/queue (JobQueue).',
  },
  {
    target: 'src/jobs/**',
    from: ['src/demo/**', entryPoints],
    message: 'Jobs are started by the entry points, never the other way round.',
  },
  ...pure.map((target) => ({
    target,
    from: io,
    message: 'Pure parts (engine, pricing, time) import no I/O.',
  })),
  {
    target: 'src/**',
    from: 'web/**',
    message: 'The server never imports the web apps: it serves their built files (src/http/pages.ts).',
  },
];

// The web apps talk to the server over HTTP only (web/api: types generated from its OpenAPI document).
const webZones = [
  { target: 'web/**', from: ['src/**', 'test/**', 'bench/**', 'scripts/**'], message: 'web/ never imports the server: call the HTTP API through web/api.' },
  { target: 'web/widget/**', from: 'web/admin/**', message: 'The widget stays small and separate: share code through web/shared or web/api.' },
  { target: 'web/admin/**', from: 'web/widget/**', message: 'The admin app shares code with the widget through web/shared or web/api only.' },
];

export default tseslint.config(
  // test/http/openapi-client/ imports types generated at test time (test/http/openapi-client.test.ts type-checks it).
  { ignores: ['node_modules/', 'data/', 'dist/', 'coverage/', 'scratch/', 'bench/results/', 'web/api/schema.d.ts', 'test/http/openapi-client/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Fastify handlers are async by contract even when they only return a promise.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'bench/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/tsconfig.json` })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
      // No import cycles at all, within a module or between modules: a cycle means a shared part wants its own place.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/web/tsconfig.json` })] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-restricted-paths': ['error', { basePath: root, zones: webZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // Benchmarks measure the product through its public files too.
    files: ['bench/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: root, zones: [{ target: 'bench/**', from: 'src/modules/**', except: publicFiles, message: 'Benchmarks use modules through their public files.' }] },
      ],
    },
  },
  {
    files: pure,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['fastify', 'pg', '@electric-sql/*', 'node:*'], message: 'Pure parts (engine, pricing, time) import no I/O.' }] }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
