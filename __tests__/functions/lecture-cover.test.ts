/** lecture.uploadCover: a picture into storage for those who post lectures, and back out through detail. */
import { existsSync } from 'fs'
import { join } from 'path'
import { buildSeed } from '../../scripts/seed/data'
import { seedDatabase } from '../../scripts/seed/index'
import { main } from '../../cloudfunctions/lecture/main'
import type { LectureDetail } from '../../src/shared/contract'
import type { MemberDoc } from '../../src/shared/model'
import { startTestCloud, type TestCloud } from '../support/emulator'

let cloud: TestCloud
const now = new Date()
const seed = buildSeed(now)
const bound = (m: MemberDoc) => seed.bindings.some((b) => b.memberId === m._id)
// A secretary whose branch hosts a published lecture, to put the cover on.
const lecture = seed.lectures.find(
  (l) =>
    l.status === 'published' &&
    seed.members.some((m) => bound(m) && m.branchId === l.hostOrgId && m.roles.includes('secretary')),
)!
const secretary = seed.members.find(
  (m) => bound(m) && m.branchId === lecture.hostOrgId && m.roles.includes('secretary'),
)!
const plain = seed.members.find((m) => bound(m) && m.roles.length === 1)!
const as = (m: MemberDoc) => ({ environment: JSON.stringify({ WX_OPENID: 'demo-' + m._id }) })

// The smallest valid PNG header and a JPEG start: the function checks the bytes, not the name.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const upload = (who: MemberDoc, bytes: Buffer, fileName = 'cover.png') =>
  main({ action: 'uploadCover', payload: { fileName, contentBase64: bytes.toString('base64') } }, as(who))

beforeAll(async () => {
  cloud = await startTestCloud()
  await seedDatabase(cloud.db, now)
})
afterAll(() => cloud.stop())

it('stores a secretary’s picture and serves it; detail then shows it as the cover', async () => {
  const res = await upload(secretary, PNG)
  if (!res.ok) throw new Error(res.code)
  const { fileId, url } = res.data as { fileId: string; url: string }
  expect(fileId).toMatch(new RegExp(`/covers/${secretary._id}/.+\\.png$`))
  expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(PNG)).toBe(true)

  await cloud.db.collection('lectures').doc(lecture._id).update({ coverFileId: fileId })
  const detail = await main({ action: 'detail', payload: { id: lecture._id } }, as(secretary))
  if (!detail.ok) throw new Error(detail.code)
  expect((detail.data as LectureDetail).coverUrl).toMatch(/\/storage\/covers\//)
})

it('refuses a plain member, and bytes that are not a picture, storing nothing', async () => {
  expect(await upload(plain, PNG)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await upload(secretary, Buffer.from('not a picture at all'), 'x.png')).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    explanation: '这不是 JPG 或 PNG 图片',
  })
  expect(await upload(secretary, PNG, 'cover.gif')).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(existsSync(join(cloud.dataDir, 'storage', 'covers', plain._id))).toBe(false)
})
