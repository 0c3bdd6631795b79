/**
 * Many scans at once, through the in-process function, the real SDK and the emulator: one member scanning
 * twenty times makes one record and one credit; a thousand members checking in together make a thousand
 * records and a thousand credits, nothing lost.
 */
import { EventEmitter } from 'events'
import type { CheckinResult } from '../../src/shared/contract'
import { TYPED_TRY_LIMIT } from '../../src/shared/checkinRules'
import type { Reply } from '../../src/shared/errors'
import type { TestCloud } from '../support/emulator'
import { addLecture, call, codeOf, memberIdOf, stored, checkinCloudForFile } from './checkin.fixtures'

jest.setTimeout(120_000)
// Calls run 50 at a time: with 100 in flight on a busy 2-core machine some SDK requests met its 15 s timeout.
// The SDK adds a listener to its keep-alive socket per request; with hundreds in flight that passes Node's
// warning threshold of 10.
EventEmitter.defaultMaxListeners = 200

let cloud: TestCloud
const crowd = checkinCloudForFile('cc', 1000, (started) => (cloud = started), 120_000)
const IN_FLIGHT = 50

/** Runs the calls with at most `limit` in flight. */
async function pooled<T>(items: T[], limit: number, run: (item: T) => Promise<Reply<unknown>>) {
  const replies: Reply<unknown>[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++
        replies[i] = await run(items[i])
      }
    }),
  )
  return replies
}

it('one member scanning 20 times at once: one record, one credit, every reply the same time', async () => {
  const l = await addLecture(cloud, 'ck-twenty')
  const m = crowd[0]
  const { qr } = codeOf(l._id)
  const replies = await Promise.all(Array.from({ length: 20 }, () => call('scan', { lectureId: l._id, qr }, m)))
  expect(replies.every((r) => r.ok)).toBe(true)
  const results = replies.map((r) => (r.ok ? (r.data as CheckinResult) : undefined)!)
  expect(results.filter((r) => !r.already)).toHaveLength(1)
  expect(results.filter((r) => r.already)).toHaveLength(19)
  expect(new Set(results.map((r) => r.checkedInAt)).size).toBe(1)
  expect(stored(cloud, 'checkins', { lectureId: l._id })).toHaveLength(1)
  expect(stored(cloud, 'ledger', { lectureId: l._id })).toEqual([
    expect.objectContaining({ _id: `att:${l._id}:${memberIdOf(m)}:1`, hours: 1.5 }),
  ])
})

it(`1,000 members at once (${IN_FLIGHT} in flight): 1,000 records and 1,000 credits`, async () => {
  const l = await addLecture(cloud, 'ck-thousand', { checkinLevel: 'L1' })
  const started = Date.now()
  const replies = await pooled(crowd, IN_FLIGHT, (m) => call('scan', { lectureId: l._id, qr: codeOf(l._id).qr }, m))
  const seconds = (Date.now() - started) / 1000
  console.log(`1,000 check-ins with ${IN_FLIGHT} in flight: ${seconds.toFixed(1)} s (${Math.round(1000 / seconds)}/s)`)
  const refused = replies.filter((r) => !r.ok)
  expect(refused.map((r) => !r.ok && r.code)).toEqual([])
  expect(replies.filter((r) => r.ok && !(r.data as CheckinResult).already)).toHaveLength(1000)
  const records = stored(cloud, 'checkins', { lectureId: l._id })
  expect(new Set(records.map((r) => r.memberId)).size).toBe(1000)
  const ledger = stored(cloud, 'ledger', { lectureId: l._id })
  expect(ledger).toHaveLength(1000)
  expect(ledger.reduce((sum, e) => sum + e.hours, 0)).toBe(1500)
})

it(`30 wrong typed codes at once: at most ${TYPED_TRY_LIMIT} are judged, then even the right code is refused`, async () => {
  const l = await addLecture(cloud, 'ck-burst')
  const m = crowd[1]
  const wrong = codeOf(l._id).typed === '000000' ? '000001' : '000000'
  const replies = await Promise.all(
    Array.from({ length: 30 }, () => call('scan', { lectureId: l._id, typed: wrong }, m)),
  )
  const codes = replies.map((r) => (r.ok ? 'ok' : r.code))
  const judged = stored(cloud, 'checkinAttempts', { memberId: memberIdOf(m) })
  expect(judged.length).toBeGreaterThan(0)
  expect(judged.length).toBeLessThanOrEqual(TYPED_TRY_LIMIT)
  expect(judged.every((a) => a.code === 'CODE_INVALID')).toBe(true)
  expect(codes.filter((c) => c === 'CODE_INVALID').length).toBeLessThanOrEqual(TYPED_TRY_LIMIT)
  expect(codes.filter((c) => c !== 'CODE_INVALID' && c !== 'TOO_MANY_ATTEMPTS')).toEqual([])
  expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(30 - TYPED_TRY_LIMIT)
  expect(stored(cloud, 'bindings', { _id: m })[0].typedTries).toBeLessThanOrEqual(TYPED_TRY_LIMIT)
  const right = await call('scan', { lectureId: l._id, typed: codeOf(l._id).typed }, m)
  expect(right).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' })
  expect(stored(cloud, 'checkins', { lectureId: l._id })).toEqual([])
})
