/**
 * The CloudBase app of a function, made once per instance. In the cloud the environment is the
 * function's own; locally TCB_CONTEXT_CNFG points the same SDK at the emulator.
 */
import tcb from '@cloudbase/node-sdk'

export type CloudApp = ReturnType<typeof tcb.init>
export type Database = ReturnType<CloudApp['database']>

let app: CloudApp | undefined

export function cloudApp(): CloudApp {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  return app
}

/** What the platform says of a call: who calls, and what triggered it. Never taken from the payload. */
function platformOf(context: unknown): { openid?: string; trigger?: string } {
  const c = context as { environment?: unknown; environ?: unknown } | undefined
  // The SDK throws on a context without either field (e.g. a timer trigger's): no caller then.
  if (!c || (c.environment === undefined && c.environ === undefined)) return { trigger: process.env.TRIGGER_SRC }
  const ctx = tcb.getCloudbaseContext(c as Parameters<typeof tcb.getCloudbaseContext>[0])
  return { openid: ctx.WX_OPENID || undefined, trigger: ctx.TRIGGER_SRC || undefined }
}

/** The caller's WeChat identity, as the platform sets it (never taken from the payload). */
export const callerOpenid = (context: unknown): string | undefined => platformOf(context).openid

/**
 * The platform, not a caller, started this call from a timer trigger: the SCF runtime sets `TRIGGER_SRC=timer`
 * (node-sdk reads it so, src/utils/wxCloudToken.ts), which no payload can set.
 */
export function calledByTimer(context: unknown): boolean {
  const { openid, trigger } = platformOf(context)
  return trigger === 'timer' && !openid
}

/**
 * A unique index (or an existing `_id`) refused the write. The one place that knows the shapes: the documented
 * code `DATABASE_DUPLICATE_WRITE`, and, as reported from the field, another code (`DATABASE_REQUEST_FAILED`)
 * carrying MongoDB's `E11000 duplicate key` in its message.
 */
export function isDuplicateWrite(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null | undefined
  if (!e || typeof e !== 'object') return false
  return (
    e.code === 'DATABASE_DUPLICATE_WRITE' || (typeof e.message === 'string' && /E11000 duplicate key/.test(e.message))
  )
}

/**
 * Adds the document unless one with its `_id` is there already; true if this call wrote it. Deterministic
 * ids make a retried or simultaneous write land once (check-in records, ledger entries, accepted proposals).
 */
export async function addIfAbsent(db: Database, collection: string, doc: { _id: string }): Promise<boolean> {
  try {
    await db.collection(collection).add(doc)
    return true
  } catch (err) {
    if (isDuplicateWrite(err)) return false
    throw err
  }
}
