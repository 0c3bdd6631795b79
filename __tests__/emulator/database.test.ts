/** Conformance: the unmodified @cloudbase/node-sdk against the local CloudBase, action by action. */
import { cloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'

let cloud: TestCloud
cloudForFile((started) => (cloud = started))
beforeEach(() => cloud.emulator.store.clear())

const lectures = () => cloud.db.collection('lectures')
const _ = () => cloud.db.command

async function addLectures(n: number) {
  const docs = Array.from({ length: n }, (_x, i) => ({
    _id: `L${String(i).padStart(4, '0')}`,
    title: `第${i}讲`,
    n: i,
    status: i % 2 ? 'published' : 'draft',
    startAt: new Date(Date.UTC(2026, 0, 1) + i * 3600_000),
    tags: ['a', `t${i % 3}`],
  }))
  for (let i = 0; i < docs.length; i += 100) await lectures().add(docs.slice(i, i + 100))
}

describe('queries', () => {
  it('where, orderBy, skip, limit and field', async () => {
    await addLectures(10)
    const res = await lectures()
      .where({ status: 'published', n: _().gte(3) })
      .orderBy('n', 'desc')
      .skip(1)
      .limit(2)
      .field({ title: true, n: true })
      .get()
    expect(res.data).toEqual([
      { _id: 'L0007', title: '第7讲', n: 7 },
      { _id: 'L0005', title: '第5讲', n: 5 },
    ])
  })

  it('field() and an aggregate $project leave out a field given false or 0 (an exclusion projection)', async () => {
    await addLectures(2)
    const read = await lectures().where({ n: 1 }).field({ tags: false }).get()
    expect(read.data).toEqual([{ _id: 'L0001', title: '第1讲', n: 1, status: 'published', startAt: expect.any(Date) }])
    const agg = await lectures().aggregate().match({ n: 0 }).project({ tags: 0, startAt: 0 }).end()
    expect((agg as { data: unknown[] }).data).toEqual([{ _id: 'L0000', title: '第0讲', n: 0, status: 'draft' }])
  })

  it('doc().get() answers an array of at most one', async () => {
    await addLectures(2)
    const hit = await lectures().doc('L0001').get()
    expect(hit.data).toHaveLength(1)
    expect(hit.data[0].startAt).toEqual(new Date(Date.UTC(2026, 0, 1) + 3600_000))
    expect((await lectures().doc('nope').get()).data).toEqual([])
  })

  it('keeps the SDK limits: 100 without limit(), at most 1000', async () => {
    await addLectures(1100)
    expect((await lectures().get()).data).toHaveLength(100)
    expect((await lectures().limit(5000).get()).data).toHaveLength(1000)
    expect((await lectures().count()).total).toBe(1100)
  })

  it('regex queries, both db.RegExp and a JS RegExp', async () => {
    await addLectures(12)
    const a = await lectures()
      .where({ title: cloud.db.RegExp({ regexp: '^第1', options: 'i' }) })
      .count()
    const b = await lectures().where({ title: /1讲$/ }).count()
    expect([a.total, b.total]).toEqual([3, 2]) // 第1讲 第10讲 第11讲 / 第1讲 第11讲
  })

  it('array, $in, $or and date comparisons', async () => {
    await addLectures(6)
    expect((await lectures().where({ tags: 't1' }).count()).total).toBe(2)
    expect(
      (
        await lectures()
          .where({ n: _().in([1, 2, 99]) })
          .count()
      ).total,
    ).toBe(2)
    expect(
      (
        await lectures()
          .where(_().or([{ n: 0 }, { n: 5 }]))
          .count()
      ).total,
    ).toBe(2)
    const after = new Date(Date.UTC(2026, 0, 1) + 3 * 3600_000)
    expect(
      (
        await lectures()
          .where({ startAt: _().gt(after) })
          .count()
      ).total,
    ).toBe(2)
  })

  it('refuses a collection that does not exist, with the real code', async () => {
    await expect(cloud.db.collection('nope').get()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' })
  })

  it('createCollection adds one that then works', async () => {
    await cloud.db.createCollection('scratch_' + Date.now().toString(36))
    const names = cloud.emulator.store.listCollections()
    expect(names.some((n) => n.startsWith('scratch_'))).toBe(true)
  })
})

describe('writes', () => {
  it('update operators, dotted paths and serverDate', async () => {
    await lectures().add({ _id: 'x', n: 1, list: [1], meta: { a: 1 } })
    const before = Date.now()
    const res = await lectures()
      .doc('x')
      .update({ n: _().inc(2), list: _().push([2]), 'meta.b': 2, at: cloud.db.serverDate() })
    expect(res.updated).toBe(1)
    const [doc] = (await lectures().doc('x').get()).data
    expect(doc).toMatchObject({ n: 3, list: [1, 2], meta: { a: 1, b: 2 } })
    expect(doc.at).toBeInstanceOf(Date)
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before - 1000)
    await lectures().doc('x').update({ meta: _().remove() })
    expect((await lectures().doc('x').get()).data[0].meta).toBeUndefined()
  })

  it('set replaces the whole document and upserts', async () => {
    await lectures().add({ _id: 'y', a: 1, b: 2 })
    await lectures().doc('y').set({ c: 3 })
    expect((await lectures().doc('y').get()).data[0]).toEqual({ _id: 'y', c: 3 })
    const up = await lectures().doc('z').set({ d: 4 })
    expect(up.upsertedId).toBe('z')
    expect((await lectures().doc('z').get()).data[0]).toEqual({ _id: 'z', d: 4 })
  })

  it('where().update() changes every match; updateAndReturn answers the new document', async () => {
    await addLectures(6)
    const res = await lectures().where({ status: 'draft' }).update({ status: 'published' })
    expect(res.updated).toBe(3)
    expect((await lectures().where({ status: 'published' }).count()).total).toBe(6)
    const r = await lectures()
      .where({ _id: 'L0002' })
      .updateAndReturn({ n: _().inc(10) })
    expect(r.updated).toBe(1)
    expect(r.doc).toMatchObject({ _id: 'L0002', n: 12 })
  })

  it('remove by doc and by query', async () => {
    await addLectures(6)
    expect((await lectures().doc('L0000').remove()).deleted).toBe(1)
    expect((await lectures().where({ status: 'published' }).remove()).deleted).toBe(3)
    expect((await lectures().count()).total).toBe(2)
  })

  it('a unique index refuses a duplicate and writes nothing of a failed batch', async () => {
    const bindings = cloud.db.collection('bindings')
    await bindings.add({ _id: 'openid-1', memberId: 'm1' })
    await expect(bindings.add({ _id: 'openid-2', memberId: 'm1' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    })
    await expect(
      bindings.add([
        { _id: 'openid-3', memberId: 'm3' },
        { _id: 'openid-4', memberId: 'm3' },
      ]),
    ).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    expect((await bindings.count()).total).toBe(1)
    await expect(bindings.add({ _id: 'openid-1', memberId: 'm9' })).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    })
  })

  it('aggregate: $match, $group, $sort and $lookup', async () => {
    await addLectures(6)
    await cloud.db.collection('orgs').add([
      { _id: 'o1', name: '甲支部' },
      { _id: 'o2', name: '乙支部' },
    ])
    await lectures().where({}).update({ hostOrgId: 'o1' })
    await lectures().doc('L0005').update({ hostOrgId: 'o2' })
    const $ = cloud.db.command.aggregate
    const res = await lectures()
      .aggregate()
      .match({ n: _().gte(1) })
      .group({ _id: '$hostOrgId', count: $.sum(1), total: $.sum('$n') })
      .lookup({ from: 'orgs', localField: '_id', foreignField: '_id', as: 'org' })
      .sort({ _id: 1 })
      .end()
    type Group = { _id: string; count: number; total: number; org: { name: string }[] }
    expect(res.data.map((d: Group) => [d._id, d.count, d.total, d.org[0].name])).toEqual([
      ['o1', 4, 10, '甲支部'],
      ['o2', 1, 5, '乙支部'],
    ])
  })
})

