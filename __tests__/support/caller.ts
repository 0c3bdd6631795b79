/**
 * Calls a cloud function's `main` as the platform would for a WeChat user: the caller's openid travels only in
 * the context (`environment.WX_OPENID`, as SCF hands it over), never in the payload.
 */
import type { CloudMain } from '../../cloudfunctions/_shared/router'
import type { Reply } from '../../src/shared/errors'

/** A function's context as the platform gives it, with these environment values (a timer's TRIGGER_SRC…). */
export const platformContext = (environment: Record<string, string>) => ({ environment: JSON.stringify(environment) })

/** The context of a call by this WeChat user, or by an anonymous caller (no openid). */
export const asCaller = (openid?: string) => platformContext(openid ? { WX_OPENID: openid } : {})

/** The data of a reply that must be a success; a refusal fails the test with its code and why. */
export function dataOf<T>(reply: Reply<unknown>, what: string): T {
  if (!reply.ok) throw new Error(`${what}: ${reply.code} ${reply.explanation ?? ''}`)
  return reply.data as T
}

/** `call` answers the reply; `ok` the data of a call that must succeed. */
export function caller(main: CloudMain) {
  const call = (action: string, payload: unknown = {}, openid?: string): Promise<Reply<unknown>> =>
    main({ action, payload }, asCaller(openid))
  const ok = async <T>(action: string, payload: unknown = {}, openid?: string): Promise<T> =>
    dataOf<T>(await call(action, payload, openid), `${action} as ${openid}`)
  return { call, ok }
}
