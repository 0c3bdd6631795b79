import { lectureInput } from '../../src/shared/contract'
import { chinaTime } from '../../src/shared/chinaTime'
import { AppError } from '../../src/shared/errors'
import { lectureToSave } from '../support/lectures'
import {
  assertCancellable,
  assertCapacityFits,
  assertEditable,
  assertScheduleChange,
  assertPublishable,
  chinaWeek,
  duplicateLecture,
  escapeRegExp,
  lectureFields,
  lectureFromProposal,
  managedScopeOf,
  missingOrgsProblem,
  newLecture,
  sameTimeNextWeek,
  speakerRoleOf,
} from '../../src/shared/lectureRules'
import type { LectureDoc } from '../../src/shared/model'

const HOUR = 3600_000
/** Thursday 2026-11-26 10:00 in Jinan. */
const NOW = new Date('2026-11-26T02:00:00Z')
const host = { _id: 'br-a', name: '甲社区党支部', path: ['org-city', 'org-district', 'org-street'] }

/** The refusal a rule throws, as code and explanation. */
function refusal(f: () => void): { code: string; explanation?: string } | undefined {
  try {
    f()
    return undefined
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    return { code: err.code, explanation: err.explanation }
  }
}

const form = (over: Record<string, unknown> = {}) =>
  lectureInput.parse(
    lectureToSave({
      startAt: '2026-12-01T06:30:00Z',
      endAt: '2026-12-01T08:00:00Z',
      signupDeadline: '2026-12-01T04:30:00Z',
      ...over,
    }),
  )

const stored = (over: Partial<LectureDoc> = {}): LectureDoc => ({
  _id: 'lec-1',
  ...newLecture(lectureFields(form(), host), 'm-1', new Date(NOW.getTime() - 48 * HOUR)),
  ...over,
})

describe('lectureFields', () => {
  it('copies the host name and ancestors and stores dates as dates', () => {
    const f = lectureFields(form(), host)
    expect(f).toMatchObject({ hostOrgId: 'br-a', hostOrgName: '甲社区党支部', hostPath: host.path })
    expect(f.startAt).toEqual(new Date('2026-12-01T06:30:00Z'))
    expect(f.signupDeadline).toBeInstanceOf(Date)
    expect(f.venue).toEqual({ address: '甲社区党群服务中心', radiusM: 200, stops: [] })
  })

  it('defaults the credit from the duration, collective bucket; keeps a stated one', () => {
    expect(lectureFields(form(), host).credit).toEqual({ hours: 1.5, bucket: 'collective' })
    expect(lectureFields(form({ theme: 'micro' }), host).credit).toEqual({ hours: 0.5, bucket: 'collective' })
    const stated = form({ credit: { hours: 2, bucket: 'training' } })
    expect(lectureFields(stated, host).credit).toEqual({ hours: 2, bucket: 'training' })
  })

  it('stores no empty optional fields', () => {
    const f = lectureFields(form(), host)
    expect(Object.keys(f.lecturer)).toEqual(['name'])
    expect('coverFileId' in f).toBe(false)
    const cover = 'cloud://x.bucket/covers/00112233445566778899aabbccddeeff.jpg'
    expect(lectureFields(form({ coverFileId: cover }), host).coverFileId).toBe(cover)
  })
})

it('a new lecture is a draft with no sign-ups and every seat free, stamped with who posted it', () => {
  const doc = newLecture(lectureFields(form(), host), 'm-7', NOW)
  expect(doc).toMatchObject({ status: 'draft', signedUp: 0, waiting: 0, tickets: 0, createdBy: 'm-7' })
  expect(doc.seatsFree).toBe(doc.capacity)
  expect(doc.createdAt).toEqual(NOW)
  expect(doc.updatedAt).toEqual(NOW)
})

it('names the co-hosts that are not organisations', () => {
  expect(missingOrgsProblem(['a', 'b'], ['a', 'b', 'c'])).toBeUndefined()
  expect(missingOrgsProblem(['a', 'x', 'y'], ['a'])).toBe('联办单位不存在：x、y')
})

