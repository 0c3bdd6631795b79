// ESLint flat config. `npm run lint` runs this and then `prettier --check .` (formatting is Prettier's
// job, so no stylistic rules here).
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

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
