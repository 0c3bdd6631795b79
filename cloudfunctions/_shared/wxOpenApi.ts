/**
 * 云调用: a WeChat server API called from a cloud function without an access_token, through
 * @cloudbase/node-sdk's `callCompatibleWxOpenApi` (action `wx.openApi`). The SDK only carries bytes; the
 * bytes are what wx-server-sdk's `cloud.openapi.<group>.<api>(params)` sends and reads on top of the same
 * call: the parameters as a protobuf `CommApiData { apiType: OPEN_API, openapiData: { pairs: [{ key,
 * value: JSON bytes }] } }`, the answer as a protobuf `CommOpenApiResp { respData, contentType, errorCode,
 * httpCode }` whose body is the API's own answer (an image, or JSON with errcode/errmsg). The platform
 * authorises the call only for APIs the function lists in its config.json `permissions.openapi`, and only
 * when the function was called from the mini program (its context carries the WX_API_TOKEN).
 */
import type { CloudApp } from './cloud'

/** The one SDK method this needs (tests hand in a stand-in). */
export type OpenApiCaller = Pick<CloudApp, 'callCompatibleWxOpenApi'>

export interface OpenApiAnswer {
  contentType: string
  body: Buffer
}

/** A failed cloud call: the platform's or WeChat's code and message, for the function's log. */
export class WxOpenApiError extends Error {
  constructor(
    readonly api: string,
    readonly errCode: number | string,
    message: string,
  ) {
    super(`${api} failed: ${errCode} ${message}`)
    this.name = 'WxOpenApiError'
  }
}

export async function callOpenApi(
  app: OpenApiCaller,
  api: string,
  params: Record<string, unknown>,
): Promise<OpenApiAnswer> {
  const res: unknown = await app.callCompatibleWxOpenApi({ apiName: api, requestData: encodeOpenApiRequest(params) })
  if (!Buffer.isBuffer(res)) {
    // The SDK answers an object when CloudBase refused ({code, message}) or sent JSON ({errcode, errmsg}).
    const e = (res ?? {}) as { code?: string; message?: string; errcode?: number; errmsg?: string }
    throw new WxOpenApiError(api, e.code ?? e.errcode ?? 'UNKNOWN', e.message ?? e.errmsg ?? JSON.stringify(res))
  }
  const fields = decodeFields(res)
  const errorCode = int32(fields.get(3)?.[0])
  // e.g. -604101: the API is not in config.json permissions.openapi.
  if (errorCode) throw new WxOpenApiError(api, errorCode, 'refused by the platform')
  const body = bytes(fields.get(1)?.[0])
  const contentType = bytes(fields.get(2)?.[0]).toString('utf8').trim()
  if (/application\/json|text\/plain/.test(contentType)) {
    let json: { errcode?: number; errmsg?: string } = {}
    try {
      json = JSON.parse(body.toString('utf8')) as typeof json
    } catch {
      throw new WxOpenApiError(api, 'BAD_JSON', body.toString('utf8').slice(0, 200))
    }
    if (json.errcode) throw new WxOpenApiError(api, json.errcode, json.errmsg ?? '')
  }
  return { contentType, body }
}

/** CommApiData { 1: apiType = 0 (OPEN_API), 2: OpenApiData { 1: repeated KeyValuePair { 1: key, 2: value } } } */
export function encodeOpenApiRequest(params: Record<string, unknown>): Buffer {
  const pairs = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([key, v]) =>
      encodeFields([
        [1, Buffer.from(key, 'utf8')],
        [2, Buffer.from(JSON.stringify(v), 'utf8')],
      ]),
    )
  const openapiData = encodeFields(pairs.map((p) => [1, p] as Field))
  return encodeFields([
    [1, 0],
    [2, openapiData],
  ])
}

// A few lines of protobuf instead of a library: only varints and length-delimited fields occur here.

type Field = [number, number | Buffer]

export function encodeFields(fields: Field[]): Buffer {
  return Buffer.concat(
    fields.flatMap(([no, value]) =>
      typeof value === 'number' ? [varint(no * 8), varint(value)] : [varint(no * 8 + 2), varint(value.length), value],
    ),
  )
}

/** Field number → its values: varints as bigint, length-delimited fields as bytes. */
export function decodeFields(buf: Buffer): Map<number, (bigint | Buffer)[]> {
  const out = new Map<number, (bigint | Buffer)[]>()
  let at = 0
  const readVarint = (): bigint => {
    let value = 0n
    for (let shift = 0n; ; shift += 7n) {
      if (at >= buf.length || shift > 63n) throw new Error('protobuf: truncated varint')
      const b = buf[at++]
      value |= BigInt(b & 0x7f) << shift
      if (b < 0x80) return value
    }
  }
  while (at < buf.length) {
    const key = Number(readVarint())
    const no = key >>> 3
    let value: bigint | Buffer
    switch (key & 7) {
      case 0:
        value = readVarint()
        break
      case 2: {
        const len = Number(readVarint())
        if (at + len > buf.length) throw new Error('protobuf: truncated field')
        value = buf.subarray(at, at + len)
        at += len
        break
      }
      case 1:
        value = buf.subarray(at, (at += 8))
        break
      case 5:
        value = buf.subarray(at, (at += 4))
        break
      default:
        throw new Error(`protobuf: wire type ${key & 7}`)
    }
    out.set(no, [...(out.get(no) ?? []), value])
  }
  return out
}

function varint(n: number): Buffer {
  // Negative int32 values take ten bytes (two's complement over 64 bits).
  let v = BigInt.asUintN(64, BigInt(n))
  const out: number[] = []
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80)
    v >>= 7n
  }
  out.push(Number(v))
  return Buffer.from(out)
}

const int32 = (v: bigint | Buffer | undefined) => (typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : 0)
const bytes = (v: bigint | Buffer | undefined) => (Buffer.isBuffer(v) ? v : Buffer.alloc(0))
