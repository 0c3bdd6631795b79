/**
 * The cloud-call path of the poster's code (wxacode.getUnlimited through the SDK's callCompatibleWxOpenApi),
 * with the SDK call stood in for: what it is handed (apiName, and requestData in wx-server-sdk's protobuf
 * format with the parameters as JSON), that the image comes back as it was sent, that a missing permission
 * (-604101) answers POSTER_CODE_UNAVAILABLE for the secretary, and that every other failure (WeChat's
 * errcode, CloudBase's refusal) is thrown. The real call cannot run here: it needs a mini program's appid
 * and a function called from it. The HTTPS path: miniProgramCode-https.test.ts.
 */
import { lecturePageCode } from '../../cloudfunctions/_shared/miniProgramCode'
import { decodeFields, encodeFields, type OpenApiCaller, WxOpenApiError } from '../../cloudfunctions/_shared/wxOpenApi'
import { AppError } from '../../src/shared/errors'

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('the picture')])

/** What the platform answers: CommOpenApiResp { 1 respData, 2 contentType, 3 errorCode, 4 httpCode }. */
const answer = (body: Buffer | string, contentType: string, errorCode = 0) =>
  encodeFields([
    [1, Buffer.from(body)],
    [2, Buffer.from(contentType)],
    ...(errorCode ? [[3, errorCode] as [number, number]] : []),
    [4, 200],
  ])

function sdk(reply: unknown) {
  const callCompatibleWxOpenApi = jest.fn(async () => reply)
  return { app: { callCompatibleWxOpenApi } as unknown as OpenApiCaller, callCompatibleWxOpenApi }
}

/** The parameters inside CommApiData { 1 apiType, 2 OpenApiData { 1 KeyValuePair { 1 key, 2 value } } }. */
function sentParams(requestData: Buffer) {
  const top = decodeFields(requestData)
  expect(top.get(1)).toEqual([0n]) // OPEN_API
  const pairs = decodeFields(top.get(2)![0] as Buffer).get(1) as Buffer[]
  return Object.fromEntries(
    pairs.map((p) => {
      const kv = decodeFields(p)
      return [(kv.get(1)![0] as Buffer).toString(), JSON.parse((kv.get(2)![0] as Buffer).toString())]
    }),
  )
}

const saved = process.env.DANGKE_LOCAL_APP_URL
beforeEach(() => delete process.env.DANGKE_LOCAL_APP_URL)
afterAll(() => {
  if (saved !== undefined) process.env.DANGKE_LOCAL_APP_URL = saved
})

describe('lecturePageCode in the cloud (wxacode.getUnlimited)', () => {
  it('hands the SDK the API name and the parameters, and passes the image through', async () => {
    const { app, callCompatibleWxOpenApi } = sdk(answer(PNG, 'image/png'))
    const code = await lecturePageCode('lec-2025-0042', { cloud: app })
    expect(code).toEqual({ image: PNG, contentType: 'image/png', kind: 'wxacode' })
    expect(callCompatibleWxOpenApi).toHaveBeenCalledTimes(1)
    const [arg] = callCompatibleWxOpenApi.mock.calls[0] as unknown as [{ apiName: string; requestData: Buffer }]
    expect(arg.apiName).toBe('wxacode.getUnlimited')
    expect(Buffer.isBuffer(arg.requestData)).toBe(true)
    expect(sentParams(arg.requestData)).toEqual({
      scene: 'lec-2025-0042',
      page: 'pages/lecture/index',
      check_path: false,
      width: 430,
    })
  })

  it("throws WeChat's error answer (errcode) instead of answering a code", async () => {
    const body = JSON.stringify({ errcode: 41030, errmsg: 'invalid page rid: 1' })
    const { app } = sdk(answer(body, 'application/json; charset=utf-8'))
    const err = await lecturePageCode('lec-1', { cloud: app }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(WxOpenApiError)
    expect(err).toMatchObject({ api: 'wxacode.getUnlimited', errCode: 41030 })
    expect(String(err)).toContain('invalid page')
  })

  it('answers POSTER_CODE_UNAVAILABLE, saying what to fix, when the function lacks permissions.openapi', async () => {
    jest.spyOn(console, 'warn').mockImplementationOnce(() => undefined)
    const { app } = sdk(answer('', '', -604101))
    const err = await lecturePageCode('lec-1', { cloud: app }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: 'POSTER_CODE_UNAVAILABLE' })
    expect((err as AppError).explanation).toMatch(/云调用权限（-604101）.*DANGKE_WX_APPID.*微信开发者工具/)
  })

  it("throws CloudBase's refusal, and an answer that is not an image", async () => {
    await expect(
      lecturePageCode('lec-1', { cloud: sdk({ code: 'PERMISSION_DENIED', message: 'no' }).app }),
    ).rejects.toMatchObject({ errCode: 'PERMISSION_DENIED' })
    await expect(lecturePageCode('lec-1', { cloud: sdk(answer('', 'image/png')).app })).rejects.toThrow(/0 bytes/)
    await expect(lecturePageCode('lec-1', { cloud: sdk(answer('<html>', 'text/html')).app })).rejects.toThrow(
      /text\/html/,
    )
  })

  it('refuses a scene WeChat would refuse, before calling anything', async () => {
    const { app, callCompatibleWxOpenApi } = sdk(answer(PNG, 'image/png'))
    for (const id of ['x'.repeat(33), '党课1', 'a b', 'a%20b']) {
      await expect(lecturePageCode(id, { cloud: app })).rejects.toBeInstanceOf(AppError)
    }
    expect(callCompatibleWxOpenApi).not.toHaveBeenCalled()
    await expect(lecturePageCode('x'.repeat(32), { cloud: app })).resolves.toMatchObject({ kind: 'wxacode' })
  })
})

describe('the protobuf helpers', () => {
  it('round-trip varints, negative int32 and bytes', () => {
    const buf = encodeFields([
      [1, 300],
      [2, Buffer.from('é')],
      [3, -604101],
    ])
    const f = decodeFields(buf)
    expect(f.get(1)).toEqual([300n])
    expect((f.get(2)![0] as Buffer).toString()).toBe('é')
    expect(BigInt.asIntN(32, f.get(3)![0] as bigint)).toBe(-604101n)
    expect(() => decodeFields(buf.subarray(0, buf.length - 1))).toThrow(/truncated/)
  })
})
