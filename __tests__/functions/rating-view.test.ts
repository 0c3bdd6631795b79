/**
 * rating.ofLecture and rating.given through the real SDK against the local CloudBase: the lecturer and the host's
 * secretary see averages and comments without names, a district administrator above sees names, a street
 * administrator above does not, an unrelated member is refused; under 3 ratings no averages and (without names)
 * no comments. Database calls counted.
 */
import type { GivenLectures, LectureRatings } from '../../src/shared/contract'
import type { LedgerEntryDoc } from '../../src/shared/model'
import { hoursYear } from '../../src/shared/studyHours'
import type { TestCloud } from '../support/emulator'
import {
  ADMIN_ABOVE,
  ADMIN_ELSEWHERE,
  callsOf,
  checkinCloudForFile,
  LECTURER,
  memberIdOf,
  OTHER_SECRETARY,
  OUTSIDER,
  SECRETARY,
} from './checkin.fixtures'
import { ADMIN_CITY, ADMIN_DISTRICT, addNamedAdmins, call, endedLecture, ok, rateAs } from './rating-view.fixtures'

let cloud: TestCloud
const members = checkinCloudForFile('rv', 40, (c) => (cloud = c), 120_000)
const take = (k: number) => members.splice(0, k)
beforeAll(() => addNamedAdmins(cloud))

const view = (lectureId: string, openid: string, offset = 0) =>
  ok<LectureRatings>('ofLecture', { lectureId, offset }, openid)
const everything = () => JSON.stringify(['ratings', 'lectures'].map((c) => cloud.emulator.store.scan(c, {} as never)))

