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
