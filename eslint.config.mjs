// @ts-check
// ESLint for the whole repository: `npm run lint`, and the first step of a full `./tenure test`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { workflowSandboxConfigs } from './eslint.workflow-sandbox.mjs';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.tenure/**', 'coverage/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // The services, libraries and tests share one program; the console's web app has its own
        // (DOM, JSX, bundler resolution).
        project: ['./tsconfig.eslint.json', './apps/console/web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // A promise nobody awaits loses its rejection: unhandled in Node, a silent failure in a handler.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // Off, each for a reason; the rest of the type-checked recommended set stays on.
      // tsc's noUnusedLocals/noUnusedParameters already report unused names (with the `_` convention).
      '@typescript-eslint/no-unused-vars': 'off',
      // `any` arrives at the edges (Temporal update validators, Express, kafkajs, JSON bodies) and
      // tsc's strict mode is the type gate: these would flag every read of it.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // gRPC status codes are plain numbers compared with the SDKs' enums.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // Style rather than defects: `String(unknown)` and template literals render values on purpose,
      // a literal beside `string` documents a union, a redundant assertion is harmless.
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // Tests: async callbacks and mocks without await, and `expect(service.method)` are the norm.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts', 'libs/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: ['apps/console/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error' },
  },
  ...workflowSandboxConfigs,
);
