/**
 * For a test file's `jest.mock('@tarojs/taro', …)` factory: the shared stand-in (support/taro.ts) with the APIs
 * that file needs added or replaced, as named exports and on the default `Taro` alike. Jest hoists the factory
 * above the imports, so the factory requires this file itself.
 */
export function taroWith(extra: Record<string, unknown>) {
  const actual = jest.requireActual('@tarojs/taro')
  return { __esModule: true, ...actual, ...extra, default: { ...actual.default, ...extra } }
}
