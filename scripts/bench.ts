/**
 * `npm run bench`: numbers, not pass/fail. Runs the local system (functions, emulator, seeded demo
 * city) in this process and drives it over HTTP as the h5 app does.
 *   - database calls per user action (each one is a network round trip in the cloud)
 *   - requests per second and latency under concurrent load
 *   - sign-ups per second with 100 members at once, each signed in as themselves (the local sign-in cookie)
 *   - the cold require of each function bundle (scripts/bench/cold.ts); alone: `npm run bench -- cold`
 *   - the organisation tree: the demo city's Excel imported, a street moved (scripts/bench/tree.ts); alone: `npm run bench -- tree`
 *   - giving a rating (scripts/bench/rating.ts); alone, after the lecture list: `npm run bench -- rating`
 */
import { mkdtempSync, rmSync } from 'fs'
import { cpus, tmpdir } from 'os'
import { join } from 'path'
import tcb from '@cloudbase/node-sdk'
import { EventEmitter } from 'events'
import type { LectureDoc } from '../src/shared/model'
import { checkinBench } from './bench/checkin'
import { coldBench } from './bench/cold'
import { benchOf, load } from './bench/harness'
import { hoursBench } from './bench/hours'
import { ratingBench } from './bench/rating'
import { treeBench } from './bench/tree'
import { startLocalSystem } from './local/system'

// The functions run in this process; the SDK adds a 'connect' listener to its keep-alive socket per request,
// which with 100 requests in flight passes Node's warning threshold (10 per socket).
EventEmitter.defaultMaxListeners = 200

async function main(): Promise<void> {
  const rows: string[][] = []
  const only = process.argv[2]
  if (only !== 'cold') await systemBench(rows, only)
  if (only !== 'tree' && only !== 'rating') {
    console.error('bench: cold require of each function bundle…')
    await coldBench(rows)
  }
  const width = Math.max(...rows.map((r) => r[0].length))
  console.log(`\ndangke benchmark (${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores)`)
  for (const [what, value, target] of rows) console.log(`${what.padEnd(width)}  ${value.padStart(18)}  ${target}`)
}

