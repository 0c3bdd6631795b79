/**
 * Conformance, issue 12 (items 1, 3, 5, 7, 8): ids keep their BSON type, db.ObjectId, the `updated` of
 * updateAndReturn, `$` field names and writes without `where`, as the SDK's own database tests expect
 * of the real service. The unmodified SDK against the local CloudBase.
 */
import Database from 'better-sqlite3'
import { ObjectId } from 'bson'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import { Store } from '../../emulator/src/database/store'
import { cloudForFile } from '../support/cloudForFile'
import type { TestCloud, Tx } from '../support/emulator'

let cloud: TestCloud
cloudForFile((started) => (cloud = started))
beforeEach(() => cloud.emulator.store.clear())

const coll = () => cloud.db.collection('lectures')
const _ = () => cloud.db.command
/** `db.ObjectId({id})`: in the SDK, not in its type declarations. */
const oid = (id: string) => (cloud.db as unknown as { ObjectId(o: { id: string }): object }).ObjectId({ id })
const HEX_A = '5e7b474a5e54c773b58d7b39'
const HEX_B = '5e7b474a5e54c773b58d7b3a'

async function refusal(action: () => Promise<unknown>): Promise<string | undefined> {
  try {
    const res = (await action()) as { code?: string }
    return res?.code ?? 'answered'
  } catch (e) {
    return (e as { code?: string }).code
  }
}

describe('1. a numeric _id stays a number', () => {
  it('is answered, read by doc() and where(), and differs from the string of its digits', async () => {
    const added = await coll().add({ _id: 123, n: 1 })
    expect(added.id).toBe(123)
    expect((await coll().add({ _id: '123', n: 2 })).id).toBe('123')
    expect(await refusal(() => coll().add({ _id: 123 }))).toBe('DATABASE_DUPLICATE_WRITE')

    const byDoc = await coll().doc(123).get()
    expect(byDoc.data).toEqual([{ _id: 123, n: 1 }])
    expect((await coll().where({ _id: 123 }).get()).data).toEqual([{ _id: 123, n: 1 }])
    expect((await coll().doc('123').get()).data).toEqual([{ _id: '123', n: 2 }])
    expect(
      (
        await coll()
          .where({ _id: _().in([123, '123']) })
          .count()
      ).total,
    ).toBe(2)

    expect((await coll().doc(123).update({ n: 3 })).updated).toBe(1)
    expect((await coll().doc('123').get()).data[0].n).toBe(2)
    expect((await coll().doc(123).remove()).deleted).toBe(1)
    expect((await coll().count()).total).toBe(1)
  })

  it('set() upserts by it, the plan reads it by primary key, an _id of another type is refused', async () => {
    expect((await coll().doc(42).set({ n: 1 })).upsertedId).toBe(42)
    expect((await coll().doc(42).get()).data).toEqual([{ _id: 42, n: 1 }])
    expect(cloud.emulator.store.plan('lectures', { _id: 42 }).index).toBe('_id')
    expect(cloud.emulator.store.plan('lectures', { _id: new ObjectId(HEX_A) }).index).toBe('_id')
    expect(await refusal(() => coll().add({ _id: true }))).toBe('INVALID_PARAM')
    expect((await coll().count()).total).toBe(1)
  })

  it('a data folder from before (text ids) opens with its ids as they were; numbers then stay numbers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangke-ids-'))
    const file = join(dir, 'cloudbase.sqlite')
    const old = new Database(file)
    old.exec(`CREATE TABLE collections (name TEXT PRIMARY KEY); INSERT INTO collections VALUES ('orgs');
      CREATE TABLE "c_orgs" (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, body TEXT NOT NULL);
      INSERT INTO "c_orgs" VALUES ('123', 1, '{"_id":"123","name":"甲"}')`)
    old.close()
    const store = new Store(file, { orgs: { indexes: [{ name: 'parentId', keys: { parentId: 1 } }] } })
    try {
      expect(store.getById('orgs', '123')?.doc).toEqual({ _id: '123', name: '甲' })
      store.apply([{ kind: 'insert', coll: 'orgs', id: 123, doc: { name: '乙', parentId: 'p' } }])
      expect(store.getById('orgs', 123)?.doc).toEqual({ _id: 123, name: '乙', parentId: 'p' })
      expect(store.scan('orgs', {})).toHaveLength(2)
      const types = store.sqlite.prepare('SELECT typeof(id) AS t FROM "c_orgs" ORDER BY seq').all()
      expect(types).toEqual([{ t: 'text' }, { t: 'real' }]) // a text column would have made it '123.0'
      expect(store.plan('orgs', { parentId: 'p' }).index).toBe('parentId')
    } finally {
      store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('in a transaction: added, read and removed by its number', async () => {
    await coll().add({ _id: 7, n: 1 })
    await cloud.db.runTransaction(async (t: Tx) => {
      const tc = t.collection('lectures')
      expect((await tc.add({ _id: 8, n: 2 })).id).toBe(8)
      expect((await tc.doc(7).get()).data).toEqual({ _id: 7, n: 1 })
      expect((await tc.doc(7).remove()).deleted).toBe(1)
      expect((await tc.doc(8).remove()).deleted).toBe(1)
    })
    expect((await coll().count()).total).toBe(0)
  })
})

