/**
 * The one way pages reach the backend: `call('lecture', 'list', {...})`, typed by the contract.
 * weapp: Taro.cloud.callFunction (the platform adds the caller's WeChat identity).
 * h5: POST to the local server, which hosts the same functions and adds the signed-in identity.
 * A failure to reach the server is answered as a refusal, so pages handle one shape.
 */
import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput, CallEvent, FunctionName } from '../shared/contract'
import { isErrorCode, refusal, type Reply } from '../shared/errors'

/** Compile-time constants (config/index.ts `defineConstants`). */
declare const CLOUD_ENV_ID: string
declare const API_BASE: string

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  payload: ActionInput<F, A>,
): Promise<Reply<ActionOutput<F, A>>> {
  const event: CallEvent = { action, payload }
  try {
    const result = process.env.TARO_ENV === 'weapp' ? await viaCloud(fn, event) : await viaHttp(fn, event)
    return asReply<ActionOutput<F, A>>(result)
  } catch (err) {
    console.warn(`call ${fn}.${action} failed`, err)
    return refusal('NETWORK')
  }
}

let cloudReady = false
/** WeChat's cloud API, set to this app's environment on first use (calls here, uploads in upload.ts). */
export function weappCloud(): typeof Taro.cloud {
  if (!Taro.cloud) throw new Error('Taro.cloud is not available on this platform')
  if (!cloudReady) {
    Taro.cloud.init({ env: CLOUD_ENV_ID, traceUser: true })
    cloudReady = true
  }
  return Taro.cloud
}

async function viaCloud(fn: string, event: CallEvent): Promise<unknown> {
  const res = await weappCloud().callFunction({ name: fn, data: event as unknown as Record<string, unknown> })
  return res.result
}

async function viaHttp(fn: string, event: CallEvent): Promise<unknown> {
  const res = await fetch(`${API_BASE}/app/call/${fn}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  })
  return res.json()
}

function asReply<T>(value: unknown): Reply<T> {
  const v = value as { ok?: unknown; code?: unknown; message?: unknown } | null
  if (v && v.ok === true) return value as Reply<T>
  if (v && v.ok === false && isErrorCode(v.code)) return value as Reply<T>
  return refusal('INTERNAL')
}
