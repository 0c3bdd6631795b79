/** Transactions through the SDK: isolation, conflicts that runTransaction retries, rollback. */
import { cloudForFile } from '../support/cloudForFile'
import type { TestCloud, Tx } from '../support/emulator'

let cloud: TestCloud
cloudForFile((started) => (cloud = started))
beforeEach(async () => {
  cloud.emulator.store.clear()
  await cloud.db.collection('lectures').add({ _id: 'seat', left: 10, taken: [] })
})

const seatDoc = async () => (await cloud.db.collection('lectures').doc('seat').get()).data[0]

it('uncommitted writes are invisible to others; commit makes them visible', async () => {
  const t = await cloud.db.startTransaction()
  await t.collection('lectures').doc('seat').update({ left: 9 })
  await t.collection('lectures').add({ _id: 'new', x: 1 })
  expect((await t.collection('lectures').doc('seat').get()).data).toMatchObject({ left: 9 })
  expect((await seatDoc()).left).toBe(10)
  expect((await cloud.db.collection('lectures').doc('new').get()).data).toEqual([])
  await t.commit()
  expect((await seatDoc()).left).toBe(9)
  expect((await cloud.db.collection('lectures').doc('new').get()).data).toHaveLength(1)
})

it('of two transactions writing the same document only one commits', async () => {
  const a = await cloud.db.startTransaction()
  const b = await cloud.db.startTransaction()
  await a.collection('lectures').doc('seat').update({ left: 9 })
  await expect(b.collection('lectures').doc('seat').update({ left: 8 })).rejects.toMatchObject({
    code: 'DATABASE_TRANSACTION_CONFLICT',
  })
  await a.commit()
  expect((await seatDoc()).left).toBe(9)
})

it('a transaction cannot write a document changed after its snapshot, and keeps nothing it wrote', async () => {
  const a = await cloud.db.startTransaction()
  const seen = (await a.collection('lectures').doc('seat').get()).data
  await cloud.db.collection('lectures').doc('seat').update({ left: 5 }) // outside any transaction
  await a.collection('lectures').add({ _id: 'based-on-stale', left: seen.left })
  // Reading the stale snapshot is allowed (conformance-txn.test.ts); writing what changed since is not.
  const seat = a.collection('lectures').doc('seat')
  await expect(seat.update({ left: seen.left - 1 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
  expect((await cloud.db.collection('lectures').doc('based-on-stale').get()).data).toEqual([])
  expect((await seatDoc()).left).toBe(5)
})

it('runTransaction retries on conflict: 20 concurrent read-modify-writes lose nothing', async () => {
  const take = (who: number) =>
    cloud.db.runTransaction(async (t: Tx) => {
      const doc = (await t.collection('lectures').doc('seat').get()).data
      if (doc.left <= 0) return false
      await t
        .collection('lectures')
        .doc('seat')
        .update({ left: doc.left - 1, taken: [...doc.taken, who] })
      return true
    }, 100)
  const results = await Promise.all(Array.from({ length: 20 }, (_x, i) => take(i)))
  expect(results.filter(Boolean)).toHaveLength(10)
  const doc = await seatDoc()
  expect(doc.left).toBe(0)
  expect(new Set(doc.taken).size).toBe(10)
})

it('rollback discards the writes; an error in the callback rolls back too', async () => {
  const t = await cloud.db.startTransaction()
  await t.collection('lectures').doc('seat').update({ left: 1 })
  await t.rollback()
  expect((await seatDoc()).left).toBe(10)

  await expect(
    cloud.db.runTransaction(async (tx: Tx) => {
      await tx.collection('lectures').doc('seat').update({ left: 2 })
      throw new Error('boom')
    }),
  ).rejects.toThrow('boom')
  expect((await seatDoc()).left).toBe(10)
  expect(cloud.emulator.database.transactions.openCount).toBe(0)
})

it('a duplicate _id added in a transaction answers the documented DATABASE_DUPLICATE_WRITE', async () => {
  const t = await cloud.db.startTransaction()
  await expect(t.collection('lectures').add({ _id: 'seat', left: 0 })).rejects.toMatchObject({
    code: 'DATABASE_DUPLICATE_WRITE',
  })
  await t.rollback()
  expect((await seatDoc()).left).toBe(10)
})

it('a unique index is enforced at commit, and the whole transaction is undone', async () => {
  await cloud.db.collection('bindings').add({ _id: 'o1', memberId: 'm1' })
  const t = await cloud.db.startTransaction()
  await t.collection('lectures').doc('seat').update({ left: 0 })
  await t.collection('bindings').add({ _id: 'o2', memberId: 'm1' })
  await expect(t.commit()).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
  expect((await seatDoc()).left).toBe(10)
})
