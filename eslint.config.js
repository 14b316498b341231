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
);
