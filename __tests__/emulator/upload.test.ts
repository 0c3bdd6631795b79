/**
 * POST /app/upload, the h5 app's stand-in for wx.cloud.uploadFile: a signed-in person, from the app's own
 * origin, with the bytes as application/octet-stream, at most 4 MB (refused before the body is held), never
 * over an existing file; stored where and as the SDK's upload stores it.
 */
import { existsSync } from 'fs'
import { join } from 'path'
import { startTestCloud, type TestCloud } from '../support/emulator'

let cloud: TestCloud
let cookie: string
let origin: string
beforeAll(async () => {
  cloud = await startTestCloud({ identities: () => [{ openid: 'demo-m-0001', label: '张书记' }] })
  origin = cloud.emulator.url
  const login = await fetch(`${origin}/app/login`, { method: 'POST', body: 'openid=demo-m-0001', redirect: 'manual' })
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
  expect(cookie).toMatch(/^dangke_session=/)
})
afterAll(() => cloud.stop())

const post = (cloudPath: string, body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string> = {}) =>
  fetch(`${origin}/app/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/octet-stream', ...headers },
    body,
  })
const stored = (path: string) => existsSync(join(cloud.dataDir, 'storage', path))

it('stores the bytes as the SDK’s upload would and answers the file id, which reads back through the SDK', async () => {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
  const res = await post('covers/aa11.png', bytes)
  expect(res.status).toBe(200)
  const { fileId } = (await res.json()) as { fileId: string }
  expect(fileId).toBe('cloud://local-dev.local-bucket/covers/aa11.png')
  const { fileList } = await cloud.app.getTempFileURL({ fileList: [fileId] })
  expect(new Uint8Array(await (await fetch(fileList[0].tempFileURL)).arrayBuffer())).toEqual(bytes)
  // never over an existing file
  expect((await post('covers/aa11.png', 'other')).status).toBe(409)
})

it('refuses someone not signed in, another origin, a form or text body, and a path that climbs out', async () => {
  expect((await post('covers/b1.png', 'x', { cookie: '' })).status).toBe(401)
  expect((await post('covers/b2.png', 'x', { origin: 'http://evil.example' })).status).toBe(403)
  expect((await post('covers/b3.png', 'x', { origin: '' })).status).toBe(403)
  expect((await post('covers/b4.png', 'x', { 'content-type': 'text/plain' })).status).toBe(415)
  expect((await post('../../secret', 'x')).status).toBe(400)
  // a stray or crafted escape is a refusal, never a 500
  expect((await post('covers/a%b.png', 'x')).status).toBe(400)
  expect((await post('covers/a%2e%2eb.png', 'x')).status).toBe(400)
  expect(['covers/b1.png', 'covers/b2.png', 'covers/b3.png', 'covers/b4.png'].some(stored)).toBe(false)
})

it('refuses a body over 4 MB, by its Content-Length or as it streams in, storing nothing', async () => {
  expect((await post('rosters/big.csv', new Uint8Array(4 * 1024 * 1024 + 1))).status).toBe(413)
  const chunks = new ReadableStream({
    start(c) {
      for (let i = 0; i < 10; i++) c.enqueue(new Uint8Array(1024 * 1024))
      c.close()
    },
  })
  const streamed = await fetch(`${origin}/app/upload?cloudPath=rosters/streamed.csv`, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/octet-stream' },
    body: chunks,
    duplex: 'half',
  } as RequestInit)
  expect(streamed.status).toBe(413)
  expect(stored('rosters/big.csv') || stored('rosters/streamed.csv')).toBe(false)
})