describe('where the local CloudBase is deliberately strict', () => {
  /** The SDK throws some refusals and answers others as `{code}`: either way, the code. */
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      (res) => (res as { code?: string }).code,
      (err) => (err as { code?: string }).code,
    )

  it('refuses $expr in the filter of an update, updateAndReturn or remove, and writes nothing', async () => {
    await lectures().add({ _id: 'e', signedUp: 1, capacity: 2 })
    const $ = _().aggregate
    const full = () => _().expr($.lt(['$signedUp', '$capacity']))
    expect(
      await codeOf(
        lectures()
          .where(full())
          .update({ signedUp: _().inc(1) }),
      ),
    ).toBe('INVALID_PARAM')
    expect(
      await codeOf(
        lectures()
          .where(_().and([{ _id: 'e' }, full()]))
          .updateAndReturn({ signedUp: _().inc(1) }),
      ),
    ).toBe('INVALID_PARAM')
    expect(await codeOf(lectures().where(full()).remove())).toBe('INVALID_PARAM')
    expect((await lectures().doc('e').get()).data[0]).toEqual({ _id: 'e', signedUp: 1, capacity: 2 })
    // in a query, where it is documented, it works
    expect((await lectures().where(full()).count()).total).toBe(1)
  })

  it('an aggregate without $limit answers 20 rows, as the real service does; limit() gives more', async () => {
    await addLectures(30)
    expect((await lectures().aggregate().match({}).end()).data).toHaveLength(20)
    expect((await lectures().aggregate().match({}).limit(25).end()).data).toHaveLength(25)
  })
})

