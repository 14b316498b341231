// Lint: typescript-eslint's recommended rules; no console in code that runs inside pages.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'bench/out/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Content scripts and the engines run inside someone else's page: they must never log.
    files: ['entrypoints/*.content.ts', 'utils/**/*.ts', 'components/**/*.tsx'],
    rules: { 'no-console': 'error' },
  },
  {
    // Imports run downward: entrypoints wire components (UI) to utils (logic); logic never reaches up into the UI.
    files: ['utils/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/components/**', '**/entrypoints/**'], message: 'utils/ is logic: it must not import components/ or entrypoints/ (put shared types in utils/).' }] }],
    },
  },
);
