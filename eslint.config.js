// @ts-check
import js from '@eslint/js';
import sdl from '@microsoft/eslint-plugin-sdl';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Which runtime a folder runs in decides what it may import (see shared/STYLE in the kit). */
const restrict = (patterns) => ['error', { patterns }];
const NODE_BUILTINS = { group: ['node:*'], message: 'Shared and renderer code must not use Node built-ins.' };
const ELECTRON = { group: ['electron'], message: 'Only electron/main and electron/preload may import electron.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'resources/**', 'test/.bundled/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@microsoft/sdl': sdl },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@microsoft/sdl/no-inner-html': 'error',
      '@microsoft/sdl/no-insecure-url': ['error', { exceptions: ['^http://127\\.0\\.0\\.1', '^http://localhost'] }],
      '@microsoft/sdl/no-html-method': 'error',
      '@microsoft/sdl/no-document-write': 'error',
      '@microsoft/sdl/no-electron-node-integration': 'error',
      '@microsoft/sdl/no-msapp-exec-unsafe': 'error',
      '@microsoft/sdl/no-postmessage-star-origin': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([NODE_BUILTINS, ELECTRON, { group: ['react', 'react-dom', '**/renderer/**', '**/electron/**'], message: 'shared/ is pure: no UI, no host code.' }]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([NODE_BUILTINS, ELECTRON, { group: ['**/electron/**'], message: 'The renderer talks to the back end only through the API client.' }]),
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': ['error', { allow: ['error'] }] },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ ...ELECTRON, message: 'Services, the CLI and the web harness run without Electron: keep them free of it.' }]),
    },
  },
  {
    files: ['electron/web/main.ts', 'electron/launch/**/*.ts', 'electron/tools/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
