/**
 * Check-in: database calls per scan in each case, then check-ins per second with 200 members scanning at once
 * (the QR text of the screen's current code; sign-up required, so each scan reads the binding, the lecture
 * (cached for 10 s per function instance) and the sign-up, then adds the record and the ledger entry).
 */
import { lectureCode } from '../../cloudfunctions/_shared/checkinCodes'
import type { LectureDoc, SignupDoc } from '../../src/shared/model'
import { arrivals, type Bench, latency, load, rate } from './harness'
import { addBenchMembers } from './people'

const MINUTE = 60_000
const MEMBERS = 1000
const CONCURRENCY = 200

export async function checkinBench(b: Bench): Promise<void> {
  const { emulator, rows } = b
  const template = emulator.store
    .scan('lectures', {})
    .find((r) => (r.doc as unknown as LectureDoc).status === 'published')!.doc as unknown as LectureDoc
  const { memberIds, openids } = addBenchMembers(emulator, 'bc', 1, MEMBERS)
  /** A lecture under way (check-in open), open to all, with every bench member signed up. */
  const addLecture = (id: string, over: Partial<LectureDoc> = {}) => {
    const now = Date.now()
    const lecture: LectureDoc = {
      ...template,
      _id: id,
      openToAll: true,
      startAt: new Date(now - 5 * MINUTE),
      endAt: new Date(now + 85 * MINUTE),
      signupDeadline: new Date(now - 60 * MINUTE),
      capacity: MEMBERS,
      signedUp: MEMBERS,
      seatsFree: 0,
      waiting: 0,
      tickets: MEMBERS,
      checkinLevel: 'L1',
      signupRequired: true,
      status: 'published',
      ...over,
    }
    emulator.store.insertMany('lectures', [lecture as never])
    const signups: SignupDoc[] = memberIds.map((memberId, i) => ({
      _id: `${id}:${memberId}`,
      lectureId: id,
      memberId,
      memberName: `测试党员${i}`,
      branchId: lecture.hostOrgId,
      status: 'confirmed',
      ticket: i + 1,
      createdAt: lecture.createdAt,
      updatedAt: lecture.createdAt,
    }))
    emulator.store.insertMany('signups', signups as never)
  }
  const cookies = await b.signInAll(openids)
  const venue = { address: '测试会场', lat: 36.66, lng: 117.02, radiusM: 200, stops: [] }
  const here = { lat: venue.lat, lng: venue.lng, accuracy: 15 }
  /** A scan of the code on the secretary's screen now: its QR text (the usual way) or its six digits. */
  const scan = (
    member: number,
    lectureId: string,
    purpose: 'in' | 'out' = 'in',
    location?: typeof here,
    typed = false,
  ) => {
    const code = lectureCode(lectureId, purpose, Date.now())
    const proof = typed ? { typed: code.typed } : { qr: code.qr }
    return b.callAs(cookies[member], 'checkin', { action: 'scan', payload: { lectureId, ...proof, location } })
  }

  addLecture('bench-ci-calls')
  addLecture('bench-ci-open', { signupRequired: false })
  addLecture('bench-ci-l3', { checkinLevel: 'L3', venue })
  const calls = (what: string, n: number, target = '') =>
    rows.push([`checkin.scan, ${what}: database calls`, String(n), target])
  calls('first of a lecture (instance cache cold), sign-up required', await b.callsOf(() => scan(0, 'bench-ci-calls')))
  calls('sign-up required', await b.callsOf(() => scan(1, 'bench-ci-calls')), '≤ 4')
  calls('first of a lecture, no sign-up required', await b.callsOf(() => scan(2, 'bench-ci-open')))
  calls('no sign-up required', await b.callsOf(() => scan(4, 'bench-ci-open')), '≤ 4')
  calls('typed digits, sign-up required', await b.callsOf(() => scan(5, 'bench-ci-calls', 'in', undefined, true)))
  calls('repeated (already checked in)', await b.callsOf(() => scan(1, 'bench-ci-calls')), '')
  calls('L3 check-in with location', await b.callsOf(() => scan(3, 'bench-ci-l3', 'in', here)), '≤ 4')
  calls('L3 check-out', await b.callsOf(() => scan(3, 'bench-ci-l3', 'out', here)), '≤ 4')

  // Throughput: 200 members at once, each scanning one lecture after another.
  const LECTURES = 4
  const RATES = [100, 150, 250, 300]
  const ALL = 1 + LECTURES + RATES.length
  for (let k = 0; k < ALL; k++) addLecture(`bench-ci-load-${k}`)
  let failed = 0
  const scanUnderLoad = (i: number, prefix: number) =>
    scan(i % MEMBERS, `bench-ci-load-${prefix + Math.floor(i / MEMBERS)}`).then(
      () => undefined,
      () => void failed++,
    )
  await load(MEMBERS, CONCURRENCY, (i) => scanUnderLoad(i, 0)) // warm-up lecture
  failed = 0
  const s = await load(MEMBERS * LECTURES, CONCURRENCY, (i) => scanUnderLoad(i, 1))
  const what = `checkin.scan, ${CONCURRENCY} concurrent members`
  rows.push([`${what}: check-ins/s`, rate(s), '≥ 300'])
  rows.push([`${what}: p50 / p95 / max ms`, latency(s), 'p95 ≤ 150'])
  rows.push([`${what}: requests failed (of ${s.requests})`, String(failed), '0'])

  // Open loop: members arriving at a steady rate (a hall filling up), each of the 1,000 once per lecture.
  for (const [n, perSecond] of RATES.entries()) {
    const k = 1 + LECTURES + n
    failed = 0
    const o = await arrivals(MEMBERS, perSecond, (i) => scanUnderLoad(i, k))
    const arriving = `checkin.scan, ${perSecond} members arriving per second`
    rows.push([`${arriving}: p50 / p95 / max ms`, latency(o), ''])
    rows.push([`${arriving}: requests failed (of ${o.requests})`, String(failed), '0'])
  }
  const records = emulator.store.scan('checkins', {}).filter((r) => String(r.id).startsWith('bench-ci-load-')).length
  const credits = emulator.store.scan('ledger', {}).filter((r) => String(r.id).startsWith('att:bench-ci-load-')).length
  rows.push([`${what}: records / ledger entries written (of ${MEMBERS * ALL})`, `${records} / ${credits}`, ''])
}
