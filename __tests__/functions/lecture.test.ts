/** lecture.list in-process, through the real SDK and the emulator, with seeded data. */
import { buildSeed } from '../../scripts/seed/data'
import { seedDatabase } from '../../scripts/seed/index'
import { actorOf } from '../../cloudfunctions/_shared/actor'
import { hostOf } from '../../cloudfunctions/_shared/lectures'
import { main } from '../../cloudfunctions/lecture/main'
import { chinaWeek, lectureFields, newLecture } from '../../src/shared/lectureRules'
import type { LectureDoc } from '../../src/shared/model'
import { type Actor, canSeeLecture, managesLecturesOf } from '../../src/shared/rights'
import { asCaller } from '../support/caller'
import { startTestCloud, type TestCloud } from '../support/emulator'

let cloud: TestCloud
const now = new Date()
const seed = buildSeed(now)
const as = (memberId: string) => asCaller('demo-' + memberId)
const anonymous = asCaller()
const asMember = as('m-0001')
const actor = (memberId: string): Actor => actorOf(seed.bindings.find((b) => b.memberId === memberId)!)
const orgOf = (id: string) => seed.orgs.find((o) => o._id === id)!
const HOUR = 3600_000

/** Fixtures beside the seed: what the filters must find and what they must leave out. */
const week = chinaWeek(now)
function fixture(id: string, over: Partial<LectureDoc>): LectureDoc {
  const host = orgOf(over.hostOrgId ?? 'br-jiyang-qd')
  const start = new Date(now.getTime() + 10 * 24 * HOUR)
  const values = {
    title: '测试党课',
    theme: 'standard' as const,
    summary: '',
    lecturer: { name: '测试人' },
    speakerRole: 'member' as const,
    hostOrgId: host._id,
    coHostOrgIds: [],
    openToAll: false,
    venue: { address: '测试地点', radiusM: 200, stops: [] },
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + HOUR).toISOString(),
    signupDeadline: start.toISOString(),
    capacity: 30,
    approvalRequired: false,
    cancelPolicy: 'untilDeadline' as const,
    checkinLevel: 'L1' as const,
    signupRequired: true,
  }
  return { _id: id, ...newLecture(lectureFields(values, host), 'm-0108', now), status: 'published', ...over }
}
const fixtures: LectureDoc[] = [
  // in this China week and not ended (it may have started already if the week is nearly over)
  fixture('fx-week', {
    openToAll: true,
    startAt: new Date(Math.max(week.start.getTime(), now.getTime() - HOUR / 2)),
    endAt: new Date(now.getTime() + HOUR),
  }),
  fixture('fx-next-week', { openToAll: true, startAt: new Date(week.end.getTime() + HOUR) }),
  fixture('fx-regex', { openToAll: true, title: '学党章(第1讲).*' }),
  fixture('fx-lecturer', { openToAll: true, lecturer: { name: '欧阳测试' } }),
  fixture('fx-cancelled', { openToAll: true, status: 'cancelled', cancelReason: '天气原因' }),
  fixture('fx-draft', { openToAll: true, status: 'draft' }),
  // co-hosted by demo-m-0001's branch, hosted far away
  fixture('fx-cohost', { coHostOrgIds: ['br-lixia-ssdl-1'] }),
  // hosted at the party committee above demo-m-0001's branch: an ancestor
  fixture('fx-ancestor', { hostOrgId: 'org-lixia-ssdl', hostOrgName: orgOf('org-lixia-ssdl').name }),
  // in the street admin's subtree but not an ancestor of their branch
  fixture('fx-subtree', { hostOrgId: 'br-lixia-ssdl-lt', hostOrgName: orgOf('br-lixia-ssdl-lt').name }),
]

beforeAll(async () => {
  cloud = await startTestCloud()
  await seedDatabase(cloud.db, now)
  await cloud.db.collection('lectures').add(fixtures)
})
afterAll(() => cloud.stop())

const stored = () => cloud.emulator.store.scan('lectures', {}).map((r) => r.doc as unknown as LectureDoc)
const bySchedule = (a: LectureDoc, b: LectureDoc) =>
  a.startAt.getTime() - b.startAt.getTime() || a._id.localeCompare(b._id)
/** What a caller may find in the list: canSeeLecture, and an administrator's subtree. */
const listable = (who: Actor | undefined) => (l: LectureDoc) =>
  l.status === 'published' &&
  l.endAt > new Date() &&
  (who ? canSeeLecture(who, l) || managesLecturesOf(who, hostOf(l)) : l.openToAll)

type Page = { items: { id: string; theme: string; status: string }[]; next?: { startAt: string; id: string } }
async function list(payload: object, context: object = asMember): Promise<Page> {
  const res = await main({ action: 'list', payload }, context)
  if (!res.ok) throw new Error(`${res.code} ${res.explanation ?? ''}`)
  return res.data as Page
}
async function listAll(payload: object, context: object = asMember): Promise<string[]> {
  const seen: string[] = []
  let after: unknown
  for (let guard = 0; guard < 50; guard++) {
    const page = await list({ ...payload, pageSize: 7, after }, context)
    seen.push(...page.items.map((i) => i.id))
    if (!page.next) return seen
    after = page.next
  }
  throw new Error('too many pages')
}
const expected = (who: Actor | undefined, extra: (l: LectureDoc) => boolean = () => true) =>
  stored()
    .filter((l) => listable(who)(l) && extra(l))
    .sort(bySchedule)
    .map((l) => l._id)

