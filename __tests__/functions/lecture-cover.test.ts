/**
 * Covers travel phone → storage → file id: lecture.checkCover and lecture.save take only a picture uploaded
 * as a cover (its path and its bytes checked), and detail shows it through a temporary URL.
 */
import { randomBytes } from 'crypto'
import { buildSeed } from '../../scripts/seed/data'
import { main } from '../../cloudfunctions/lecture/main'
import type { LectureDetail } from '../../src/shared/contract'
import type { MemberDoc } from '../../src/shared/model'
import { asCaller } from '../support/caller'
import { seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { isBound } from './seeded.fixtures'

let cloud: TestCloud
const now = new Date()
const seed = buildSeed(now)
const bound = (m: MemberDoc) => isBound(seed, m)
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
const as = (m: MemberDoc) => asCaller('demo-' + m._id)

// The smallest valid PNG header and a JPEG start: the function checks the bytes, not the name.
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
/** The page's way: into storage under covers/ with a random name (src/api/upload.ts), then the id to check. */
const store = async (bytes: Buffer, cloudPath = `covers/${randomBytes(16).toString('hex')}.png`) =>
  (await cloud.app.uploadFile({ cloudPath, fileContent: bytes })).fileID
const check = (who: MemberDoc, fileId: string) => main({ action: 'checkCover', payload: { fileId } }, as(who))
const saveWithCover = async (who: MemberDoc, coverFileId: string) => {
  const res = await main({ action: 'detail', payload: { id: lecture._id } }, as(who))
  if (!res.ok) throw new Error(res.code)
  const d = res.data as LectureDetail
  const form = {
    title: d.title,
    theme: d.theme,
    summary: d.summary,
    lecturer: d.lecturer,
    speakerRole: d.speakerRole,
    hostOrgId: d.hostOrgId,
    coHostOrgIds: d.coHostOrgIds,
    openToAll: d.openToAll,
    venue: d.venue,
    startAt: d.startAt,
    endAt: d.endAt,
    signupDeadline: d.signupDeadline,
    capacity: d.capacity,
    approvalRequired: d.approvalRequired,
    cancelPolicy: d.cancelPolicy,
    credit: d.credit,
    checkinLevel: d.checkinLevel,
    signupRequired: d.signupRequired,
    coverFileId,
  }
  return main({ action: 'save', payload: { id: lecture._id, lecture: form } }, as(who))
}
const storedCover = async () =>
  ((await cloud.db.collection('lectures').doc(lecture._id).get()).data[0] as { coverFileId?: string }).coverFileId

seededCloudForFile(now, (started) => (cloud = started))

it('checks a secretary’s uploaded picture and serves it; detail then shows it as the cover', async () => {
  const fileId = await store(PNG)
  const res = await check(secretary, fileId)
  if (!res.ok) throw new Error(res.code)
  const { url } = res.data as { fileId: string; url: string }
  expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(PNG)).toBe(true)

  expect(await saveWithCover(secretary, fileId)).toMatchObject({ ok: true })
  expect(await storedCover()).toBe(fileId)
  const detail = await main({ action: 'detail', payload: { id: lecture._id } }, as(secretary))
  if (!detail.ok) throw new Error(detail.code)
  expect((detail.data as LectureDetail).coverUrl).toMatch(/\/storage\/covers\/[0-9a-f]{32}\.png\?sign=/)
})

it('refuses a plain member, and bytes that are not a picture', async () => {
  expect(await check(plain, await store(PNG))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await check(secretary, await store(Buffer.from('not a picture at all')))).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    explanation: '这不是 JPG 或 PNG 图片',
  })
})

it('refuses a picture over 2 MB', async () => {
  const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)])
  expect(await check(secretary, await store(big))).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    explanation: '图片不能超过2MB，请换一张小一些的',
  })
})

it('never sets an export, another kind of file or a non-image as a cover, and saves nothing then', async () => {
  const before = await storedCover()
  const hex = randomBytes(16).toString('hex')
  const exported = await store(PNG, `exports/${hex}/报名名单.xlsx`)
  const roster = await store(PNG, `rosters/${hex}.xlsx`)
  const notAPicture = await store(Buffer.from('姓名,手机号\n'))
  for (const fileId of [exported, roster]) {
    expect(await check(secretary, fileId)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await saveWithCover(secretary, fileId)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  }
  // Under covers/ with a random name, but not a picture: save checks the bytes too.
  expect(await saveWithCover(secretary, notAPicture)).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT',
    explanation: '这不是 JPG 或 PNG 图片',
  })
  expect(await storedCover()).toBe(before)
})

it('shows no URL for a stored cover that is not an uploaded cover (one set before covers were checked)', async () => {
  const exported = await store(PNG, `exports/${randomBytes(16).toString('hex')}/报名名单.xlsx`)
  await cloud.db.collection('lectures').doc(lecture._id).update({ coverFileId: exported })
  const detail = await main({ action: 'detail', payload: { id: lecture._id } }, as(secretary))
  if (!detail.ok) throw new Error(detail.code)
  expect((detail.data as LectureDetail).coverUrl).toBeUndefined()
})
