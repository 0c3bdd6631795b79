/**
 * The emulator's shortcuts answer exactly what the general paths answer: by-_id reads without mingo,
 * plain documents stored without bson, bulk inserts, functions run in worker threads.
 */
import { EJSON } from 'bson'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { toStored } from '../../emulator/src/database/ejson'
import { loadFunctionBundlesInWorkers } from '../../emulator/src/function-workers'
import { cloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'

let cloud: TestCloud
cloudForFile((started) => (cloud = started))
beforeEach(() => cloud.emulator.store.clear())

const orgs = () => cloud.db.collection('orgs')

it('a by-_id read answers only that document, and nothing for another type of id', async () => {
  await orgs().add({ _id: '5', name: '甲', at: new Date(Date.UTC(2026, 0, 1)) })
  expect((await orgs().doc('5').get()).data).toEqual([{ _id: '5', name: '甲', at: new Date(Date.UTC(2026, 0, 1)) }])
  expect((await orgs().where({ _id: '5' }).get()).data).toHaveLength(1)
  expect(cloud.emulator.store.scan('orgs', { _id: { $eq: '5' } })).toHaveLength(1)
  expect(cloud.emulator.store.scan('orgs', { _id: 5 })).toHaveLength(0) // stored ids are strings
  expect((await orgs().doc('6').get()).data).toEqual([])
})

it('stores plain documents exactly as bson writes them', () => {
  const docs = [
    { a: new Date(Date.UTC(2026, 0, 1)), b: new Date(5), c: -0, d: 1.5, e: [1, null, { f: new Date(0) }], s: 'x"$y' },
    { g: undefined, n: NaN, r: /x/i, early: new Date(-5), late: new Date(253402318800001) },
    { _id: 'abc', text: '党课 \u2028', nested: { deep: [[{ t: true, n: 2 ** 60 }]] } },
  ]
  for (const doc of docs) expect(toStored(doc)).toBe(EJSON.stringify(doc, { relaxed: true }))
})

it('bulk-inserts documents that queries then read through the indexes', async () => {
  const docs = Array.from({ length: 2500 }, (_x, i) => ({ name: `支部${i}`, parentId: `p${i % 10}` }))
  const ids = cloud.emulator.store.insertMany('orgs', [{ _id: 'given', name: '甲' }, ...docs], 1000)
  expect(ids[0]).toBe('given')
  expect(ids[1]).toMatch(/^[0-9a-f]{32}$/)
  expect(new Set(ids).size).toBe(2501)
  expect((await orgs().where({ parentId: 'p3' }).count()).total).toBe(250)
  expect(() => cloud.emulator.store.insertMany('orgs', [{ _id: 'given' }])).toThrow(/duplicate/)
})

it('runs function bundles in a worker thread with the caller identity, and reports their failures', async () => {
  const root = mkdtempSync(join(tmpdir(), 'dangke-fns-'))
  mkdirSync(join(root, 'who'))
  writeFileSync(
    join(root, 'who', 'index.js'),
    `const { threadId } = require('worker_threads')
     exports.main = async (event, context) => {
       if (event.fail) throw new Error('boom')
       return { event, environment: JSON.parse(context.environment), threadId, at: new Date(0) }
     }`,
  )
  const workers = loadFunctionBundlesInWorkers(cloud.emulator.functions, [root], 2)
  try {
    expect(workers.names).toEqual(['who'])
    const r = (await cloud.emulator.functions.invoke('who', { a: 1 }, { openid: 'o-1', source: 'wx_client' })) as {
      event: unknown
      environment: Record<string, string>
      threadId: number
      at: Date
    }
    expect(r.event).toEqual({ a: 1 })
    expect(r.environment.WX_OPENID).toBe('o-1')
    expect(r.threadId).not.toBe(0)
    expect(r.at).toEqual(new Date(0))
    await expect(cloud.emulator.functions.invoke('who', { fail: true }, { source: 'node-sdk' })).rejects.toThrow('boom')
  } finally {
    await workers.stop()
    rmSync(root, { recursive: true, force: true })
  }
})
