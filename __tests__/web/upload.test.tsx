/**
 * src/api/upload.ts: a picked file goes to storage under its kind's folder with a random name, and only its
 * file id comes back. h5: POST /app/upload with the bytes (the local server's stand-in); weapp:
 * Taro.cloud.uploadFile with the temporary path (the real path).
 */
import { webcrypto } from 'crypto'
import Taro from '@tarojs/taro'
import { weappCloud } from '../../src/api/client'
import { uploadFile } from '../../src/api/upload'
import { ERROR_MESSAGES } from '../../src/shared/errors'

const mockCloudUpload = jest.fn()
jest.mock('../../src/api/client', () => ({ weappCloud: jest.fn(() => ({ uploadFile: mockCloudUpload })) }))
jest.mock('@tarojs/taro', () => {
  const randomValues = () => new Uint8Array(16).fill(0xab).buffer
  return jest.requireActual('./support/taroWith').taroWith({
    getRandomValues: jest.fn(async () => ({ randomValues: randomValues() })),
  })
})

const fetchMock = jest.fn()
beforeAll(() => {
  Object.assign(globalThis, { API_BASE: '', fetch: fetchMock })
  if (!globalThis.crypto?.getRandomValues) Object.assign(globalThis, { crypto: webcrypto })
})
beforeEach(() => {
  jest.clearAllMocks()
  process.env.TARO_ENV = 'h5'
})

const answer = (status: number, body: unknown) => ({ ok: status < 300, status, json: async () => body })

it('h5: posts the bytes to /app/upload under covers/<128 random bits>.png and answers the file id', async () => {
  fetchMock.mockResolvedValueOnce(answer(200, { fileId: 'cloud://local-dev.local-bucket/covers/x.png' }))
  const blob = new File([new Uint8Array([0x89, 0x50])], '封面.PNG')
  expect(await uploadFile('cover', { name: '封面.PNG', size: 2, blob })).toEqual({
    ok: true,
    data: { fileId: 'cloud://local-dev.local-bucket/covers/x.png' },
  })
  const [url, init] = fetchMock.mock.calls[0]
  expect(decodeURIComponent(url)).toMatch(/^\/app\/upload\?cloudPath=covers\/[0-9a-f]{32}\.png$/)
  expect(init).toMatchObject({
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/octet-stream' },
    body: blob,
  })
})

it('refuses before uploading what the kind does not allow, and says why a refused upload failed', async () => {
  const refused = await uploadFile('roster', { name: '名册.xlsx', size: 3 * 1024 * 1024, blob: new Blob(['x']) })
  expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', explanation: expect.stringMatching(/超过2MB/) })
  expect(await uploadFile('cover', { name: 'a.gif', size: 10, blob: new Blob(['x']) })).toMatchObject({ ok: false })
  expect(fetchMock).not.toHaveBeenCalled()

  fetchMock.mockResolvedValueOnce(answer(401, { error: 'NOT_SIGNED_IN' }))
  expect(await uploadFile('roster', { name: 'a.csv', size: 1, blob: new Blob(['x']) })).toMatchObject({
    code: 'NOT_SIGNED_IN',
  })
  fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
  expect(await uploadFile('roster', { name: 'a.csv', size: 1, blob: new Blob(['x']) })).toMatchObject({
    code: 'NETWORK',
    message: ERROR_MESSAGES.NETWORK,
  })
})

it('weapp: Taro.cloud.uploadFile with the temporary path under rosters/<random>.xlsx', async () => {
  process.env.TARO_ENV = 'weapp'
  mockCloudUpload.mockResolvedValueOnce({ fileID: 'cloud://env.bucket/rosters/abab.xlsx', statusCode: 200 })
  const res = await uploadFile('roster', { name: '名册.xlsx', size: 500, path: 'wxfile://tmp/1.xlsx' })
  expect(res).toEqual({ ok: true, data: { fileId: 'cloud://env.bucket/rosters/abab.xlsx' } })
  expect(weappCloud).toHaveBeenCalled()
  expect(Taro.getRandomValues).toHaveBeenCalledWith({ length: 16 })
  expect(mockCloudUpload).toHaveBeenCalledWith({
    cloudPath: `rosters/${'ab'.repeat(16)}.xlsx`,
    filePath: 'wxfile://tmp/1.xlsx',
  })
  expect(fetchMock).not.toHaveBeenCalled()
})
