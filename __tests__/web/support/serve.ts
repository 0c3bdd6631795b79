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