describe('editing', () => {
  it('allows drafts and published lectures, not cancelled or finished ones', () => {
    expect(refusal(() => assertEditable('draft'))).toBeUndefined()
    expect(refusal(() => assertEditable('published'))).toBeUndefined()
    expect(refusal(() => assertEditable('cancelled'))?.code).toBe('INVALID_STATE')
    expect(refusal(() => assertEditable('finished'))?.code).toBe('INVALID_STATE')
  })

  it('never lowers the capacity below the seats taken, and says so in Chinese', () => {
    expect(refusal(() => assertCapacityFits(30, 30))).toBeUndefined()
    expect(refusal(() => assertCapacityFits(29, 30))).toEqual({
      code: 'INVALID_INPUT',
      explanation: '人数上限不能少于已报名的30人',
    })
  })
})

describe('changing a published lecture’s schedule', () => {
  // Stored: 2026-12-01 14:30–16:00 China time; check-in opens at 14:00. NOW is five days before.
  const published = stored({ status: 'published' })
  const moved = (hoursBy: number, over: Partial<LectureDoc> = {}) => ({
    ...published,
    startAt: new Date(published.startAt.getTime() + hoursBy * HOUR),
    endAt: new Date(published.endAt.getTime() + hoursBy * HOUR),
    ...over,
  })
  const opened = new Date(published.startAt.getTime() - 30 * 60_000)

  it('moves a lecture whose check-in has not opened to a later time, or an earlier one still to come', () => {
    expect(refusal(() => assertScheduleChange(published, moved(24), NOW))).toBeUndefined()
    expect(refusal(() => assertScheduleChange(published, moved(-24 * 4), NOW))).toBeUndefined()
  })

  it('refuses dates moved into the past (a lecture "held" last year that never happened)', () => {
    const lastYear = moved(-365 * 24)
    expect(refusal(() => assertScheduleChange(published, lastYear, NOW))).toEqual({
      code: 'INVALID_INPUT',
      explanation: '已发布的党课，开始时间不能改到现在以前',
    })
    // to this very minute, too
    const toNow = { ...published, startAt: NOW, endAt: new Date(NOW.getTime() + HOUR) }
    expect(refusal(() => assertScheduleChange(published, toNow, NOW))?.code).toBe('INVALID_INPUT')
  })

  it('refuses any change of times, hours or check-in level once check-in opened; other fields stay free', () => {
    const locked = {
      code: 'INVALID_STATE',
      explanation: '签到已经开始，党课的时间、学时、签到方式、主讲人和开放范围不能再修改',
    }
    expect(refusal(() => assertScheduleChange(published, moved(24), opened))).toEqual(locked)
    const hours = { ...published, credit: { hours: 8, bucket: 'collective' as const } }
    expect(refusal(() => assertScheduleChange(published, hours, opened))).toEqual(locked)
    expect(refusal(() => assertScheduleChange(published, { ...published, checkinLevel: 'L0' }, opened))).toEqual(locked)
    const endLater = { ...published, endAt: new Date(published.endAt.getTime() + HOUR) }
    expect(refusal(() => assertScheduleChange(published, endLater, opened))).toEqual(locked)
    // nor who lectures, nor who may attend (whom a secretary may then check in by hand)
    const lecturer = { ...published, lecturer: { ...published.lecturer, memberId: 'someone-else' } }
    expect(refusal(() => assertScheduleChange(published, lecturer, opened))).toEqual(locked)
    expect(refusal(() => assertScheduleChange(published, { ...published, openToAll: true }, opened))).toEqual(locked)
    const coHosted = { ...published, coHostOrgIds: [...published.coHostOrgIds, 'another-branch'] }
    expect(refusal(() => assertScheduleChange(published, coHosted, opened))).toEqual(locked)
    const bucket = { ...published, credit: { ...published.credit, bucket: 'training' as const } }
    expect(refusal(() => assertScheduleChange(published, bucket, opened))).toEqual(locked)
    const retitled: LectureDoc = { ...published, title: '新标题' }
    expect(refusal(() => assertScheduleChange(published, retitled, opened))).toBeUndefined()
    // one millisecond before it opens, the time may still move
    const justBefore = new Date(opened.getTime() - 1)
    expect(refusal(() => assertScheduleChange(published, moved(24), justBefore))).toBeUndefined()
  })

  it('leaves a draft free (publishing checks its times)', () => {
    const draft = stored()
    expect(refusal(() => assertScheduleChange(draft, moved(-365 * 24), opened))).toBeUndefined()
  })
})

