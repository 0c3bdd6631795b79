/**
 * The hours page with 1,000,000 ledger entries: 30,000 members with about 33 entries each over three years,
 * written straight into the emulator's store; 200 of them bound and signed in. Database calls of
 * `hours.mine`, its latency one at a time and 20 at once, and the process's memory at that size.
 */
import type { HourBucket, HourSource, LedgerEntryDoc } from '../../src/shared/model'
import { hoursYear } from '../../src/shared/studyHours'
import { type Bench, latency, load, rate } from './harness'
import { addBenchMembers } from './people'

const ENTRIES = 1_000_000
const OWNERS = 30_000
const SIGNED_IN = 200
const BUCKETS: HourBucket[] = ['collective', 'collective', 'training', 'lecturing', 'online']
const SOURCES: Record<HourBucket, HourSource> = {
  collective: 'attendance',
  training: 'attendance',
  lecturing: 'lecturing',
  online: 'adjustment',
}

export async function hoursBench(b: Bench): Promise<void> {
  const { emulator, rows } = b
  const { memberIds, openids } = addBenchMembers(emulator, 'bh', 2, OWNERS, SIGNED_IN)
  const year = hoursYear(new Date())
  const t0 = performance.now()
  let written = 0
  const CHUNK = 50_000
  for (let start = 0; start < ENTRIES; start += CHUNK) {
    const docs: LedgerEntryDoc[] = []
    for (let i = start; i < Math.min(ENTRIES, start + CHUNK); i++) {
      const bucket = BUCKETS[i % BUCKETS.length]
      const y = year - (Math.floor(i / OWNERS) % 3)
      docs.push({
        _id: `bench-h-${i}`,
        memberId: memberIds[i % OWNERS],
        year: y,
        hours: 1.5,
        bucket,
        source: SOURCES[bucket],
        title: `测试党课 ${i}`,
        lectureId: `bench-lecture-${i % 5000}`,
        at: new Date(Date.UTC(y, i % 12, 1 + (i % 27), 2)),
      })
    }
    written += emulator.store.insertMany('ledger', docs as never).length
  }
  const seconds = ((performance.now() - t0) / 1000).toFixed(0)
  rows.push([`ledger entries added to the emulator (in ${seconds} s, in bulk)`, String(written), ''])

  const cookies = await b.signInAll(openids.slice(0, SIGNED_IN))
  const mine = (i: number) => b.callAs(cookies[i % SIGNED_IN], 'hours', { action: 'mine', payload: {} })
  await mine(0) // the function instance reads the targets once a minute
  rows.push(['hours.mine with 1,000,000 entries: database calls', String(await b.callsOf(() => mine(1))), '≤ 2'])
  const one = await load(SIGNED_IN, 1, (i) => mine(i).then(() => undefined))
  rows.push(['hours.mine, one at a time: p50 / p95 / max ms', latency(one), 'p95 ≤ 50'])
  const many = await load(2000, 20, (i) => mine(i).then(() => undefined))
  rows.push(['hours.mine, 20 concurrent: requests/s', rate(many), ''])
  rows.push(['hours.mine, 20 concurrent: p50 / p95 / max ms', latency(many), ''])
  const mem = process.memoryUsage()
  rows.push([
    'memory with 1,000,000 ledger entries: resident / JS heap MB',
    `${(mem.rss / 2 ** 20).toFixed(0)} / ${(mem.heapUsed / 2 ** 20).toFixed(0)}`,
    '',
  ])
}