describe('3. db.ObjectId', () => {
  it('as _id: answered as its hex, each one its own document, found by it and not by the string', async () => {
    expect((await coll().add({ _id: oid(HEX_A), n: 1 })).id).toBe(HEX_A)
    expect((await coll().add({ _id: oid(HEX_B), n: 2 })).id).toBe(HEX_B)
    expect(await refusal(() => coll().add({ _id: oid(HEX_A) }))).toBe('DATABASE_DUPLICATE_WRITE')
    expect((await coll().count()).total).toBe(2)
    expect(
      (
        await coll()
          .where({ _id: oid(HEX_B) })
          .get()
      ).data,
    ).toEqual([{ _id: HEX_B, n: 2 }])
    expect((await coll().where({ _id: HEX_B }).count()).total).toBe(0)
    expect(
      (
        await coll()
          .where({ _id: oid(HEX_A) })
          .update({ n: 5 })
      ).updated,
    ).toBe(1)
    expect(
      (
        await coll()
          .where({ _id: oid(HEX_A) })
          .get()
      ).data[0].n,
    ).toBe(5)
  })

  it('as a field: stored as an ObjectId, queried by it, joined by $lookup', async () => {
    const added = await coll().add({ a: oid(HEX_A), name: 'x' })
    const found = await coll()
      .where({ a: oid(HEX_A) })
      .get()
    expect(found.data).toEqual([{ _id: added.id, a: HEX_A, name: 'x' }])
    expect((await coll().where({ a: HEX_A }).count()).total).toBe(0)

    await cloud.db.collection('settings').add({ _id: oid(HEX_A), name: 'joined' })
    const joined = await coll()
      .aggregate()
      .lookup({ from: 'settings', localField: 'a', foreignField: '_id', as: 'm' })
      .end()
    expect(joined.data).toEqual([{ _id: added.id, a: HEX_A, name: 'x', m: [{ _id: HEX_A, name: 'joined' }] }])
  })
})

describe('5. updated of a write to the same value', () => {
  it('updateAndReturn answers 1 (matched); update answers 0 (nothing changed)', async () => {
    await coll().add({ _id: 'same', a: 1 })
    const res = await coll().where({ a: 1 }).updateAndReturn({ a: 1 })
    expect(res.updated).toBe(1)
    expect(res.doc).toEqual({ _id: 'same', a: 1 })
    expect((await coll().where({ a: 1 }).update({ a: 1 })).updated).toBe(0)
    expect(await coll().where({ a: -1 }).updateAndReturn({ a: 1 })).toMatchObject({ updated: 0, doc: null })
  })
})

describe('7. field names starting with $ are refused, nothing written', () => {
  it('in add, set and update data', async () => {
    expect(await refusal(() => coll().add({ $_key: 1 }))).toBe('DATABASE_REQUEST_FAILED')
    expect(await refusal(() => coll().add([{ ok: 1 }, { deep: { $b: 1 } }]))).toBe('DATABASE_REQUEST_FAILED')
    expect((await coll().count()).total).toBe(0)

    await coll().add({ _id: 'd', a: 1 })
    expect(await refusal(() => coll().doc('d').set({ $_key: 1 }))).toBe('DATABASE_REQUEST_FAILED')
    expect(
      await refusal(() =>
        coll()
          .doc('new')
          .set({ x: { $y: 1 } }),
      ),
    ).toBe('DATABASE_REQUEST_FAILED')
    expect(await refusal(() => coll().doc('d').update({ $_key: 1 }))).toBe('DATABASE_REQUEST_FAILED')
    expect(
      await refusal(() =>
        coll()
          .where({ a: 1 })
          .update({ b: { $c: 1 } }),
      ),
    ).toBe('DATABASE_REQUEST_FAILED')
    expect(
      await refusal(() =>
        coll()
          .where({ a: 1 })
          .updateAndReturn({ b: _().set({ $c: 1 }) }),
      ),
    ).toBe('DATABASE_REQUEST_FAILED')
    expect((await coll().get()).data).toEqual([{ _id: 'd', a: 1 }])
  })
})

describe('8. a collection-wide update or remove (no where) is refused', () => {
  it('answers INVALID_PARAM and changes nothing', async () => {
    await coll().add([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
      { _id: 'c', n: 3 },
    ])
    expect(await refusal(() => coll().update({ n: 0 }))).toBe('INVALID_PARAM')
    expect(await refusal(() => coll().remove())).toBe('INVALID_PARAM')
    expect(
      (
        await coll()
          .where({ n: _().gt(0) })
          .count()
      ).total,
    ).toBe(3)
  })
})
