/**
 * A cloud function is a router: `{action, payload}` in, `{ok, data}` or `{ok: false, code,
 * message}` out. The payload is parsed with the action's zod schema from the shared contract
 * before any handler runs; a refusal thrown as AppError becomes its code and Chinese message;
 * anything else is logged with its stack and answered with the generic INTERNAL code.
 */
import * as z from 'zod'
import {
  type ActionName,
  type ActionOutput,
  type CallEvent,
  contract,
  type FunctionName,
  type ParsedInput,
} from '../../src/shared/contract'
import { AppError, refusal, type Reply } from '../../src/shared/errors'
import { callerOpenid, cloudApp, type Database } from './cloud'

export interface HandlerContext {
  /** The caller's WeChat openid; undefined for a caller the platform did not identify. */
  openid?: string
  db: Database
  now: Date
}

export type Handlers<F extends FunctionName> = {
  [A in ActionName<F>]: (input: ParsedInput<F, A>, ctx: HandlerContext) => Promise<ActionOutput<F, A>>
}

export type CloudMain = (event: unknown, context: unknown) => Promise<Reply<unknown>>

export function createFunction<F extends FunctionName>(name: F, handlers: Handlers<F>): CloudMain {
  // An input schema is classic zod or zod/mini (src/shared/contract/bind.ts): parsed by the function both take.
  const procedures = contract[name] as Record<string, { input: z.core.$ZodType }>
  return async function main(event, context) {
    const { action, payload } = (event ?? {}) as Partial<CallEvent>
    if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(handlers, action)) {
      return refusal('UNKNOWN_ACTION', `${name}.${String(action)}`)
    }
    const parsed = z.safeParse(procedures[action].input, payload ?? {})
    if (!parsed.success) return refusal('INVALID_INPUT', describeIssues(parsed.error))
    try {
      const handler = handlers[action as ActionName<F>] as (i: unknown, c: HandlerContext) => Promise<unknown>
      const data = await handler(parsed.data, {
        openid: callerOpenid(context),
        db: cloudApp().database(),
        now: new Date(),
      })
      return { ok: true, data }
    } catch (err) {
      if (err instanceof AppError) return refusal(err.code, err.explanation)
      console.error(`[${name}.${action}] unexpected error`, err)
      return refusal('INTERNAL')
    }
  }
}

/** Where the input is wrong, for the person: "pageSize: 太大" style, field paths kept. */
function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('；')
}