describe('publishing', () => {
  it('publishes a draft that starts in the future', () => {
    expect(refusal(() => assertPublishable(stored(), NOW))).toBeUndefined()
  })

  it.each([
    ['not a draft', { status: 'published' as const }, '只有草稿可以发布'],
    ['already started', { startAt: new Date(NOW.getTime() - HOUR) }, '开始时间已过，请修改时间后再发布'],
    ['deadline passed', { signupDeadline: new Date(NOW.getTime() - HOUR) }, '报名截止时间已过，请修改后再发布'],
    ['walking without stops', { theme: 'walking' as const }, '行走党课至少要有两个站点，请编辑后再发布'],
  ])('refuses a lecture %s', (_what, over, explanation) => {
    expect(refusal(() => assertPublishable(stored(over), NOW))).toEqual({ code: 'INVALID_STATE', explanation })
  })
})

it('cancels a published lecture until it ends', () => {
  expect(refusal(() => assertCancellable(stored({ status: 'published' }), NOW))).toBeUndefined()
  expect(refusal(() => assertCancellable(stored({ status: 'draft' }), NOW))?.code).toBe('INVALID_STATE')
  expect(refusal(() => assertCancellable(stored({ status: 'cancelled' }), NOW))?.code).toBe('INVALID_STATE')
  const ended = stored({ status: 'published', endAt: new Date(NOW.getTime() - 1) })
  expect(refusal(() => assertCancellable(ended, NOW))?.explanation).toBe('党课已经结束，不能取消')
})

it('sorts a lecture into drafts, upcoming or past', () => {
  const later = new Date(NOW.getTime() + HOUR)
  const earlier = new Date(NOW.getTime() - HOUR)
  expect(managedScopeOf({ status: 'draft', endAt: earlier }, NOW)).toBe('drafts')
  expect(managedScopeOf({ status: 'published', endAt: later }, NOW)).toBe('upcoming')
  expect(managedScopeOf({ status: 'published', endAt: earlier }, NOW)).toBe('past')
  expect(managedScopeOf({ status: 'cancelled', endAt: later }, NOW)).toBe('past')
  expect(managedScopeOf({ status: 'finished', endAt: earlier }, NOW)).toBe('past')
})

describe('China time', () => {
  it('a week runs from Monday 00:00 to the next Monday 00:00 in Jinan', () => {
    expect(chinaWeek(NOW)).toEqual({
      start: new Date('2026-11-22T16:00:00Z'), // Monday 23 November 00:00 in Jinan
      end: new Date('2026-11-29T16:00:00Z'),
    })
    // Sunday 23:59 in Jinan is still that week; Monday 00:00 starts the next.
    expect(chinaWeek(new Date('2026-11-29T15:59:00Z')).start).toEqual(new Date('2026-11-22T16:00:00Z'))
    expect(chinaWeek(new Date('2026-11-29T16:00:00Z')).start).toEqual(new Date('2026-11-29T16:00:00Z'))
  })

  it('places a time of day on a China date', () => {
    expect(chinaTime(NOW, 7, 14, 30)).toEqual(new Date('2026-12-03T06:30:00Z'))
    // 23:30 UTC is already the next day in Jinan
    expect(chinaTime(new Date('2026-11-26T23:30:00Z'), 0, 9, 0)).toEqual(new Date('2026-11-27T01:00:00Z'))
  })

  it('moves a date to the same weekday and time of next week', () => {
    const tuesday = new Date('2026-10-13T06:30:00Z') // Tuesday 14:30 in Jinan, weeks ago
    expect(sameTimeNextWeek(tuesday, NOW)).toEqual(new Date('2026-12-01T06:30:00Z'))
    const sundayEvening = new Date('2026-11-01T11:00:00Z') // Sunday 19:00 in Jinan
    expect(sameTimeNextWeek(sundayEvening, NOW)).toEqual(new Date('2026-12-06T11:00:00Z'))
    const mondayEarly = new Date('2026-11-15T17:00:00Z') // Monday 01:00 in Jinan (Sunday in UTC)
    expect(sameTimeNextWeek(mondayEarly, NOW)).toEqual(new Date('2026-11-29T17:00:00Z')) // Monday 30th 01:00
  })
})

