import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'coverage/', 'scratch/', 'bench/results/'] },
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
    // The layering of ARCHITECTURE.md: the availability engine is pure; db/ and http/ import no module.
    files: ['src/modules/availability/engine.ts', 'src/modules/availability/local-time.ts', 'src/modules/availability/types.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/db/*', '**/http/*', 'fastify', 'pg', '@electric-sql/*', 'node:*'], message: 'The availability engine is pure: no I/O.' }] }],
    },
  },
  {
    files: ['src/db/**/*.ts', 'src/http/**/*.ts'],
    ignores: ['src/http/context.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/modules/**'], message: 'db/ and http/ must not depend on domain modules.' }] }],
    },
  },
  {
    // The demo seeder is a tool: it reaches modules only through their public files, besides db/, time/ and pricing/.
    files: ['src/demo/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/modules/*/*', '!**/modules/*/service.js', '!**/modules/*/schemas.js', '!**/modules/*/types.js', '**/http/*', '**/jobs/*'],
              message: 'The demo imports a module only through its service.ts, schemas.ts or types.ts, and no http/ or jobs/.',
            },
          ],
        },
      ],
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
