/**
 * ratingStats: averages per lecturer (member or pool profile) and per hosting node over its subtree, each one
 * aggregate over the lectures' sums, through the real SDK. Lectures carry sums as rating.rate leaves them
 * (only the dist keys some rating moved).
 */
import { statsByLecturer, sumsByLecturer, sumsBySubtree } from '../../cloudfunctions/_shared/ratingStats'
import type { LectureDoc, RatingSums } from '../../src/shared/model'
import { averagesOf, sumsIncrements, summarySums, type RatingScores } from '../../src/shared/ratingRules'
import { callsOf, cloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { lectureDoc, ORGS } from './checkin.fixtures'

let cloud: TestCloud

/** Sums as the database holds them after these ratings' increments (sparse dist). */
function stored(ratings: RatingScores[]): RatingSums {
  const s: Record<string, number> = {}
  for (const r of ratings) for (const [k, n] of Object.entries(sumsIncrements(r, ''))) s[k] = (s[k] ?? 0) + n
  const out = { count: s['.count'], sum: {}, dist: {} } as RatingSums
  for (const [k, n] of Object.entries(s)) {
    const [, group, key] = k.split('.')
    if (group === 'sum') (out.sum as Record<string, number>)[key] = n
    if (group === 'dist') (out.dist as Record<string, number>)[key] = n
  }
  return out
}

const r = (overall: number, rest = 4): RatingScores => ({ overall, content: rest, delivery: rest, gain: rest })
const host = (id: string) => ORGS.find((o) => o._id === id)!

const LECTURES: { id: string; host: string; memberId?: string; profileId?: string; ratings: RatingScores[] }[] = [
  { id: 'st-1', host: 'ck-b1', memberId: 'lect', profileId: 'p-1', ratings: [r(5), r(4), r(5)] },
  { id: 'st-2', host: 'ck-b2', memberId: 'lect', profileId: 'p-1', ratings: [r(3, 2)] },
  { id: 'st-3', host: 'ck-s1', profileId: 'p-2', ratings: [r(1), r(2), r(2)] },
  { id: 'st-4', host: 'ck-b3', memberId: 'other', ratings: [r(5, 5)] },
  { id: 'st-5', host: 'ck-b1', memberId: 'lect', ratings: [] }, // not rated: no sums at all
]
/** What a combined summary holds: only lectures rated by 3 or more (st-2's and st-4's lone raters stay hidden). */
const sumsOf = (ids: string[]) => summarySums(LECTURES.filter((l) => ids.includes(l.id)).map((l) => stored(l.ratings)))

cloudForFile(
  (c) => (cloud = c),
  async (c) => {
    const docs: LectureDoc[] = LECTURES.map((l) => {
      const o = host(l.host)
      const doc = lectureDoc(l.id, { hostOrgId: o._id, hostOrgName: o.name, hostPath: o.path })
      doc.lecturer = {
        name: '主讲',
        ...(l.memberId && { memberId: l.memberId }),
        ...(l.profileId && { profileId: l.profileId }),
      }
      if (l.ratings.length) doc.rating = stored(l.ratings)
      return doc
    })
    await c.db.collection('lectures').add(docs)
  },
)

describe('ratingStats', () => {
  it('sums per lecturer member across their lectures, in one call', async () => {
    let got = new Map<string, RatingSums>()
    const calls = await callsOf(
      cloud,
      async () => (got = await sumsByLecturer(cloud.db, 'memberId', ['lect', 'other', 'none'])),
    )
    expect(calls).toBe(1)
    expect(got.get('lect')).toEqual(sumsOf(['st-1', 'st-2']))
    expect(got.get('lect')?.count).toBe(3) // st-2's lone rating is not added in
    expect(got.has('other')).toBe(false) // its only lecture has one rating
    expect(got.has('none')).toBe(false)
    expect(averagesOf(got.get('lect'))?.average.overall).toBe(4.7) // (5+4+5)/3
  })

  it('sums per pool profile', async () => {
    const got = await sumsByLecturer(cloud.db, 'profileId', ['p-1', 'p-2'])
    expect(got.get('p-1')).toEqual(sumsOf(['st-1', 'st-2']))
    expect(got.get('p-2')).toEqual(sumsOf(['st-3']))
  })

  it('sums per node over its subtree, nested nodes asked together, in one call', async () => {
    let got = new Map<string, RatingSums>()
    const ids = ['ck-city', 'ck-d1', 'ck-s1', 'ck-b1', 'ck-d2', 'ck-b2']
    expect(await callsOf(cloud, async () => (got = await sumsBySubtree(cloud.db, ids)))).toBe(1)
    expect(got.get('ck-city')).toEqual(sumsOf(['st-1', 'st-2', 'st-3', 'st-4']))
    expect(got.get('ck-d1')).toEqual(sumsOf(['st-1', 'st-2', 'st-3']))
    expect(got.get('ck-s1')).toEqual(sumsOf(['st-1', 'st-2', 'st-3']))
    expect(got.get('ck-b1')).toEqual(sumsOf(['st-1']))
    expect(got.has('ck-b2')).toBe(false)
    expect(got.has('ck-d2')).toBe(false)
  })

  it('counts every matching lecture, but sums only those rated by 3 (statsByLecturer)', async () => {
    const got = await statsByLecturer(cloud.db, 'memberId', ['lect', 'other'])
    expect(got.get('lect')).toEqual({ given: 3, sums: sumsOf(['st-1']) })
    expect(got.get('other')).toEqual({ given: 1, sums: sumsOf([]) })
  })

  it('asks nothing for no ids', async () => {
    expect(await callsOf(cloud, () => sumsBySubtree(cloud.db, []))).toBe(0)
    expect(await callsOf(cloud, () => sumsByLecturer(cloud.db, 'memberId', []))).toBe(0)
  })
})