describe('duplicateLecture', () => {
  const past = stored({
    _id: 'lec-old',
    status: 'finished',
    startAt: new Date('2026-10-13T06:30:00Z'),
    endAt: new Date('2026-10-13T08:00:00Z'),
    signupDeadline: new Date('2026-10-13T04:30:00Z'),
    signedUp: 12,
    seatsFree: 0,
    waiting: 3,
    tickets: 20,
    cancelReason: '天气原因',
    coverFileId: 'cloud://x/covers/0123456789abcdef0123456789abcdef.jpg',
  })

  it('makes a draft with the same content, counters reset, past dates moved to next week', () => {
    const copy = duplicateLecture(past, 'm-9', NOW)
    expect(copy).toMatchObject({ title: past.title, status: 'draft', signedUp: 0, waiting: 0, tickets: 0 })
    expect(copy.seatsFree).toBe(past.capacity)
    expect(copy).toMatchObject({
      createdBy: 'm-9',
      createdAt: NOW,
      coverFileId: 'cloud://x/covers/0123456789abcdef0123456789abcdef.jpg',
    })
    expect('cancelReason' in copy).toBe(false)
    // a cover saved before covers were checked (any stored file, e.g. an export) is not carried over
    const exported = { ...past, coverFileId: 'cloud://x/exports/0123456789abcdef0123456789abcdef/名单.xlsx' }
    expect('coverFileId' in duplicateLecture(exported, 'm-9', NOW)).toBe(false)
    expect('_id' in copy).toBe(false)
    expect(copy.startAt).toEqual(new Date('2026-12-01T06:30:00Z'))
    expect(copy.endAt).toEqual(new Date('2026-12-01T08:00:00Z'))
    expect(copy.signupDeadline).toEqual(new Date('2026-12-01T04:30:00Z'))
    expect(copy.venue).toEqual(past.venue)
    expect(copy.venue).not.toBe(past.venue)
  })

  it('keeps the dates of a lecture that has not started', () => {
    const future = stored({ startAt: new Date(NOW.getTime() + 48 * HOUR), endAt: new Date(NOW.getTime() + 49 * HOUR) })
    const copy = duplicateLecture(future, 'm-9', NOW)
    expect(copy.startAt).toEqual(future.startAt)
    expect(copy.endAt).toEqual(future.endAt)
  })
})

it('takes the speaker role from the highest office', () => {
  expect(speakerRoleOf(['member', 'secretary'])).toBe('secretary')
  expect(speakerRoleOf(['member', 'committee', 'admin'])).toBe('committee')
  expect(speakerRoleOf(['member', 'admin', 'judge'])).toBe('member')
})

it('an accepted proposal becomes a draft at the member’s branch, a week from now 14:30-15:30', () => {
  const proposal = {
    memberId: 'm-5',
    memberName: '李秀英',
    theme: 'village' as const,
    title: '村史',
    outline: '讲村史。',
  }
  const doc = lectureFromProposal(proposal, host, ['member', 'committee'], 'm-1', NOW)
  expect(doc).toMatchObject({
    title: '村史',
    theme: 'village',
    summary: '讲村史。',
    lecturer: { name: '李秀英', memberId: 'm-5' },
    speakerRole: 'committee',
    hostOrgId: 'br-a',
    hostOrgName: '甲社区党支部',
    hostPath: host.path,
    status: 'draft',
    createdBy: 'm-1',
    seatsFree: 30,
    credit: { hours: 1, bucket: 'collective' },
  })
  expect(doc.startAt).toEqual(new Date('2026-12-03T06:30:00Z'))
  expect(doc.endAt).toEqual(new Date('2026-12-03T07:30:00Z'))
  expect(doc.signupDeadline < doc.startAt).toBe(true)
})

it('escapes what a person types so that it matches literally', () => {
  for (const text of ['a.b', '(党课)', '[1]+?', '^$|\\', '100%*', 'a/b-c{2}']) {
    const re = new RegExp(escapeRegExp(text))
    expect(re.test(`前${text}后`)).toBe(true)
    expect(re.test(text.replace(/./g, 'x'))).toBe(false)
  }
  expect(new RegExp(escapeRegExp('a.b')).test('axb')).toBe(false)
})
