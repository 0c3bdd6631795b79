/**
 * lecture.detail, managed, save, publish, cancel and duplicate in-process, through the real SDK and the
 * emulator, with seeded data and fixtures written beside it.
 */
import { buildSeed } from '../../scripts/seed/data'
import { isScene } from '../../cloudfunctions/_shared/miniProgramCode'
import { main } from '../../cloudfunctions/lecture/main'
import type { LectureDetail, LectureInput, LectureSummary } from '../../src/shared/contract'
import { lectureFields, managedScopeOf, newLecture, sameTimeNextWeek } from '../../src/shared/lectureRules'
import type { LectureDoc, MemberDoc, SignupDoc } from '../../src/shared/model'
import { caller } from '../support/caller'
import { callsOf, seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { isBound, seededMember } from './seeded.fixtures'

let cloud: TestCloud
const now = new Date()
const seed = buildSeed(now)
const HOUR = 3600_000
const DAY = 24 * HOUR

/** A branch with a secretary and a plain member; its sibling in the same street; a branch elsewhere. */
const OWN = 'br-lixia-ssdl-lt'
const SIBLING = 'br-lixia-ssdl-1'
const OTHER = 'br-jiyang-qd'
const STREET = 'org-lixia-jiefanglu'
const bound = (m: MemberDoc) => isBound(seed, m)
const find = (what: string, fits: (m: MemberDoc) => boolean) => seededMember(seed, what, (m) => bound(m) && fits(m))
const secretary = find('secretary', (m) => m.branchId === OWN && m.roles.includes('secretary'))
const plain = find('plain member', (m) => m.branchId === OWN && m.roles.length === 1)
const otherSecretary = find('other secretary', (m) => m.branchId === OTHER && m.roles.includes('secretary'))
const streetAdmin = find('street admin', (m) => m.adminOrgId === STREET)
const unbound = seed.members.find((m) => !bound(m))!

/** The openid of a seeded member (an unbound one is no member yet). */
const as = (m: MemberDoc) => 'demo-' + m._id
const anonymous = undefined
const orgOf = (id: string) => seed.orgs.find((o) => o._id === id)!

/** A valid lecture form, two days ahead. */
function form(hostOrgId: string, over: Partial<LectureInput> = {}): LectureInput {
  const start = new Date(now.getTime() + 2 * DAY)
  return {
    title: '学党章、守党规、当先锋',
    theme: 'standard',
    summary: '读原文、谈体会。',
    lecturer: { name: '王建华', title: '区委党校讲师' },
    speakerRole: 'expert',
    hostOrgId,
    venue: { address: '山师东路社区老年活动室' },
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 90 * 60_000).toISOString(),
    signupDeadline: new Date(start.getTime() - 2 * HOUR).toISOString(),
    capacity: 40,
    ...over,
  }
}

let serial = 0
/** Writes a lecture straight into the database (not through the function under test). */
async function lectureAt(hostOrgId: string, over: Partial<LectureDoc> = {}): Promise<LectureDoc> {
  const values = { coHostOrgIds: [], openToAll: false, approvalRequired: false, ...form(hostOrgId) }
  const parsed = {
    ...values,
    summary: '',
    cancelPolicy: 'untilDeadline',
    checkinLevel: 'L1',
    signupRequired: true,
  } as const
  const venue = { address: '测试地点', radiusM: 200, stops: [] }
  const made: LectureDoc = {
    _id: `fx-${++serial}`,
    ...newLecture(lectureFields({ ...parsed, venue }, orgOf(hostOrgId)), secretary._id, now),
    ...over,
  }
  const doc = { ...made, seatsFree: over.seatsFree ?? made.capacity - made.signedUp }
  await cloud.db.collection('lectures').add(doc)
  return doc
}

async function signupFor(lecture: LectureDoc, m: MemberDoc, status: SignupDoc['status'], ticket: number) {
  const doc: SignupDoc = {
    _id: `${lecture._id}:${m._id}`,
    lectureId: lecture._id,
    memberId: m._id,
    memberName: m.name,
    branchId: m.branchId,
    status,
    ticket,
    createdAt: now,
    updatedAt: now,
  }
  await cloud.db.collection('signups').add(doc)
}

const { call, ok } = caller(main)
const storedLecture = (id: string) =>
  cloud.emulator.store.scan('lectures', { _id: id }).map((r) => r.doc as unknown as LectureDoc)[0]
