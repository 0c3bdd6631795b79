/** The demo's ratings: only by members who attended, within the window, with sums a recount agrees with. */
import { buildSeed } from '../../scripts/seed/data'
import { addSums, attended, DEFAULT_RATING_SETTINGS, ratingWindow, sumsOf } from '../../src/shared/ratingRules'

const now = new Date('2026-12-03T12:00:00+08:00')
const seed = buildSeed(now)
const lectureOf = new Map(seed.lectures.map((l) => [l._id, l]))
const recordOf = new Map(seed.checkins.map((c) => [c._id, c]))

describe('seed ratings', () => {
  it('are given by attendees, within the window, once each', () => {
    expect(seed.ratings.length).toBeGreaterThan(0)
    for (const r of seed.ratings) {
      const l = lectureOf.get(r.lectureId)!
      expect(attended(recordOf.get(r._id))).toBe(true)
      const w = ratingWindow(l, DEFAULT_RATING_SETTINGS)
      expect(r.createdAt >= w.opensAt && r.createdAt <= w.closesAt && r.createdAt <= now).toBe(true)
    }
    expect(new Set(seed.ratings.map((r) => r._id)).size).toBe(seed.ratings.length)
  })

  it('leave each lecture with sums and ratedBy equal to a recount; some under 3 ratings, some over', () => {
    for (const l of seed.lectures) {
      const mine = seed.ratings.filter((r) => r.lectureId === l._id)
      expect(l.rating).toEqual(mine.length ? addSums(mine.map(sumsOf)) : undefined)
      expect(l.ratedBy ?? []).toEqual(mine.map((r) => r.memberId))
    }
    const counts = seed.lectures.filter((l) => l.rating).map((l) => l.rating!.count)
    expect(counts.some((n) => n < 3)).toBe(true)
    expect(counts.some((n) => n >= 3)).toBe(true)
  })

  it('leave some attended lectures waiting in their window (the demo’s 待评价)', () => {
    const waiting = seed.checkins.filter((c) => {
      const l = lectureOf.get(c.lectureId)!
      const w = ratingWindow(l, DEFAULT_RATING_SETTINGS)
      return attended(c) && now >= w.opensAt && now <= w.closesAt && !l.ratedBy?.includes(c.memberId)
    })
    expect(waiting.length).toBeGreaterThan(0)
  })
})