describe('parsed-document cache', () => {
  it('serves each version once parsed, and no reader can change what the next one reads', async () => {
    await lectures().add({ _id: 'c', n: 1, tags: ['a'] })
    const cached = cloud.emulator.store.getById('lectures', 'c')!.doc
    expect(Object.isFrozen(cached) && Object.isFrozen(cached.tags)).toBe(true)
    await lectures().aggregate().addFields({ n: 99 }).end()
    await lectures()
      .doc('c')
      .update({ tags: _().push(['b']) })
    expect((await lectures().doc('c').get()).data[0]).toEqual({ _id: 'c', n: 1, tags: ['a', 'b'] })
  })
})

describe('indexes', () => {
  it('an equality on indexed fields reads through the index, not the whole table', async () => {
    const store = cloud.emulator.store
    expect(store.plan('lectures', { status: 'published', startAt: 1 }).index).toBe('status_startAt')
    expect(store.plan('lectures', { status: 'published', title: 'x' }).index).toBe('status_startAt')
    expect(store.plan('lectures', { _id: 'a', status: 'x' }).index).toBe('_id')
    expect(store.plan('lectures', { title: 'x' }).index).toBeUndefined()
    const { where, params } = store.plan('lectures', { status: 'published' })
    const explain = store.sqlite
      .prepare(`EXPLAIN QUERY PLAN SELECT id, seq, body FROM "c_lectures"${where}`)
      .all(...params) as { detail: string }[]
    expect(explain.map((r) => r.detail).join(' ')).toMatch(/USING INDEX ix_lectures_status_startAt/)
  })

  it('an array in a non-unique indexed field matches its elements (multikey), the index no longer narrowing', async () => {
    const orgs = () => cloud.db.collection('orgs')
    await orgs().add({ _id: 'o-a', name: 'a', kind: 'branch', path: ['root', 'mid'] })
    await orgs().add({ _id: 'o-b', name: 'b', kind: 'branch', path: ['root'] })
    expect(cloud.emulator.store.plan('orgs', { path: 'mid' }).index).toBeUndefined()
    const res = await orgs().where({ path: 'mid' }).get()
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['o-a'])
    expect((await orgs().where({ path: 'root' }).count()).total).toBe(2)
  })

  it('an _id in a list reads those rows by primary key', async () => {
    await addLectures(5)
    const store = cloud.emulator.store
    const { where, params, index } = store.plan('lectures', { _id: { $in: ['L0001', 'L0003', 'nope'] } })
    expect(index).toBe('_id')
    const explain = store.sqlite
      .prepare(`EXPLAIN QUERY PLAN SELECT id, seq, body FROM "c_lectures"${where}`)
      .all(...params) as { detail: string }[]
    expect(explain.map((r) => r.detail).join(' ')).toMatch(/PRIMARY KEY|sqlite_autoindex_c_lectures/)
    const res = await lectures()
      .where({ _id: _().in(['L0001', 'L0003', 'nope']), n: _().gte(0) })
      .get()
    expect(res.data.map((d: { _id: string }) => d._id).sort()).toEqual(['L0001', 'L0003'])
  })
})
