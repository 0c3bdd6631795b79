/** Three kinds of test, one command (`npm test` runs them all). */
const transform = { '^.+\\.[jt]sx?$': 'babel-jest' }

module.exports = {
  // Functions go through the SDK, HTTP and SQLite: on a busy 2-core machine a test may take seconds (drawing
  // a QR code alone takes 1–2 s under the transform); a test fails on what it checks, not on its time.
  testTimeout: 30_000,
  projects: [
    {
      // pure domain rules, the emulator through the real SDK, functions against the emulator, the built app
      displayName: 'node',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/__tests__/{unit,emulator,functions,build}/**/*.test.ts'],
    },
    {
      // pages and components in jsdom, with Taro mapped to small stand-ins
      displayName: 'web',
      testEnvironment: 'jsdom',
      transform,
      testMatch: ['<rootDir>/__tests__/web/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/__tests__/web/support/setup.ts'],
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/__tests__/web/support/components.tsx',
        '^@tarojs/taro$': '<rootDir>/__tests__/web/support/taro.ts',
        '\\.(css|scss)$': '<rootDir>/__tests__/web/support/style.ts',
      },
    },
    {
      // the built h5 app in Debian's chromium, against the local server
      displayName: 'browser',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/__tests__/browser/**/*.test.ts'],
      // Installs chromium and the CJK font on a fresh Debian machine (as root), or stops with one line.
      globalSetup: '<rootDir>/__tests__/support/browser-provision.ts',
    },
  ],
}
