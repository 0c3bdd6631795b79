/**
 * Transactions as the real service runs them: MongoDB snapshot isolation. The expectations follow the
 * SDK's own tests against the service (node-sdk test/database/unit/transaction.test.ts: 读偏, 冲突检测,
 * 事务提交后不能进行其它操作, mongodb 原生事务操作支持) and CloudBase's error-code pages.
 */
import { startTestCloud, type TestCloud } from '../support/emulator'

// The service's words, as the SDK's tests quote them.
const CONFLICT = {
  code: 'DATABASE_TRANSACTION_CONFLICT',
  message:
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
}
const NOT_EXIST = {
  code: 'DATABASE_TRANSACTION_FAIL',
  message:
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
}

let now = Date.parse('2026-03-01T08:00:00Z')
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ clock: () => now })
})
afterAll(() => cloud.stop())

const coll = () => cloud.db.collection('lectures')
const ids = (list: { _id: string }[]) => list.map((d) => d._id).sort()
beforeEach(async () => {
  cloud.emulator.store.clear()
  await coll().add([
    { _id: 'a', kind: 'x', n: 1 },
    { _id: 'b', kind: 'x', n: 2 },
  ])
})
afterEach(() => expect(cloud.emulator.database.transactions.openCount).toBe(0))

it('reads the snapshot after an outside change, and a write of the changed document conflicts (读偏)', async () => {
  const t = await cloud.db.startTransaction()
  expect((await t.collection('lectures').doc('a').get()).data).toMatchObject({ n: 1 })
  await coll().doc('a').set({ kind: 'x', n: 10 })
  await coll().doc('b').set({ kind: 'x', n: 20 })
  expect((await t.collection('lectures').doc('a').get()).data).toMatchObject({ n: 1 })
  expect((await t.collection('lectures').doc('b').get()).data).toMatchObject({ n: 2 })
  await expect(t.collection('lectures').doc('a').update({ n: 3 })).rejects.toMatchObject(CONFLICT)
  // The conflict ended the transaction (MongoDB aborts it): a later rollback finds nothing.
  await expect(t.rollback()).rejects.toMatchObject(NOT_EXIST)
  expect((await coll().doc('a').get()).data[0].n).toBe(10)
})

it('an outside write after the transaction wrote the document makes its commit conflict, writing nothing', async () => {
  const t = await cloud.db.startTransaction()
  await t.collection('lectures').doc('a').update({ n: 5 })
  await t.collection('lectures').add({ _id: 'c', kind: 'x', n: 3 })
  await coll().doc('a').update({ n: 7 })
  await expect(t.commit()).rejects.toMatchObject(CONFLICT)
  expect((await coll().doc('a').get()).data[0].n).toBe(7)
  expect((await coll().doc('c').get()).data).toEqual([])
})

it('fixes the snapshot at the first operation, not at startTransaction', async () => {
  const t = await cloud.db.startTransaction()
  await coll().add({ _id: 'late', kind: 'x', n: 9 })
  await coll().doc('a').update({ n: 11 })
  expect(ids((await t.collection('lectures').where({ kind: 'x' }).get()).data)).toEqual(['a', 'b', 'late'])
  expect((await t.collection('lectures').doc('a').get()).data).toMatchObject({ n: 11 })
  expect((await t.collection('lectures').where({ _id: 'late' }).update({ n: 12 })).updated).toBe(1)
  await t.commit()
  expect((await coll().doc('late').get()).data[0].n).toBe(12)
})