async function systemBench(rows: string[][], only: string | undefined): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dangke-bench-'))
  const system = await startLocalSystem({ port: 0, dataDir, app: false })
  const { emulator } = system
  const bench = benchOf(emulator, rows)
  const { signIn, callAs, callsOf } = bench
  try {
    if (only === 'tree') {
      console.error('bench: the demo city’s tree imported, a street moved…')
      return await treeBench(bench)
    }
    console.error('bench: lecture list and sign-up…')
    // Database calls per action.
    emulator.counters.reset()
    await callAs(undefined, 'lecture', { action: 'list', payload: { pageSize: 20 } })
    rows.push(['lecture.list first page, visitor: database calls', String(emulator.counters.snapshot().total), '≤ 2'])
    const memberCookie = await signIn(String(emulator.store.scan('bindings', {})[0].id))
    emulator.counters.reset()
    await callAs(memberCookie, 'lecture', { action: 'list', payload: { pageSize: 20 } })
    rows.push(['lecture.list first page, member: database calls', String(emulator.counters.snapshot().total), '≤ 2'])
    // 附近的党课 from 泉城广场: the binding and one aggregate geoNear.
    emulator.counters.reset()
    await callAs(memberCookie, 'lecture', { action: 'nearby', payload: { lat: 36.6617, lng: 117.0168 } })
    rows.push(['lecture.nearby, member: database calls', String(emulator.counters.snapshot().total), '≤ 2'])
    if (only === 'rating') {
      console.error('bench: giving a rating…')
      return await ratingBench(bench)
    }

    // Throughput: the first page of the list, 50 members at once.
    await load(200, 20, () => callAs(undefined, 'lecture', { action: 'list', payload: {} }).then(() => undefined))
    const s = await load(2000, 50, () =>
      callAs(undefined, 'lecture', { action: 'list', payload: {} }).then(() => undefined),
    )
    rows.push(['lecture.list, 50 concurrent: requests/s', (s.requests / s.seconds).toFixed(0), ''])
    rows.push([
      'lecture.list, 50 concurrent: p50 / p95 / max ms',
      `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(1)}`,
      '',
    ])

    // Sign-up: lectures open to all, added for the benchmark; the seeded members, signed in as themselves.
    const db = tcb.init({ env: 'local-dev', serviceUrl: emulator.adminUrl, keepalive: false }).database()
    const [template] = (await db.collection('lectures').where({ status: 'published' }).limit(1).get())
      .data as LectureDoc[]
    const addLecture = async (id: string, capacity: number) => {
      const { _id, ...rest } = template
      void _id
      const doc = {
        ...rest,
        openToAll: true,
        approvalRequired: false,
        capacity,
        signedUp: 0,
        seatsFree: capacity,
        waiting: 0,
        tickets: 0,
      }
      await db.collection('lectures').add({ ...doc, _id: id, signupDeadline: new Date(Date.now() + 86_400_000) })
    }
    const openids = emulator.store.scan('bindings', {}).map((r) => String(r.id))
    const cookies = await bench.signInAll(openids)
    const signUp = (i: number, lectureId: string, expect = true) =>
      callAs(cookies[i], 'signup', { action: 'signUp', payload: { lectureId } }, expect)

    await addLecture('bench-calls', 1)
    rows.push(['signup.signUp, a seat: database calls', String(await callsOf(() => signUp(0, 'bench-calls'))), '≤ 4'])
    rows.push([
      'signup.signUp, onto the waitlist: database calls',
      String(await callsOf(() => signUp(1, 'bench-calls'))),
      '',
    ])
    rows.push([
      'signup.signUp refused (already signed up): database calls',
      String(await callsOf(() => signUp(0, 'bench-calls', false))),
      '',
    ])
    rows.push([
      'signup.cancel, seat passed to the waitlist: database calls',
      String(
        await callsOf(() => callAs(cookies[0], 'signup', { action: 'cancel', payload: { lectureId: 'bench-calls' } })),
      ),
      '',
    ])

    // Throughput: 100 members at once; each signs up for one lecture after another (seats, then the waitlist).
    // A request the server fails (e.g. an SDK timeout under this load) is counted, not fatal.
    const MEMBERS = 100
    const LECTURES = 10
    let failed = 0
    const signUpUnderLoad = (i: number, prefix: string) =>
      signUp(i % MEMBERS, `${prefix}-${Math.floor(i / MEMBERS)}`).then(
        () => undefined,
        () => void failed++,
      )
    for (const prefix of ['bench-warm', 'bench-seats']) {
      for (let k = 0; k < LECTURES; k++) await addLecture(`${prefix}-${k}`, 100_000)
    }
    for (let k = 0; k < LECTURES; k++) await addLecture(`bench-queue-${k}`, 1)
    await load(MEMBERS * LECTURES, MEMBERS, (i) => signUpUnderLoad(i, 'bench-warm'))
    failed = 0
    for (const [kind, prefix] of [
      ['a seat', 'bench-seats'],
      ['the waitlist', 'bench-queue'],
    ]) {
      const t = await load(MEMBERS * LECTURES, MEMBERS, (i) => signUpUnderLoad(i, prefix))
      const what = `signup.signUp (${kind}), ${MEMBERS} concurrent members`
      rows.push([`${what}: sign-ups/s`, (t.requests / t.seconds).toFixed(0), ''])
      rows.push([`${what}: p50 / p95 / max ms`, `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)} / ${t.max.toFixed(1)}`, ''])
    }
    rows.push([`signup.signUp under load: requests failed (of ${2 * MEMBERS * LECTURES})`, String(failed), ''])
    rows.push(['resident memory after sign-ups MB', (process.memoryUsage().rss / 2 ** 20).toFixed(0), ''])

    console.error('bench: check-in…')
    await checkinBench(bench)
    console.error('bench: giving a rating…')
    await ratingBench(bench)
    console.error('bench: the hours page with 1,000,000 ledger entries…')
    await hoursBench(bench)
    console.error('bench: the demo city’s tree imported, a street moved…')
    await treeBench(bench)
  } finally {
    await system.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
