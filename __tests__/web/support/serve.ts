/**
 * A fake backend for page tests: answer each `fn.action` the page calls with a handler. The test file
 * itself still says `jest.mock('../../src/api/client', () => ({ call: jest.fn() }))` (jest hoists it).
 */
import { call } from '../../../src/api/client'
import type { Reply } from '../../../src/shared/errors'

export type Handler = (payload: Record<string, unknown>) => Reply<unknown> | Promise<Reply<unknown>>

export const callMock = call as unknown as jest.Mock<Promise<Reply<unknown>>, [string, string, Record<string, unknown>]>

export const ok = <T>(data: T): Reply<T> => ({ ok: true, data })

/** Answer each `fn.action` with its handler; anything else is a test error. */
export function serve(handlers: Record<string, Handler>): void {
  callMock.mockImplementation(async (fn, action, payload) => {
    const handler = handlers[`${fn}.${action}`]
    if (!handler) throw new Error(`unexpected call ${fn}.${action}`)
    return handler(payload)
  })
}

/** Before each page test: no replies and no recorded calls (of the backend and of every Taro API). */
export function resetCalls(): void {
  callMock.mockReset()
  jest.clearAllMocks()
}

/**
 * Before each test of a page opened with a query (?id=…): no replies and no recorded calls, the file's query
 * stand-in (its jest.mock of useRouter reads it) holding only `params`, and the h5 platform.
 */
export function resetPage(query: Record<string, string>, params: Record<string, string>): void {
  resetCalls()
  for (const key of Object.keys(query)) delete query[key]
  Object.assign(query, params)
  process.env.TARO_ENV = 'h5'
}