const everything = () => JSON.stringify(['lectures', 'signups'].map((c) => cloud.emulator.store.scan(c, {})))

seededCloudForFile(now, (started) => (cloud = started))

describe('lecture.detail', () => {
  it('shows a lecture of the member’s branch, with whether they may manage it', async () => {
    const l = await lectureAt(OWN, { status: 'published' })
    const seen = await ok<LectureDetail>('detail', { id: l._id }, as(plain))
    expect(seen).toMatchObject({ id: l._id, title: l.title, hostOrgId: OWN, canManage: false, seatsLeft: 40 })
    expect(seen.hostOrgName).toBe(orgOf(OWN).name)
    expect(seen.mySignup).toBeUndefined()
    expect(await ok('detail', { id: l._id }, as(secretary))).toMatchObject({ canManage: true })
    expect(await ok('detail', { id: l._id }, as(streetAdmin))).toMatchObject({ canManage: true })
  })

  it('refuses a lecture the caller may not see, with the reason that fits who they are', async () => {
    const l = await lectureAt(OWN, { status: 'published' })
    expect(await call('detail', { id: l._id }, as(otherSecretary))).toMatchObject({ ok: false, code: 'NOT_VISIBLE' })
    expect(await call('detail', { id: l._id }, anonymous)).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
    expect(await call('detail', { id: l._id }, as(unbound))).toMatchObject({ ok: false, code: 'NOT_A_MEMBER' })
    expect(await call('detail', { id: 'nope' }, as(plain))).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('shows a lecture open to all to anyone, and a draft only to its managers', async () => {
    const open = await lectureAt(OTHER, { status: 'published', openToAll: true })
    expect(await ok('detail', { id: open._id }, anonymous)).toMatchObject({ canManage: false, openToAll: true })
    expect(await ok('detail', { id: open._id }, as(plain))).toMatchObject({ canManage: false })
    const draft = await lectureAt(OWN, { openToAll: true })
    expect(await ok('detail', { id: draft._id }, as(secretary))).toMatchObject({ status: 'draft', canManage: true })
    expect(await call('detail', { id: draft._id }, as(plain))).toMatchObject({ ok: false, code: 'NOT_VISIBLE' })
    expect(await call('detail', { id: draft._id }, anonymous)).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
  })

  it('gives the caller’s own sign-up and their place on the waitlist', async () => {
    const l = await lectureAt(OWN, { status: 'published', openToAll: true, capacity: 1, signedUp: 1, waiting: 3 })
    const [first, gaveUp, third] = seed.members.filter(
      (m) => bound(m) && [OWN, SIBLING].includes(m.branchId) && m !== plain && m !== streetAdmin,
    )
    await signupFor(l, plain, 'confirmed', 1)
    await signupFor(l, first, 'waitlisted', 2)
    await signupFor(l, gaveUp, 'cancelled', 3)
    await signupFor(l, third, 'waitlisted', 4)
    await signupFor(l, streetAdmin, 'waitlisted', 5)
    expect(await ok('detail', { id: l._id }, as(plain))).toMatchObject({
      mySignup: { status: 'confirmed' },
      seatsLeft: 0,
      waiting: 3,
    })
    expect((await ok<LectureDetail>('detail', { id: l._id }, as(first))).mySignup).toEqual({
      status: 'waitlisted',
      position: 1,
    })
    expect((await ok<LectureDetail>('detail', { id: l._id }, as(gaveUp))).mySignup).toEqual({ status: 'cancelled' })
    expect((await ok<LectureDetail>('detail', { id: l._id }, as(streetAdmin))).mySignup).toEqual({
      status: 'waitlisted',
      position: 3,
    })
  })

  it('resolves the cover to a temporary URL, and skips one that is gone', async () => {
    const cloudPath = 'covers/00112233445566778899aabbccddeeff.png' // as the page uploads it (src/api/upload.ts)
    const { fileID } = await cloud.app.uploadFile({ cloudPath, fileContent: Buffer.from('png') })
    const l = await lectureAt(OWN, { status: 'published', coverFileId: fileID })
    const seen = await ok<LectureDetail>('detail', { id: l._id }, as(plain))
    expect(seen.coverFileId).toBe(fileID)
    expect(seen.coverUrl).toMatch(/^http/)
    const gone = await lectureAt(OWN, { status: 'published', coverFileId: fileID.replace('0011', '9911') })
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect((await ok<LectureDetail>('detail', { id: gone._id }, as(plain))).coverUrl).toBeUndefined()
    warn.mockRestore()
  })

  it('costs three database calls (four on the waitlist, one for someone not signed in)', async () => {
    const l = await lectureAt(OWN, { status: 'published', openToAll: true })
    expect(await callsOf(cloud, () => ok('detail', { id: l._id }, as(plain)))).toBe(3)
    await signupFor(l, plain, 'waitlisted', 1)
    expect(await callsOf(cloud, () => ok('detail', { id: l._id }, as(plain)))).toBe(4)
    expect(await callsOf(cloud, () => ok('detail', { id: l._id }, anonymous))).toBe(1)
  })
})

describe('lecture.managed', () => {
  const scoped = (pred: (l: LectureDoc) => boolean, scope: 'drafts' | 'upcoming' | 'past') => {
    const docs = cloud.emulator.store
      .scan('lectures', {})
      .map((r) => r.doc as unknown as LectureDoc)
      .filter((l) => pred(l) && managedScopeOf(l, new Date()) === scope)
    const sign = scope === 'past' ? -1 : 1
    return docs
      .sort((a, b) => sign * (a.startAt.getTime() - b.startAt.getTime() || a._id.localeCompare(b._id)))
      .map((l) => l._id)
  }

  beforeAll(async () => {
    await lectureAt(OWN) // a draft
    await lectureAt(OWN, { status: 'published', startAt: new Date(now.getTime() + 3 * DAY) })
    await lectureAt(OWN, { status: 'published', startAt: new Date(now.getTime() + DAY) })
    await lectureAt(OWN, { status: 'cancelled', cancelReason: '下雨' })
    await lectureAt(OWN, {
      status: 'published',
      startAt: new Date(now.getTime() - 3 * HOUR),
      endAt: new Date(now.getTime() - 2 * HOUR),
    })
    await lectureAt(OWN, { status: 'finished', startAt: new Date(now.getTime() - 9 * DAY) })
    await lectureAt(SIBLING, { status: 'published' })
    await lectureAt(STREET) // a street's own draft
  })

  it.each(['drafts', 'upcoming', 'past'] as const)(
    '%s of a secretary’s branch: soonest first ahead, latest first behind',
    async (scope) => {
      const { items } = await ok<{ items: LectureSummary[] }>('managed', { scope }, as(secretary))
      const expected = scoped((l) => l.hostOrgId === OWN, scope)
      expect(expected.length).toBeGreaterThan(scope === 'drafts' ? 0 : 1)
      expect(items.map((i) => i.id)).toEqual(expected)
    },
  )

  it('an administrator sees the subtree, or one node of it', async () => {
    const inStreet = (l: LectureDoc) => l.hostOrgId === STREET || l.hostPath.includes(STREET)
    for (const scope of ['drafts', 'upcoming', 'past'] as const) {
      const { items } = await ok<{ items: LectureSummary[] }>('managed', { scope }, as(streetAdmin))
      expect(items.map((i) => i.id)).toEqual(scoped(inStreet, scope))
    }
    const drafts = await ok<{ items: LectureSummary[] }>('managed', { scope: 'drafts' }, as(streetAdmin))
    expect(drafts.items.map((i) => i.hostOrgName)).toEqual(
      expect.arrayContaining([orgOf(OWN).name, orgOf(STREET).name]),
    )
    const one = await ok<{ items: LectureSummary[] }>('managed', { scope: 'upcoming', orgId: SIBLING }, as(streetAdmin))
    expect(one.items.map((i) => i.id)).toEqual(scoped((l) => l.hostOrgId === SIBLING, 'upcoming'))
  })

  it('refuses a plain member, a node not managed, and a node that does not exist', async () => {
    expect(await call('managed', { scope: 'drafts' }, as(plain))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('managed', { scope: 'drafts', orgId: OTHER }, as(secretary))).toMatchObject({
      code: 'FORBIDDEN',
    })
    expect(await call('managed', { scope: 'drafts', orgId: 'org-nowhere' }, as(streetAdmin))).toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('costs two database calls', async () => {
    expect(await callsOf(cloud, () => ok('managed', { scope: 'upcoming' }, as(secretary)))).toBe(2)
    expect(await callsOf(cloud, () => ok('managed', { scope: 'upcoming', orgId: OWN }, as(secretary)))).toBe(2)
    expect(await callsOf(cloud, () => ok('managed', { scope: 'upcoming', orgId: OWN }, as(streetAdmin)))).toBe(3)
  })
})

describe('lecture.save', () => {
  it('creates a draft with the host copied from its org, the default credit and empty counters', async () => {
    const before = Date.now()
    const { id } = await ok<{ id: string }>('save', { lecture: form(OWN, { coHostOrgIds: [SIBLING] }) }, as(secretary))
    const doc = storedLecture(id)
    expect(doc).toMatchObject({
      title: '学党章、守党规、当先锋',
      status: 'draft',
      hostOrgId: OWN,
      hostOrgName: orgOf(OWN).name,
      hostPath: orgOf(OWN).path,
      coHostOrgIds: [SIBLING],
      credit: { hours: 1.5, bucket: 'collective' },
      lecturer: { name: '王建华', title: '区委党校讲师' },
      venue: { address: '山师东路社区老年活动室', radiusM: 200, stops: [] },
      signedUp: 0,
      seatsFree: 40,
      waiting: 0,
      tickets: 0,
      capacity: 40,
      createdBy: secretary._id,
    })
    expect(doc.startAt).toBeInstanceOf(Date)
    expect(doc.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(doc.updatedAt).toEqual(doc.createdAt)
  })

  it('keeps a stated credit', async () => {
    const credit = { hours: 2, bucket: 'training' as const }
    const { id } = await ok<{ id: string }>('save', { lecture: form(OWN, { credit }) }, as(secretary))
    expect(storedLecture(id).credit).toEqual(credit)
  })

  it('refuses co-hosts or a host that do not exist, and a form the schema rejects, writing nothing', async () => {
    const before = everything()
    const coHost = await call('save', { lecture: form(OWN, { coHostOrgIds: [SIBLING, 'org-nowhere'] }) }, as(secretary))
    expect(coHost).toMatchObject({ ok: false, code: 'INVALID_INPUT', explanation: '联办单位不存在：org-nowhere' })
    const host = await call('save', { lecture: form('org-nowhere') }, as(streetAdmin))
    expect(host).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    const backwards = form(OWN, { endAt: new Date(now.getTime() + DAY).toISOString() })
    const bad = await call('save', { lecture: backwards }, as(secretary))
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!bad.ok) expect(bad.explanation).toMatch(/结束时间须晚于开始时间/)
    expect(everything()).toBe(before)
  })

  it('edits a draft: the form replaces what it decides, counters and authorship stay', async () => {
    const l = await lectureAt(OWN, { coverFileId: 'cloud://x/c.png', tickets: 0 })
    const lecture = form(OWN, {
      title: '改过的标题',
      lecturer: { name: '李秀英' },
      venue: { address: '新地点', lat: 36.6, lng: 117.0 },
      capacity: 25,
    })
    expect(await ok('save', { id: l._id, lecture }, as(secretary))).toEqual({ id: l._id })
    const doc = storedLecture(l._id)
    expect(doc).toMatchObject({ title: '改过的标题', capacity: 25, status: 'draft', createdBy: l.createdBy })
    expect(doc.lecturer).toEqual({ name: '李秀英' }) // the old title is gone, not merged
    // with its point for 附近的党课, derived from the new coordinates
    const geo = { type: 'Point', coordinates: [117.0, 36.6] }
    expect(doc.venue).toEqual({ address: '新地点', lat: 36.6, lng: 117.0, radiusM: 200, stops: [], geo })
    expect('coverFileId' in doc).toBe(false)
    expect(doc.createdAt).toEqual(l.createdAt)
    expect(doc.updatedAt.getTime()).toBeGreaterThan(l.updatedAt.getTime() - 1)
  })

  it('edits a published lecture but never below the seats already taken', async () => {
    const l = await lectureAt(OWN, { status: 'published', signedUp: 10, tickets: 12, waiting: 2 })
    const before = everything()
    const low = await call('save', { id: l._id, lecture: form(OWN, { capacity: 9 }) }, as(secretary))
    expect(low).toMatchObject({ ok: false, code: 'INVALID_INPUT', explanation: '人数上限不能少于已报名的10人' })
    expect(everything()).toBe(before)
    await ok('save', { id: l._id, lecture: form(OWN, { capacity: 10 }) }, as(secretary))
    expect(storedLecture(l._id)).toMatchObject({
      capacity: 10,
      status: 'published',
      signedUp: 10,
      seatsFree: 0,
      waiting: 2,
      tickets: 12,
    })
  })

  it('moves the free seats by the change of capacity, and gives new seats to the waitlist first', async () => {
    const l = await lectureAt(OWN, { status: 'published', capacity: 2, signedUp: 2, tickets: 4, waiting: 2 })
    const [a, b, c, d] = seed.members.slice(0, 4)
    await signupFor(l, a, 'confirmed', 1)
    await signupFor(l, b, 'confirmed', 2)
    await signupFor(l, c, 'waitlisted', 3)
    await signupFor(l, d, 'waitlisted', 4)
    await ok('save', { id: l._id, lecture: form(OWN, { capacity: 5 }) }, as(secretary))
    expect(storedLecture(l._id)).toMatchObject({ capacity: 5, signedUp: 4, seatsFree: 1, waiting: 0 })
    const states = cloud.emulator.store.scan('signups', { lectureId: l._id }).map((r) => r.doc.status)
    expect(states).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed'])
    await ok('save', { id: l._id, lecture: form(OWN, { capacity: 4 }) }, as(secretary))
    expect(storedLecture(l._id)).toMatchObject({ capacity: 4, signedUp: 4, seatsFree: 0 })
  })

  it('refuses a capacity edit when the seats changed since it was read, never over-filling', async () => {
    // Read with 3 free seats, but two were taken before the write lands: 3 → 2 would leave −1 free.
    const l = await lectureAt(OWN, { status: 'published', capacity: 5, signedUp: 2 })
    const database = cloud.emulator.database
    const handle = database.handle.bind(database)
    database.handle = (action, p) => {
      if (action === 'database.modifyDocument' && p.collectionName === 'lectures') {
        database.handle = handle
        cloud.emulator.store.apply([
          { kind: 'put', coll: 'lectures', id: l._id, doc: { ...storedLecture(l._id), signedUp: 4, seatsFree: 1 } },
        ] as never)
      }
      return handle(action, p)
    }
    const res = await call('save', { id: l._id, lecture: form(OWN, { capacity: 3 }) }, as(secretary))
    database.handle = handle
    expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT', explanation: '人数上限不能少于已报名的4人' })
    expect(storedLecture(l._id)).toMatchObject({ capacity: 5, signedUp: 4, seatsFree: 1 })
  })

  it('waits for the hourly repair when the free seats disagree with the sign-ups (left so by a crash), writing nothing', async () => {
    // 5 seats, 2 signed up, but only 1 counted free: cutting to 3 would claim −1 free; a refresh cannot help.
    const l = await lectureAt(OWN, { status: 'published', capacity: 5, signedUp: 2, seatsFree: 1 })
    const before = everything()
    const res = await call('save', { id: l._id, lecture: form(OWN, { capacity: 3 }) }, as(secretary))
    expect(res).toMatchObject({ ok: false, code: 'INVALID_STATE', explanation: expect.stringContaining('自动核对') })
    expect(everything()).toBe(before)
  })

  it('refuses to edit a cancelled or finished lecture, or one that does not exist', async () => {
    for (const status of ['cancelled', 'finished'] as const) {
      const l = await lectureAt(OWN, { status })
      const before = everything()
      expect(await call('save', { id: l._id, lecture: form(OWN) }, as(secretary))).toMatchObject({
        ok: false,
        code: 'INVALID_STATE',
      })
      expect(everything()).toBe(before)
    }
    expect(await call('save', { id: 'nope', lecture: form(OWN) }, as(secretary))).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('moves a lecture only between nodes the caller manages', async () => {
    const l = await lectureAt(OWN)
    const before = everything()
    expect(await call('save', { id: l._id, lecture: form(OTHER) }, as(secretary))).toMatchObject({ code: 'FORBIDDEN' })
    expect(everything()).toBe(before)
    await ok('save', { id: l._id, lecture: form(SIBLING) }, as(streetAdmin))
    expect(storedLecture(l._id)).toMatchObject({ hostOrgId: SIBLING, hostOrgName: orgOf(SIBLING).name })
    // now out of the first secretary's hands
    expect(await call('save', { id: l._id, lecture: form(OWN) }, as(secretary))).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('costs three database calls to create and four to edit', async () => {
    expect(await callsOf(cloud, () => ok('save', { lecture: form(OWN) }, as(secretary)))).toBe(3)
    const l = await lectureAt(OWN)
    expect(await callsOf(cloud, () => ok('save', { id: l._id, lecture: form(OWN) }, as(secretary)))).toBe(4)
  })
})

describe('lecture.save: a published lecture’s schedule', () => {
  /** A published lecture starting `startIn` from now, 90 minutes long, and the form that keeps its times. */
  async function publishedIn(startIn: number) {
    const startAt = new Date(now.getTime() + startIn)
    const endAt = new Date(startAt.getTime() + 90 * 60_000)
    const l = await lectureAt(OWN, { status: 'published', startAt, endAt, signupDeadline: startAt })
    const times = { startAt: startAt.toISOString(), endAt: endAt.toISOString(), signupDeadline: startAt.toISOString() }
    return { l, same: (over: Partial<LectureInput> = {}) => form(OWN, { ...times, ...over }) }
  }
  const shifted = (l: LectureDoc, by: number) => ({
    startAt: new Date(l.startAt.getTime() + by).toISOString(),
    endAt: new Date(l.endAt.getTime() + by).toISOString(),
    signupDeadline: new Date(l.startAt.getTime() + by).toISOString(),
  })

  it('refuses dates moved into the past (2025), writing nothing; a later date is fine', async () => {
    const { l, same } = await publishedIn(2 * DAY)
    const before = everything()
    const past = same({
      startAt: '2025-06-01T01:00:00.000Z',
      endAt: '2025-06-01T09:00:00.000Z',
      signupDeadline: '2025-06-01T00:00:00.000Z',
      credit: { hours: 8, bucket: 'training' },
    })
    expect(await call('save', { id: l._id, lecture: past }, as(secretary))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      explanation: '已发布的党课，开始时间不能改到现在以前',
    })
    expect(everything()).toBe(before)
    await ok('save', { id: l._id, lecture: same(shifted(l, DAY)) }, as(secretary))
    expect(storedLecture(l._id).startAt).toEqual(new Date(l.startAt.getTime() + DAY))
  })

  it('refuses any change of times, hours or check-in level once check-in opened; the rest may change', async () => {
    const { l, same } = await publishedIn(20 * 60_000)
    const before = everything()
    for (const changed of [
      same(shifted(l, DAY)),
      same({ endAt: new Date(l.endAt.getTime() + HOUR).toISOString() }),
      same({ credit: { hours: 8, bucket: 'collective' } }),
      same({ checkinLevel: 'L0' }),
    ]) {
      expect(await call('save', { id: l._id, lecture: changed }, as(streetAdmin))).toMatchObject({
        ok: false,
        code: 'INVALID_STATE',
        explanation: '签到已经开始，党课的时间、学时、签到方式、主讲人和开放范围不能再修改',
      })
    }
    expect(everything()).toBe(before)
    await ok('save', { id: l._id, lecture: same({ title: '改过的标题', capacity: 60 }) }, as(secretary))
    expect(storedLecture(l._id)).toMatchObject({ title: '改过的标题', capacity: 60, startAt: l.startAt })
  })

  it('writes only while the lecture is as judged: an edit that read it before another moved it is refused', async () => {
    const { l, same } = await publishedIn(2 * DAY)
    const lectures = jest.requireActual<typeof import('../../cloudfunctions/_shared/lectures')>(
      '../../cloudfunctions/_shared/lectures',
    )
    const read = lectures.loadLecture
    // Another manager moves the lecture to start in 20 minutes (check-in opens) between this edit's read
    // and its write: the edit was judged on the old times.
    const soon = new Date(now.getTime() + 20 * 60_000)
    const spy = jest.spyOn(lectures, 'loadLecture').mockImplementationOnce(async (db, id) => {
      const judged = await read(db, id)
      await cloud.db
        .collection('lectures')
        .doc(id)
        .update({ startAt: soon, endAt: new Date(soon.getTime() + 90 * 60_000), signupDeadline: soon })
      return judged
    })
    try {
      const moved = await call('save', { id: l._id, lecture: same(shifted(l, DAY)) }, as(secretary))
      expect(moved).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    } finally {
      spy.mockRestore()
    }
    expect(storedLecture(l._id).startAt).toEqual(soon)
  })
})

describe('lecture.save: the lecturer', () => {
  const otherMember = seed.members.find((m) => m.branchId === OTHER)!
  const named = (m: Pick<MemberDoc, '_id' | 'name'>) => form(OWN, { lecturer: { name: m.name, memberId: m._id } })

  it('refuses a member id that does not exist or a member outside the caller’s reach, writing nothing', async () => {
    const before = everything()
    expect(await call('save', { lecture: named({ _id: 'm-nobody', name: '无此人' }) }, as(secretary))).toMatchObject({
      ok: false,
      code: 'LECTURER_NOT_ALLOWED',
      explanation: '没有找到这位党员',
    })
    expect(await call('save', { lecture: named(otherMember) }, as(secretary))).toMatchObject({
      ok: false,
      code: 'LECTURER_NOT_ALLOWED',
      explanation: `${otherMember.name}不是您所管理支部的党员`,
    })
    // nor by editing a lecture to name them
    const l = await lectureAt(OWN)
    const edited = everything()
    expect(await call('save', { id: l._id, lecture: named(otherMember) }, as(secretary))).toMatchObject({
      code: 'LECTURER_NOT_ALLOWED',
    })
    expect(everything()).toBe(edited)
    expect(before).not.toBe(edited)
  })

  it('names the caller themselves, a member of their branch, or (an administrator) one of the subtree', async () => {
    const self = await ok<{ id: string }>('save', { lecture: named(secretary) }, as(secretary))
    expect(storedLecture(self.id).lecturer).toEqual({ name: secretary.name, memberId: secretary._id })
    const own = await ok<{ id: string }>('save', { lecture: named(plain) }, as(secretary))
    expect(storedLecture(own.id).lecturer.memberId).toBe(plain._id)
    const byAdmin = await ok<{ id: string }>('save', { lecture: named(plain) }, as(streetAdmin))
    expect(storedLecture(byAdmin.id).lecturer.memberId).toBe(plain._id)
    // a lecturer kept from before is not checked again (e.g. the member of an accepted proposal)
    const kept = await lectureAt(OWN, { lecturer: { name: otherMember.name, memberId: otherMember._id } })
    await ok('save', { id: kept._id, lecture: named(otherMember) }, as(secretary))
  })
})

describe('lecture.publish', () => {
  it('publishes a draft once; members then find it in the list', async () => {
    const l = await lectureAt(OWN)
    expect(await ok('publish', { id: l._id }, as(secretary))).toEqual({ id: l._id })
    expect(storedLecture(l._id).status).toBe('published')
    const list = await ok<{ items: LectureSummary[] }>('list', { filter: 'myBranch', pageSize: 50 }, as(plain))
    expect(list.items.map((i) => i.id)).toContain(l._id)
    expect(await call('publish', { id: l._id }, as(secretary))).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })

  it('refuses a draft whose start has passed, writing nothing', async () => {
    const l = await lectureAt(OWN, {
      startAt: new Date(now.getTime() - HOUR),
      endAt: new Date(now.getTime() + HOUR),
      signupDeadline: new Date(now.getTime() - 2 * HOUR),
    })
    const before = everything()
    const res = await call('publish', { id: l._id }, as(secretary))
    expect(res).toMatchObject({ ok: false, code: 'INVALID_STATE', explanation: '开始时间已过，请修改时间后再发布' })
    expect(everything()).toBe(before)
  })

  it('costs three database calls', async () => {
    const l = await lectureAt(OWN)
    expect(await callsOf(cloud, () => ok('publish', { id: l._id }, as(secretary)))).toBe(3)
  })
})

describe('lecture.cancel', () => {
  it('cancels with a reason that signed-up members see; their sign-ups stay; answers how many', async () => {
    const l = await lectureAt(OWN, { status: 'published', openToAll: true, signedUp: 2, waiting: 1, tickets: 6 })
    const members = seed.members.filter((m) => bound(m) && (m.branchId === OWN || m.branchId === SIBLING))
    const states: SignupDoc['status'][] = ['confirmed', 'confirmed', 'waitlisted', 'pending', 'declined', 'cancelled']
    for (const [i, status] of states.entries()) await signupFor(l, members[i], status, i + 1)
    const signups = () => JSON.stringify(cloud.emulator.store.scan('signups', { lectureId: l._id }))
    const before = signups()

    const res = await ok('cancel', { id: l._id, reason: '因天气原因取消' }, as(secretary))
    expect(res).toEqual({ id: l._id, notified: 4 })
    expect(storedLecture(l._id)).toMatchObject({ status: 'cancelled', cancelReason: '因天气原因取消', signedUp: 2 })
    expect(signups()).toBe(before)

    const confirmed = members[0]
    expect(await ok('detail', { id: l._id }, as(confirmed))).toMatchObject({
      status: 'cancelled',
      cancelReason: '因天气原因取消',
      mySignup: { status: 'confirmed' },
    })
    const list = await ok<{ items: LectureSummary[] }>('list', { pageSize: 50, filter: 'myBranch' }, as(plain))
    expect(list.items.map((i) => i.id)).not.toContain(l._id)
    expect(await call('cancel', { id: l._id, reason: '再取消一次' }, as(secretary))).toMatchObject({
      code: 'INVALID_STATE',
    })
  })

  it('refuses a draft, an ended lecture and a missing reason, writing nothing', async () => {
    const draft = await lectureAt(OWN)
    const ended = await lectureAt(OWN, {
      status: 'published',
      startAt: new Date(now.getTime() - 3 * HOUR),
      endAt: new Date(now.getTime() - HOUR),
    })
    const before = everything()
    expect(await call('cancel', { id: draft._id, reason: '不办了' }, as(secretary))).toMatchObject({
      code: 'INVALID_STATE',
    })
    expect(await call('cancel', { id: ended._id, reason: '不办了' }, as(secretary))).toMatchObject({
      code: 'INVALID_STATE',
      explanation: '党课已经结束，不能取消',
    })
    expect(await call('cancel', { id: draft._id, reason: ' ' }, as(secretary))).toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(everything()).toBe(before)
  })

  it('costs four database calls', async () => {
    const l = await lectureAt(OWN, { status: 'published' })
    expect(await callsOf(cloud, () => ok('cancel', { id: l._id, reason: '因故取消' }, as(secretary)))).toBe(4)
  })
})

describe('lecture.duplicate', () => {
  it('copies a past lecture as a draft on the same weekday and time next week, counters reset', async () => {
    const start = new Date(now.getTime() - 20 * DAY)
    const l = await lectureAt(OWN, {
      status: 'finished',
      startAt: start,
      endAt: new Date(start.getTime() + 2 * HOUR),
      signupDeadline: new Date(start.getTime() - 2 * HOUR),
      signedUp: 30,
      waiting: 4,
      tickets: 40,
      coverFileId: 'cloud://x/covers/0123456789abcdef0123456789abcdef.png',
    })
    const { id } = await ok<{ id: string }>('duplicate', { id: l._id }, as(secretary))
    expect(id).not.toBe(l._id)
    const copy = storedLecture(id)
    const moved = sameTimeNextWeek(start, new Date())
    expect(copy).toMatchObject({ title: l.title, status: 'draft', signedUp: 0, waiting: 0, tickets: 0 })
    expect(copy.seatsFree).toBe(copy.capacity)
    expect(copy).toMatchObject({
      hostOrgId: OWN,
      venue: l.venue,
      coverFileId: 'cloud://x/covers/0123456789abcdef0123456789abcdef.png',
    })
    expect(copy.startAt).toEqual(moved)
    expect(copy.startAt.getTime() - now.getTime()).toBeGreaterThan(0)
    expect(copy.endAt.getTime() - copy.startAt.getTime()).toBe(2 * HOUR)
    expect(copy.startAt.getTime() - copy.signupDeadline.getTime()).toBe(2 * HOUR)
    expect(copy.createdBy).toBe(secretary._id)
    const drafts = await ok<{ items: LectureSummary[] }>('managed', { scope: 'drafts' }, as(secretary))
    expect(drafts.items.map((i) => i.id)).toContain(id)
    expect(storedLecture(l._id).status).toBe('finished')
  })

  it('keeps the dates of a lecture still to come', async () => {
    const l = await lectureAt(OWN, { status: 'published' })
    const { id } = await ok<{ id: string }>('duplicate', { id: l._id }, as(streetAdmin))
    expect(storedLecture(id)).toMatchObject({ startAt: l.startAt, endAt: l.endAt, createdBy: streetAdmin._id })
  })

  it('costs three database calls', async () => {
    const l = await lectureAt(OWN, { status: 'finished' })
    expect(await callsOf(cloud, () => ok('duplicate', { id: l._id }, as(secretary)))).toBe(3)
  })
})

describe('lecture ids', () => {
  it('are made by the function, short enough to be a mini-program code’s scene (save and duplicate)', async () => {
    const saved = await ok<{ id: string }>('save', { lecture: form(OWN) }, as(secretary))
    const copied = await ok<{ id: string }>('duplicate', { id: saved.id }, as(secretary))
    for (const { id } of [saved, copied]) {
      expect(id).toMatch(/^lec-[0-9a-f]{24}$/)
      expect(isScene(id)).toBe(true)
      expect(storedLecture(id)).toBeDefined()
    }
    expect(copied.id).not.toBe(saved.id)
  })
})