it('where() in a transaction sees the snapshot: later inserts invisible, later removes and changes not', async () => {
  const t = await cloud.db.startTransaction()
  expect(ids((await t.collection('lectures').where({ kind: 'x' }).get()).data)).toEqual(['a', 'b'])
  await coll().add({ _id: 'c', kind: 'x', n: 3 })
  await coll().doc('a').remove()
  await coll().doc('b').update({ kind: 'y' })
  const seen = (await t.collection('lectures').where({ kind: 'x' }).get()).data
  expect(ids(seen)).toEqual(['a', 'b'])
  expect(seen.find((d: { _id: string }) => d._id === 'b')).toMatchObject({ kind: 'x', n: 2 })
  expect((await t.collection('lectures').where({ kind: 'y' }).get()).data).toEqual([])
  expect((await t.collection('lectures').doc('c').get()).data).toBeNull()
  expect((await t.collection('lectures').doc('a').get()).data).toMatchObject({ n: 1 })
  // Its own writes overlay the snapshot.
  await t.collection('lectures').add({ _id: 'mine', kind: 'x', n: 4 })
  expect(ids((await t.collection('lectures').where({ kind: 'x' }).get()).data)).toEqual(['a', 'b', 'mine'])
  await t.commit()
  expect(ids((await coll().where({ kind: 'x' }).get()).data)).toEqual(['c', 'mine'])
})

it('adding an _id that was added outside after the snapshot conflicts (the snapshot does not hold it)', async () => {
  const t = await cloud.db.startTransaction()
  await t.collection('lectures').doc('a').get()
  await coll().add({ _id: 'dup', n: 1 })
  await expect(t.collection('lectures').add({ _id: 'dup', n: 2 })).rejects.toMatchObject(CONFLICT)
  expect((await coll().doc('dup').get()).data[0].n).toBe(1)
})

it('reads never conflict: each of two transactions reads what the other writes, both commit (write skew)', async () => {
  const t1 = await cloud.db.startTransaction()
  const t2 = await cloud.db.startTransaction()
  const a = (await t1.collection('lectures').doc('a').get()).data
  const b = (await t2.collection('lectures').doc('b').get()).data
  await t1
    .collection('lectures')
    .doc('b')
    .update({ n: a.n + 100 })
  await t2
    .collection('lectures')
    .doc('a')
    .update({ n: b.n + 100 })
  await t1.commit()
  await t2.commit()
  expect((await coll().doc('a').get()).data[0].n).toBe(102)
  expect((await coll().doc('b').get()).data[0].n).toBe(101)
})

it('after commit, an operation answers the service’s TransactionNotExist (事务提交后不能进行其它操作)', async () => {
  const t = await cloud.db.startTransaction()
  await t.commit()
  await expect(t.collection('lectures').doc('a').set({ n: 0 })).rejects.toMatchObject(NOT_EXIST)
  await expect(t.commit()).rejects.toMatchObject(NOT_EXIST)
  expect((await coll().doc('a').get()).data[0].n).toBe(1)
})

it('a transaction lives 30 s from its start, then answers TransactionNotExist and frees what it wrote', async () => {
  const short = await cloud.db.startTransaction()
  await short.collection('lectures').doc('a').update({ n: 2 })
  now += 29_000
  await short.collection('lectures').doc('b').update({ n: 3 })
  await short.commit()

  const long = await cloud.db.startTransaction()
  await long.collection('lectures').doc('a').update({ n: 50 })
  now += 30_001
  await expect(long.collection('lectures').doc('b').get()).rejects.toMatchObject(NOT_EXIST)
  await expect(long.commit()).rejects.toMatchObject(NOT_EXIST)
  const next = await cloud.db.startTransaction()
  await next.collection('lectures').doc('a').update({ n: 60 })
  await next.commit()
  expect((await coll().doc('a').get()).data[0].n).toBe(60)
  expect((await coll().doc('b').get()).data[0].n).toBe(3)
})

it('keeps old versions only while an open transaction may read them', async () => {
  const versions = () => cloud.emulator.database.transactions.retainedVersions
  await coll().doc('a').update({ n: 100 })
  expect(versions()).toBe(0)
  const t = await cloud.db.startTransaction()
  await t.collection('lectures').doc('b').get()
  await coll().doc('a').update({ n: 101 })
  await coll().doc('a').update({ n: 102 })
  await coll().add({ _id: 'c', n: 1 })
  expect(versions()).toBe(3)
  expect((await t.collection('lectures').doc('a').get()).data).toMatchObject({ n: 100 })
  await t.commit()
  expect(versions()).toBe(0)
})
