/**
 * Conformance of query and aggregation operators: the unmodified SDK against the local CloudBase, on the
 * places where the SDK's own database tests (written against the real service) found the query library
 * (mingo) answering differently from MongoDB. Expected values come from MongoDB's and CloudBase's docs.
 */
import { cloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'

const COLL = 'conformance_query'
let cloud: TestCloud
cloudForFile(
  (started) => (cloud = started),
  (c) => c.db.createCollection(COLL),
)
beforeEach(() => cloud.emulator.store.clear())

const coll = () => cloud.db.collection(COLL)
const _ = () => cloud.db.command
const $ = () => cloud.db.command.aggregate

/** The SDK throws some refusals and answers others as `{code}`: either way, the code. */
const codeOf = (p: Promise<unknown>) =>
  p.then(
    (res) => (res as { code?: string }).code,
    (err) => (err as { code?: string }).code,
  )

async function project(docs: object[], fields: Record<string, unknown>): Promise<unknown[]> {
  await coll().add(docs)
  const res = await coll()
    .aggregate()
    .sort({ n: 1 })
    .project({ _id: 0, ...fields })
    .end()
  return res.data
}

describe('elemMatch', () => {
  // The SDK's own advanced-operator data: arrays of strings, of numbers, of documents, and a nested array.
  const passages = [
    { category: 'Web', tags: ['JavaScript', 'C#'] },
    { category: 'number', tags: [1, 2, 3, 4, 5, 6, 7, 8, 9] },
    { category: 'embedded', tags: [{ value: 1 }, { value: 7 }] },
    { category: 'nested', tags: [[{ value: 1 }]] },
    { category: 'luke', tags: ['Go'] },
  ]
  const categories = async (where: object) =>
    ((await coll().where(where).get()).data as { category: string }[]).map((d) => d.category).sort()

  it('with field criteria matches only elements that are documents, never plain values', async () => {
    await coll().add(passages)
    expect(await categories({ tags: _().elemMatch({ value: _().exists(true) }) })).toEqual(['embedded'])
    expect(await categories({ tags: _().elemMatch({ value: _().gt(0) }) })).toEqual(['embedded'])
    // $all of $elemMatch items (the SDK's where() leaves commands inside $all unencoded: written raw)
    expect(await categories({ tags: { $all: [{ $elemMatch: { value: { $exists: true } } }] } })).toEqual(['embedded'])
  })

  it('with operator criteria tests the elements themselves; through arrays of documents on a path', async () => {
    await coll().add(passages)
    expect(await categories({ tags: _().elemMatch(_().gt(8)) })).toEqual(['number'])
    await coll().add({ category: 'groups', groups: [{ tags: [{ value: 1 }] }, { tags: [{ value: 7 }] }] })
    expect(await categories({ 'groups.tags': _().elemMatch({ value: _().gt(5) }) })).toEqual(['groups'])
    expect(await categories({ 'groups.tags': _().elemMatch({ value: _().gt(7) }) })).toEqual([])
  })
})

describe('jsonSchema', () => {
  const docs = [
    { category: 'Web', n: 1 },
    { category: 'Life', n: 2.5 },
    { n: 3, tags: ['a'] },
  ]

  it('where and inside nor, as the SDK tests it', async () => {
    await coll().add(docs)
    expect(
      (
        await coll()
          .where(_().jsonSchema({ required: ['category'] }))
          .count()
      ).total,
    ).toBe(2)
    expect(
      (
        await coll()
          .where(_().nor([_().jsonSchema({ required: ['n'] })]))
          .count()
      ).total,
    ).toBe(0)
  })

  it('bsonType, properties, minimum and enum: a keyword constrains only values of its kind', async () => {
    await coll().add(docs)
    const where = (schema: object) => coll().where(_().jsonSchema(schema)).count()
    expect((await where({ properties: { n: { bsonType: 'int' } } })).total).toBe(2)
    expect((await where({ properties: { n: { bsonType: 'double', minimum: 2 } } })).total).toBe(1)
    expect((await where({ properties: { category: { enum: ['Web'] } } })).total).toBe(2)
    expect((await where({ properties: { n: { minimum: 1, exclusiveMinimum: true } } })).total).toBe(2)
  })

  it('refuses keywords MongoDB does not take', async () => {
    await coll().add(docs)
    expect(
      await codeOf(
        coll()
          .where(_().jsonSchema({ $ref: '#/x' }))
          .get(),
      ),
    ).toBe('INVALID_PARAM')
    expect(
      await codeOf(
        coll()
          .where(_().jsonSchema({ type: 'integer' }))
          .get(),
      ),
    ).toBe('INVALID_PARAM')
  })
})

describe('aggregation operators', () => {
  it('$week counts weeks from Sunday: days before the first Sunday are week 0', async () => {
    const at = (n: number, iso: string) => ({ n, date: new Date(iso) })
    const rows = await project(
      [
        at(1, '2019-05-14T09:38:51.686Z'), // the SDK's and CloudBase's doc example: 19 (ISO week 20)
        at(2, '2016-01-01T00:00:00Z'), // a Friday: week 0 (ISO week 53 of 2015)
        at(3, '2016-01-03T00:00:00Z'), // the year's first Sunday: week 1
        at(4, '2017-01-01T00:00:00Z'), // 1 January on a Sunday: week 1
        at(5, '2018-12-31T23:00:00Z'), // a Monday: 52 (ISO week 1 of 2019)
        { n: 6 }, // no date: null
      ],
      { week: $().week('$date') },
    )
    expect(rows).toEqual([{ week: 19 }, { week: 0 }, { week: 1 }, { week: 1 }, { week: 52 }, { week: null }])
  })

  it('$week with a timezone (MongoDB doc example: 1998-11-01T00:00Z at -0500 is week 43)', async () => {
    const rows = await project([{ n: 1, date: new Date('1998-11-01T00:00:00Z') }], {
      utc: $().week('$date'),
      local: $().week({ date: '$date', timezone: '-0500' }),
    })
    expect(rows).toEqual([{ utc: 44, local: 43 }])
  })

  it('$indexOfCP counts code points, $indexOfBytes UTF-8 bytes', async () => {
    const rows = await project(
      [{ n: 1, s: 'Yuanxin' }, { n: 2, s: 'Weijia' }, { n: 3, s: 'Chengxi' }, { n: 4, s: '我来讲党课' }, { n: 5 }],
      {
        a: $().indexOfCP(['$s', 'a']),
        party: $().indexOfCP(['$s', '党']),
        partyBytes: $().indexOfBytes(['$s', '党']),
        from: $().indexOfCP(['$s', 'a', 3, 6]),
      },
    )
    expect(rows).toEqual([
      { a: 2, party: -1, partyBytes: -1, from: -1 },
      { a: 5, party: -1, partyBytes: -1, from: 5 },
      { a: -1, party: -1, partyBytes: -1, from: -1 },
      { a: -1, party: 3, partyBytes: 9, from: -1 },
      { a: null, party: null, partyBytes: null, from: null },
    ])
  })

  it('$substr and $substrBytes: a negative length means to the end, a negative start is ""', async () => {
    const rows = await project([{ n: 1, birthday: '1999/12/12', title: '我来讲党课' }], {
      year: $().substr(['$birthday', 0, 4]),
      day: $().substr(['$birthday', 8, -1]),
      dayBytes: $().substrBytes(['$birthday', 8, -1]),
      past: $().substr(['$birthday', 5, 100]),
      before: $().substr(['$birthday', -1, 2]),
      chinese: $().substrBytes(['$title', 3, 6]),
      missing: $().substr(['$nothing', 0, 2]),
    })
    expect(rows).toEqual([
      { year: '1999', day: '12', dayBytes: '12', past: '12/12', before: '', chinese: '来讲', missing: '' },
    ])
  })
})