it('lists what the member may see, soonest first, in pages', async () => {
  const me = actor('m-0001')
  const first = await list({ pageSize: 5 })
  const all = expected(me)
  expect(first.items.map((i) => i.id)).toEqual(all.slice(0, 5))
  expect(first.next).toEqual({
    startAt: stored()
      .find((l) => l._id === all[4])!
      .startAt.toISOString(),
    id: all[4],
  })
  expect(await listAll({})).toEqual(all)
  // the seed has lectures this member may not see; the rule leaves them out
  const hidden = stored().filter((l) => l.status === 'published' && l.endAt > now && !canSeeLecture(me, l))
  expect(hidden.length).toBeGreaterThan(0)
  expect(all).toEqual(expect.arrayContaining(['fx-cohost', 'fx-ancestor']))
  expect(all).not.toContain('fx-subtree')
})

it('shows someone not signed in (or not bound) only the lectures open to all', async () => {
  const open = expected(undefined)
  expect(open.length).toBeGreaterThan(0)
  expect(await listAll({}, anonymous)).toEqual(open)
  const unbound = seed.members.find((m) => !seed.bindings.some((b) => b.memberId === m._id))!
  expect(await listAll({}, as(unbound._id))).toEqual(open)
})

it('shows an administrator every lecture hosted in their subtree', async () => {
  const streetAdmin = seed.members.find((m) => m.adminOrgId === 'org-lixia-jiefanglu')!
  const ids = await listAll({}, as(streetAdmin._id))
  expect(ids).toEqual(expected(actor(streetAdmin._id)))
  expect(ids).toContain('fx-subtree')
  const districtAdmin = seed.members.find((m) => m.adminOrgId === 'org-lixia')!
  const lixia = await listAll({}, as(districtAdmin._id))
  expect(lixia).toEqual(expected(actor(districtAdmin._id)))
  const lixiaHosted = stored().filter(
    (l) => listable(undefined)({ ...l, openToAll: true }) && l.hostPath.includes('org-lixia'),
  )
  expect(lixia).toEqual(expect.arrayContaining(lixiaHosted.map((l) => l._id)))
})

it('never lists drafts, cancelled or ended lectures', async () => {
  const ids = await listAll({ filter: 'openToAll' })
  expect(ids).not.toContain('fx-cancelled')
  expect(ids).not.toContain('fx-draft')
  const ended = stored().filter((l) => l.endAt <= now)
  expect(ended.length).toBeGreaterThan(0)
  for (const l of ended) expect(ids).not.toContain(l._id)
})

it('filters by theme', async () => {
  const page = await list({ theme: 'village', pageSize: 50 })
  expect(page.items.length).toBeGreaterThan(0)
  expect(page.items.every((i) => i.theme === 'village')).toBe(true)
  expect(page.items.map((i) => i.id)).toEqual(expected(actor('m-0001'), (l) => l.theme === 'village'))
})

it('this week: starts within the current China-time week, Monday to Sunday', async () => {
  const ids = await listAll({ filter: 'thisWeek' })
  expect(ids).toContain('fx-week')
  expect(ids).not.toContain('fx-next-week')
  expect(ids).toEqual(expected(actor('m-0001'), (l) => l.startAt >= week.start && l.startAt < week.end))
})

it('my branch: hosted or co-hosted by the caller’s branch', async () => {
  const ids = await listAll({ filter: 'myBranch' })
  const mine = (l: LectureDoc) => l.hostOrgId === 'br-lixia-ssdl-1' || l.coHostOrgIds.includes('br-lixia-ssdl-1')
  expect(ids).toContain('fx-cohost')
  expect(ids).not.toContain('fx-ancestor')
  expect(ids).toEqual(expected(actor('m-0001'), mine))
  expect(await main({ action: 'list', payload: { filter: 'myBranch' } }, anonymous)).toMatchObject({
    ok: false,
    code: 'NOT_SIGNED_IN',
  })
})

it('open to all', async () => {
  const ids = await listAll({ filter: 'openToAll' })
  expect(ids).toEqual(expected(actor('m-0001'), (l) => l.openToAll))
  expect(ids).not.toContain('fx-cohost')
})

it('searches title or lecturer name as typed, regular-expression characters included', async () => {
  expect((await list({ q: '(第1讲).*' })).items.map((i) => i.id)).toEqual(['fx-regex'])
  expect((await list({ q: '欧阳' })).items.map((i) => i.id)).toEqual(['fx-lecturer'])
  expect((await list({ q: '.*' })).items.map((i) => i.id)).toEqual(['fx-regex'])
  const someone = stored().find((l) => listable(actor('m-0001'))(l) && l.lecturer.name.length >= 2 && !l.openToAll)!
  const found = await list({ q: someone.lecturer.name, pageSize: 50 })
  expect(found.items.map((i) => i.id)).toContain(someone._id)
  expect((await list({ q: '没有这个词' })).items).toEqual([])
})

it('reads a first page in at most two database calls (one for someone not signed in)', async () => {
  for (const payload of [{}, { filter: 'thisWeek', theme: 'standard', q: '党' }, { filter: 'myBranch' }]) {
    cloud.emulator.counters.reset()
    await list(payload)
    expect(cloud.emulator.counters.snapshot().total).toBeLessThanOrEqual(2)
  }
  cloud.emulator.counters.reset()
  await list({}, anonymous)
  expect(cloud.emulator.counters.snapshot().total).toBe(1)
})

it('refuses a bad payload with a Chinese message and an unknown action with its code', async () => {
  const bad = await main({ action: 'list', payload: { pageSize: 500, theme: 'disco' } }, asMember)
  expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '填写的内容有误，请检查后再试' })
  if (!bad.ok) expect(bad.explanation).toMatch(/pageSize|theme/)
  expect(await main({ action: 'drop', payload: {} }, asMember)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  expect(await main(undefined, asMember)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
})
