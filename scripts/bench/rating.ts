/**
 * Giving a rating: 200 bench members who checked in at a lecture that ended an hour ago. Database calls of
 * rating.rate (≤ 3), of a retry and of 待评价; then all 200 at once, and the lecture's sums against a recount;
 * and the lecture list's calls, which the rated lectures must not raise (≤ 2). `npm run bench -- rating` alone.
 */
import type { CheckinDoc, LectureDoc, RatingDoc } from '../../src/shared/model'
import { addSums, sumsOf } from '../../src/shared/ratingRules'
import { type Bench, latency, load, rate } from './harness'
import { addBenchMembers } from './people'

const MEMBERS = 200
const LECTURE_ID = 'bench-rating'

export async function ratingBench(b: Bench): Promise<void> {
  const { emulator, rows } = b
  const { memberIds, openids } = addBenchMembers(emulator, 'br', 3, MEMBERS)
  const branch = emulator.store.scan('bindings', { _id: openids[0] } as never)[0].doc as unknown as { path: string[] }
  const hostOrgId = branch.path.at(-1)!
  const template = emulator.store.scan('lectures', { status: 'finished' } as never)[0].doc as unknown as LectureDoc
  const endAt = new Date(Date.now() - 3600_000)
  const { rating: _r, ratedBy: _b, ...rest } = template
  void _r
  void _b
  const lecture: LectureDoc = {
    ...rest,
    _id: LECTURE_ID,
    hostOrgId,
    hostPath: branch.path.slice(0, -1),
    startAt: new Date(endAt.getTime() - 3600_000),
    endAt,
  }
  emulator.store.insertMany('lectures', [lecture] as never)
  const records: CheckinDoc[] = memberIds.map((memberId) => ({
    _id: `${LECTURE_ID}:${memberId}`,
    lectureId: LECTURE_ID,
    memberId,
    memberName: memberId,
    branchId: hostOrgId,
    status: 'in',
    round: 1,
    checkedInAt: lecture.startAt,
    method: 'qr',
    hours: 1,
    updatedAt: lecture.startAt,
  }))
  emulator.store.insertMany('checkins', records as never)

  const cookies = await b.signInAll(openids)
  const give = (i: number) =>
    b.callAs(cookies[i], 'rating', {
      action: 'rate',
      payload: { lectureId: LECTURE_ID, overall: (i % 5) + 1, content: 4, delivery: 5, gain: ((i * 7) % 5) + 1 },
    })
  const pending = (i: number) => b.callAs(cookies[i], 'rating', { action: 'pending', payload: {} })
  await pending(0) // the instance reads the window setting once a minute
  rows.push(['rating.pending (待评价): database calls', String(await b.callsOf(() => pending(0))), ''])
  rows.push(['rating.rate: database calls', String(await b.callsOf(() => give(0))), '≤ 3'])
  rows.push([
    'rating.rate repeated (a retry, the same answer): database calls',
    String(await b.callsOf(() => give(0))),
    '',
  ])

  const many = await load(MEMBERS - 1, MEMBERS, (i) => give(i + 1).then(() => undefined))
  rows.push([`rating.rate, ${MEMBERS} concurrent members: ratings/s`, rate(many), ''])
  rows.push([`rating.rate, ${MEMBERS} concurrent members: p50 / p95 / max ms`, latency(many), ''])
  const stored = emulator.store
    .scan('ratings', { lectureId: LECTURE_ID } as never)
    .map((r) => r.doc as unknown as RatingDoc)
  const sums = (emulator.store.scan('lectures', { _id: LECTURE_ID } as never)[0].doc as unknown as LectureDoc).rating
  const agrees = JSON.stringify(addSums([sums])) === JSON.stringify(addSums(stored.map(sumsOf)))
  rows.push([
    `rating.rate: ratings stored / sums equal to a recount`,
    `${stored.length} / ${agrees ? 'yes' : 'NO'}`,
    `${MEMBERS} / yes`,
  ])

  emulator.counters.reset()
  await b.callAs(cookies[0], 'lecture', { action: 'list', payload: { pageSize: 20 } })
  rows.push([
    'lecture.list first page after ratings, member: database calls',
    String(emulator.counters.snapshot().total),
    '≤ 2',
  ])
}
