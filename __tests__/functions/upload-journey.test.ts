/**
 * The h5 app's whole cover journey over HTTP, as the browser makes it: sign in, POST the picture to
 * /app/upload under covers/<random>.png, then lecture.checkCover with only the file id through /app/call;
 * the function reads the file back through a temporary URL of the same server.
 */
import { randomBytes } from 'crypto'
import { main } from '../../cloudfunctions/lecture/main'
import { buildSeed } from '../../scripts/seed/data'
import { seedDatabase } from '../../scripts/seed/index'
import { uploadPath } from '../../src/shared/files'
import { startTestCloud, type TestCloud } from '../support/emulator'

const now = new Date()
const seed = buildSeed(now)
const bound = new Set(seed.bindings.map((b) => b.memberId))
const secretary = seed.members.find((m) => bound.has(m._id) && m.roles.includes('secretary'))!
const openid = `demo-${secretary._id}`
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

let cloud: TestCloud
let cookie: string
beforeAll(async () => {
  cloud = await startTestCloud({ identities: () => [{ openid, label: secretary.name }] })
  await seedDatabase(cloud.db, now)
  cloud.emulator.functions.register('lecture', main)
  const login = await fetch(`${cloud.emulator.url}/app/login`, {
    method: 'POST',
    body: `openid=${openid}`,
    redirect: 'manual',
  })
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]
})
afterAll(() => cloud.stop())

it('uploads a picture, then checks it by its id alone, and the answered URL shows it', async () => {
  const origin = cloud.emulator.url
  const cloudPath = uploadPath('cover', '封面.png', randomBytes(16))!
  const uploaded = await fetch(`${origin}/app/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/octet-stream' },
    body: PNG,
  })
  const { fileId } = (await uploaded.json()) as { fileId: string }
  const checked = await fetch(`${origin}/app/call/lecture`, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'checkCover', payload: { fileId } }),
  })
  const reply = (await checked.json()) as { ok: boolean; data: { fileId: string; url: string } }
  expect(reply).toMatchObject({ ok: true, data: { fileId } })
  expect(Buffer.from(await (await fetch(reply.data.url)).arrayBuffer()).equals(PNG)).toBe(true)
})
