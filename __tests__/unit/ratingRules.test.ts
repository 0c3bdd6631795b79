/** The rules of giving a rating: eligibility, the window and its setting, the input's limits, the sums. */
import type { CheckinDoc } from '../../src/shared/model'
import {
  addSums,
  attended,
  averagesOf,
  commentLength,
  countsInSummary,
  emptySums,
  rateRefusal,
  ratingId,
  ratingSettingsOf,
  ratingWindow,
  sameRating,
  sumsIncrements,
  sumsOf,
  summarySums,
} from '../../src/shared/ratingRules'
import { ratingInput } from '../../src/shared/contract'

const DAY = 24 * 3600_000
const endAt = new Date('2026-11-20T16:00:00+08:00')
const lecture = { endAt, status: 'published' as const }
const week = { windowDays: 7 }
const at = (ms: number) => new Date(endAt.getTime() + ms)
const record = (status: CheckinDoc['status']) => ({ status })

describe('eligibility: a check-in record that holds credit', () => {
  it.each([
    ['in', true],
    ['out', true],
    ['undone', false],
    ['pending', false],
    ['refused', false],
  ] as const)('%s → %s', (status, ok) => expect(attended(record(status))).toBe(ok))
  it('no record', () => expect(attended(undefined)).toBe(false))
})

describe('rateRefusal', () => {
  it('attendance first, then the window', () => {
    expect(rateRefusal(undefined, lecture, week, at(-DAY))).toBe('NOT_ATTENDED')
    expect(rateRefusal(record('undone'), lecture, week, at(DAY))).toBe('NOT_ATTENDED')
    expect(rateRefusal(record('in'), undefined, week, at(DAY))).toBe('NOT_ATTENDED')
    expect(rateRefusal(record('in'), { ...lecture, status: 'draft' }, week, at(DAY))).toBe('NOT_ATTENDED')
    expect(rateRefusal(record('in'), lecture, week, at(-1))).toBe('RATING_NOT_OPEN')
    expect(rateRefusal(record('in'), lecture, week, at(0))).toBeUndefined()
    expect(rateRefusal(record('out'), lecture, week, at(7 * DAY))).toBeUndefined()
    expect(rateRefusal(record('in'), lecture, week, at(7 * DAY + 1))).toBe('RATING_CLOSED')
  })
})

describe('the window setting', () => {
  it('defaults to 7 days and takes whole days from 1 to 365', () => {
    expect(ratingSettingsOf(undefined)).toEqual({ windowDays: 7 })
    expect(ratingSettingsOf({ windowDays: 14 })).toEqual({ windowDays: 14 })
    for (const bad of [0, -1, 2.5, '10', 366, null])
      expect(ratingSettingsOf({ windowDays: bad })).toEqual({ windowDays: 7 })
  })
  it('runs from the end', () => {
    expect(ratingWindow(lecture, { windowDays: 3 })).toEqual({ opensAt: endAt, closesAt: at(3 * DAY) })
  })
})

describe('the input', () => {
  const good = { lectureId: 'l1', overall: 5, content: 4, delivery: 3, gain: 1, comment: '  很好 ' }
  it('trims the comment, allows none', () => {
    expect(ratingInput.parse(good).comment).toBe('很好')
    expect(ratingInput.parse({ ...good, comment: undefined }).comment).toBe('')
    expect(ratingInput.parse({ ...good, comment: '   ' }).comment).toBe('')
  })
  it.each([
    { overall: 0 },
    { content: 6 },
    { delivery: 2.5 },
    { gain: '4' },
    { overall: undefined },
    { comment: 'x'.repeat(201) },
  ])('refuses %o', (over) => expect(ratingInput.safeParse({ ...good, ...over }).success).toBe(false))
  it('counts characters as people do (an emoji is one), after trimming', () => {
    expect(commentLength('👍好')).toBe(2)
    expect(ratingInput.safeParse({ ...good, comment: '😀'.repeat(200) }).success).toBe(true)
    expect(ratingInput.safeParse({ ...good, comment: ` ${'好'.repeat(200)} ` }).success).toBe(true)
  })
})

describe('the sums', () => {
  const a = { overall: 4, content: 5, delivery: 3, gain: 2 }
  const b = { overall: 1, content: 1, delivery: 2, gain: 5 }
  it('one rating moves count, each criterion, and the overall score in dist', () => {
    expect(sumsIncrements(a)).toEqual({
      'rating.count': 1,
      'rating.sum.overall': 4,
      'rating.sum.content': 5,
      'rating.sum.delivery': 3,
      'rating.sum.gain': 2,
      'rating.dist.4': 1,
    })
  })
  it('applying the increments equals adding the rating', () => {
    const sums = addSums([sumsOf(a)])
    const after = JSON.parse(JSON.stringify(sums))
    for (const [path, n] of Object.entries(sumsIncrements(b))) {
      const keys = path.split('.').slice(1)
      let o = after
      for (const k of keys.slice(0, -1)) o = o[k]
      o[keys.at(-1)!] += n
    }
    expect(after).toEqual(addSums([sumsOf(a), sumsOf(b)]))
    expect(after.count).toBe(2)
  })
  it('a combined summary adds only lectures rated by at least 3, so no lone rater can be subtracted out', () => {
    const lone = sumsOf(b)
    const shown = addSums([sumsOf(a), sumsOf(a), sumsOf(a)])
    expect(countsInSummary(lone)).toBe(false)
    expect(countsInSummary(undefined)).toBe(false)
    expect(countsInSummary(shown)).toBe(true)
    expect(summarySums([lone, shown, undefined])).toEqual(shown)
    expect(summarySums([lone, lone])).toEqual(emptySums())
  })
  it('averages from 3 ratings, tolerating stored sums without untouched dist keys', () => {
    const sparse = { count: 3, sum: { overall: 13, content: 12, delivery: 9, gain: 10 }, dist: { '4': 2, '5': 1 } }
    const avg = averagesOf(sparse as never)!
    expect(avg.average).toEqual({ overall: 4.3, content: 4, delivery: 3, gain: 3.3 })
    expect(avg.dist).toEqual({ '1': 0, '2': 0, '3': 0, '4': 2, '5': 1 })
    expect(averagesOf({ ...emptySums(), count: 2 })).toBeUndefined()
  })
  it('a retry is the same rating; a change of any score or the comment is not', () => {
    const v = { ...a, comment: '好' }
    expect(sameRating(v, { ...v })).toBe(true)
    expect(sameRating(v, { ...v, gain: 3 })).toBe(false)
    expect(sameRating(v, { ...v, comment: '' })).toBe(false)
  })
  it('one rating id per lecture and member', () => expect(ratingId('lec-1', 'm-2')).toBe('lec-1:m-2'))
})