describe('rating.ofLecture', () => {
  let lectureId: string
  let names: string[]
  beforeAll(async () => {
    const l = await endedLecture(cloud)
    lectureId = l._id
    const raters = take(3)
    names = raters.map((o) => `党员rv${Number(o.split('-').pop())}`)
    await rateAs(cloud, l, raters, ['讲得好', '', '很有收获'])
  })

  it.each([
    ['the lecturer', LECTURER],
    ['the host branch secretary', SECRETARY],
    ['the street administrator above', ADMIN_ABOVE],
  ])('%s sees averages, distribution and comments, no names', async (_who, openid) => {
    const v = await view(lectureId, openid)
    expect(v).toMatchObject({ sight: 'anonymous', count: 3, commentsShown: true })
    expect(v.averages).toMatchObject({ count: 3, average: { overall: 2, content: 4, delivery: 3, gain: 5 } })
    expect(v.averages!.dist).toEqual({ '1': 1, '2': 1, '3': 1, '4': 0, '5': 0 })
    expect(v.comments.map((c) => c.comment)).toEqual(['很有收获', '讲得好']) // newest first, empty ones left out
    expect(JSON.stringify(v)).not.toMatch(/党员rv|rv-0/) // neither a name nor a member id
    // Only the China calendar day: a time of day could tell who wrote it (the one who left first).
    for (const c of v.comments) expect(c.at).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it.each([
    ['the district administrator above', ADMIN_DISTRICT],
    ['the city administrator', ADMIN_CITY],
  ])('%s sees the names', async (_who, openid) => {
    const v = await view(lectureId, openid)
    expect(v.sight).toBe('named')
    expect(v.comments.map((c) => c.memberName)).toEqual([names[2], names[0]])
    for (const c of v.comments) expect(new Date(c.at).toISOString()).toBe(c.at) // with names, the full time
  })

  it.each([
    ['a member of the host who did not lecture', () => take(1)[0]],
    ['a secretary of another branch', () => OTHER_SECRETARY],
    ['a member elsewhere', () => OUTSIDER],
    ['the administrator of another district', () => ADMIN_ELSEWHERE],
  ])('%s is refused, nothing written', async (_who, who) => {
    const openid = who()
    const before = everything()
    expect(await call('ofLecture', { lectureId }, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(everything()).toBe(before)
  })

  it('refuses the anonymous and unbound, and an unknown lecture', async () => {
    expect(await call('ofLecture', { lectureId })).toMatchObject({ code: 'NOT_SIGNED_IN' })
    expect(await call('ofLecture', { lectureId }, 'wx-nobody')).toMatchObject({ code: 'NOT_A_MEMBER' })
    expect(await call('ofLecture', { lectureId: 'nope' }, LECTURER)).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('costs 2 database calls with comments, 1 without', async () => {
    expect(await callsOf(cloud, () => view(lectureId, LECTURER))).toBe(2)
    const empty = await endedLecture(cloud)
    expect(await callsOf(cloud, () => view(empty._id, LECTURER))).toBe(1)
  })

  it('under 3 ratings: no averages; comments only for those who see names', async () => {
    const l = await endedLecture(cloud)
    await rateAs(cloud, l, take(2), ['只有两个人', '第二条'])
    const lecturer = await view(l._id, LECTURER)
    expect(lecturer).toMatchObject({ count: 2, commentsShown: false, comments: [] })
    expect(lecturer.averages).toBeUndefined()
    const district = await view(l._id, ADMIN_DISTRICT)
    expect(district.averages).toBeUndefined()
    expect(district.comments.map((c) => c.comment)).toEqual(['第二条', '只有两个人'])
  })

  it('pages comments 20 at a time', async () => {
    const l = await endedLecture(cloud)
    await rateAs(
      cloud,
      l,
      take(23),
      Array.from({ length: 23 }, (_, i) => `留言${i + 1}`),
    )
    const first = await view(l._id, LECTURER)
    expect(first.comments).toHaveLength(20)
    expect(first.comments[0].comment).toBe('留言23')
    expect(first.next).toBe(20)
    const second = await view(l._id, LECTURER, first.next)
    expect(second.comments.map((c) => c.comment)).toEqual(['留言3', '留言2', '留言1'])
    expect(second.next).toBeUndefined()
  })
})

describe('rating.given (我讲的党课)', () => {
  it('lists the lecturer’s lectures past and upcoming, credited hours, the summary and recent comments without names', async () => {
    const year = hoursYear(new Date())
    const upcoming = await endedLecture(cloud, {
      title: '还没讲的党课',
      startAt: new Date(Date.now() + 3600_000),
      endAt: new Date(Date.now() + 7200_000),
    })
    const draft = await endedLecture(cloud, { title: '草稿', status: 'draft' })
    const credited: LedgerEntryDoc = {
      _id: `lect:rv-1:${memberIdOf(LECTURER)}`,
      memberId: memberIdOf(LECTURER),
      year,
      hours: 1.5,
      bucket: 'lecturing',
      source: 'lecturing',
      title: '评价查看 1',
      lectureId: 'rv-1',
      at: new Date(),
    }
    await cloud.db.collection('ledger').add(credited)
    const g = await ok<GivenLectures>('given', {}, LECTURER)
    expect(g.upcoming.map((r) => r.lecture.id)).toEqual([upcoming._id])
    const pastIds = g.past.map((r) => r.lecture.id)
    expect(pastIds).toEqual(expect.arrayContaining(['rv-1', 'rv-2', 'rv-3', 'rv-4']))
    expect(pastIds).not.toContain(draft._id)
    expect(g.past.find((r) => r.lecture.id === 'rv-1')).toMatchObject({ credited: 1.5, count: 3 })
    expect(g.past.find((r) => r.lecture.id === 'rv-3')).toMatchObject({ count: 2, credited: 0 })
    expect(g.past.find((r) => r.lecture.id === 'rv-3')?.averages).toBeUndefined()
    expect(g.hours).toEqual({ year, thisYear: 1.5, total: 1.5 })
    // rv-3's two ratings are not added in: subtracting the shown lectures would give them away.
    expect(g.summary.count).toBe(3 + 23)
    expect(g.summary.averages?.count).toBe(26)
    // rv-1 … rv-4 as the ofLecture tests above made them. The newest comments, of lectures rated by at least 3 (not 只有两个人), without names.
    expect(g.comments).toHaveLength(10)
    expect(g.comments.map((c) => c.comment)).not.toContain('第二条')
    expect(g.comments[0]).toMatchObject({ comment: '留言23', lectureTitle: '评价查看 4' })
    expect(g.comments.some((c) => 'memberName' in c)).toBe(false)
    expect(g.comments.every((c) => /^\d{4}-\d{2}-\d{2}$/.test(c.at))).toBe(true)
  })

  it('is empty for a member who lectures nothing, and costs 4 calls', async () => {
    const g = await ok<GivenLectures>('given', {}, OUTSIDER)
    expect(g).toMatchObject({ upcoming: [], past: [], summary: { count: 0 }, comments: [] })
    expect(await callsOf(cloud, () => ok('given', {}, LECTURER))).toBe(4)
    expect(await callsOf(cloud, () => ok('given', {}, OUTSIDER))).toBe(3)
  })
})
