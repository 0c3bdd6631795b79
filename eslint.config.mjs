// ESLint flat config. `npm run lint` runs this and then `prettier --check .` (formatting is Prettier's
// job, so no stylistic rules here).
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// What the boundary rules below say when an import crosses one.
const TO_SERVER = 'Pages and components reach the server only through src/api (the cloud calls live there).'
const NO_EMULATOR = 'Product code (src/, cloudfunctions/) never imports the local emulator.'
const SHARED = 'src/shared imports nothing but zod and src/shared itself.'
const FUNCTION =
  'A function imports its own folder, cloudfunctions/_shared and src/shared only, never another function.'
const EMULATOR = '(^|/)emulator(/|$)'

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    'dist/',
    '.data/',
    '.swc/',
    '.temp/',
    'coverage/',
    '__tests__/.artifacts/',
    // esbuild bundles written by scripts/build-functions.ts
    'cloudfunctions/*/index.js',
    'cloudfunctions/*/lazy/',
  ]),

  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // A leading underscore marks a parameter kept for its position or type (stand-ins with the real
      // signature), as tsc's noUnusedParameters already allows.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // The mini-program runs in WeChat's JS engine (and the h5 build in browsers).
  {
    files: ['src/**'],
    languageOptions: { globals: globals.browser },
  },

  // Everything else runs in Node.
  {
    files: [
      'config/**',
      'scripts/**',
      'emulator/**',
      'cloudfunctions/**',
      '__tests__/**',
      'babel.config.js',
      'jest.config.js',
      'eslint.config.mjs',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['__tests__/**'],
    languageOptions: { globals: globals.jest },
  },

  // Babel, Jest and Taro load these config files with require(): CommonJS is the format they ask for.
  {
    files: ['babel.config.js', 'jest.config.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  // Boundaries between the floors (each file meets one `no-restricted-imports` below: a later block would
  // replace an earlier one's list, not add to it). Regexes, because imports here are relative paths.
  // Pages and components reach the server only through src/api; product code never imports the emulator.
  {
    files: ['src/**'],
    ignores: ['src/api/**', 'src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@tarojs/taro', importNames: ['cloud'], message: TO_SERVER }],
          patterns: [
            { regex: '^@cloudbase/', message: TO_SERVER },
            { regex: '(^|/)cloudfunctions(/|$)', message: TO_SERVER },
            { regex: EMULATOR, message: NO_EMULATOR },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Taro', property: 'cloud', message: TO_SERVER },
        { object: 'wx', property: 'cloud', message: TO_SERVER },
      ],
    },
  },
  {
    files: ['src/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)cloudfunctions(/|$)',
              message: 'src/api calls the functions through the cloud, not their code.',
            },
            { regex: EMULATOR, message: NO_EMULATOR },
          ],
        },
      ],
    },
  },
  // The contract and the domain rules are pure: zod and src/shared itself, nothing else.
  {
    files: ['src/shared/*'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod(/|$)|\\./)', message: SHARED }] }] },
  },
  {
    files: ['src/shared/*/*'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod(/|$)|\\./|\\.\\./(?!\\.\\./))', message: SHARED }] },
      ],
    },
  },
  // A function's folder may reach cloudfunctions/_shared and src/shared, never another function's folder.
  {
    files: ['cloudfunctions/*/*'],
    ignores: ['cloudfunctions/_shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!_shared/|\\.\\./src/shared/)', message: FUNCTION }] },
      ],
    },
  },
  {
    files: ['cloudfunctions/_shared/*'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./(?!\\.\\./src/shared/)', message: FUNCTION }] },
      ],
    },
  },

  // React hooks: the pages and components, and the jsdom tests (and their stand-ins for Taro's hooks).
  {
    files: ['src/**/*.tsx', '__tests__/web/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
)
