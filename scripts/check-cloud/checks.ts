/**
 * The cloud check: exactly the database and storage behaviours the functions rely on, each tried once
 * through the SDK as a function uses it. `npm run check:cloud` runs it against a real environment (or a
 * fresh local CloudBase), and __tests__/emulator/cloud-check.test.ts against the local CloudBase in
 * `npm test`, so the emulator and the service are held to the same list. It writes only to its own
 * scratch collection, plus two bindings with made-up ids (the unique index that matters is there), a
 * file under cloud-check/, and removes them all.
 */
import { addIfAbsent, type CloudApp, type Database } from '../../cloudfunctions/_shared/cloud'
import { lecturePageCode } from '../../cloudfunctions/_shared/miniProgramCode'
import { AppError } from '../../src/shared/errors'
import { escapeRegExp } from '../../src/shared/lectureRules'

export interface CheckResult {
  name: string
  ok: boolean
  /** What was seen (ok) or what went wrong (FAILED). */
  note?: string
}

interface Run {
  app: CloudApp
  db: Database
  scratch: string
  nonce: string
  /** Uploaded and not yet deleted: removed at the end whatever happened. */
  files: string[]
}

/** A check throws when the behaviour is not there; it may answer a note worth printing. */
type Check = [name: string, run: (r: Run) => Promise<string | void>]

const AGGREGATE_ROWS = 25

const CHECKS: Check[] = [
  [
    '条件更新 where().update() 答 updated 1，再来一次答 0',
    async ({ db, scratch }) => {
      const _ = db.command
      await db.collection(scratch).add({ _id: 'status', status: 'draft' })
      const publish = () =>
        db.collection(scratch).where({ _id: 'status', status: 'draft' }).update({ status: 'published' })
      expectEqual('first update', updatedOf(await publish()), 1)
      expectEqual('second update', updatedOf(await publish()), 0)
      // The seat claim: a plain counter condition, no $expr.
      await db.collection(scratch).add({ _id: 'seats', seatsFree: 1 })
      const claim = () =>
        db
          .collection(scratch)
          .where({ _id: 'seats', seatsFree: _.gt(0) })
          .update({ seatsFree: _.inc(-1) })
      expectEqual('first seat', updatedOf(await claim()), 1)
      expectEqual('no seat left', updatedOf(await claim()), 0)
    },
  ],
  [
    'updateAndReturn 答更新后的文档，条件不符答 updated 0',
    async ({ db, scratch }) => {
      const _ = db.command
      await db.collection(scratch).add({ _id: 'ticket', tickets: 0, open: true })
      const take = () =>
        db
          .collection(scratch)
          .where({ _id: 'ticket', open: true })
          .updateAndReturn({ tickets: _.inc(1) })
      const first = checked(await take())
      expectEqual('updated', first.updated, 1)
      expectEqual('tickets after', (first.doc as { tickets?: number } | null)?.tickets, 1)
      await db.collection(scratch).doc('ticket').update({ open: false })
      const refused = checked(await take())
      expectEqual('updated when closed', refused.updated ?? 0, 0)
      if (refused.doc) throw new Error(`a refused updateAndReturn answered a document: ${JSON.stringify(refused.doc)}`)
    },
  ],
  [
    '重复 _id：第二次 add 被拒，isDuplicateWrite 认得',
    async ({ db, scratch }) => {
      expectEqual('first add', await addIfAbsent(db, scratch, { _id: 'once' }), true)
      expectEqual('second add', await addIfAbsent(db, scratch, { _id: 'once' }), false)
    },
  ],
  [
    '唯一索引 bindings.memberId：重复被拒，isDuplicateWrite 认得',
    async ({ db, nonce }) => {
      const memberId = `cloud-check-${nonce}`
      const binding = (openid: string) => ({ _id: openid, memberId })
      expectEqual('first binding', await addIfAbsent(db, 'bindings', binding(`${memberId}-a`)), true)
      const second = await addIfAbsent(db, 'bindings', binding(`${memberId}-b`))
      if (second) throw new Error('a second binding of one member was written: run npm run deploy:database')
    },
  ],
  [
    '正则查询 db.RegExp：不分大小写，转义后的符号按字面',
    async ({ db, scratch }) => {
      await db.collection(scratch).add([
        { _id: 're-1', kind: 're', title: '学习党章 (第一讲) Party' },
        { _id: 're-2', kind: 're', title: '学习党章第一讲 party' },
      ])
      const find = async (text: string) => {
        const regexp = db.RegExp({ regexp: escapeRegExp(text), options: 'i' })
        const res = await db.collection(scratch).where({ kind: 're', title: regexp }).get()
        return (res.data as { _id: string }[]).map((d) => d._id).sort()
      }
      expectEqual('"(第一讲)"', await find('(第一讲)'), ['re-1'])
      expectEqual('"PARTY"', await find('PARTY'), ['re-1', 're-2'])
    },
  ],
  [
    `聚合 aggregate：写明 limit 时答全部 ${AGGREGATE_ROWS} 组`,
    async ({ db, scratch }) => {
      const rows = Array.from({ length: AGGREGATE_ROWS }, (_x, i) => ({ _id: `agg-${i}`, kind: 'agg', n: i }))
      await db.collection(scratch).add(rows)
      const $ = db.command.aggregate
      const grouped = (limit?: number) => {
        const q = db
          .collection(scratch)
          .aggregate()
          .match({ kind: 'agg' })
          .group({ _id: '$n', c: $.sum(1) })
        return (limit ? q.limit(limit) : q).end()
      }
      const all = (await grouped(AGGREGATE_ROWS)) as { data?: unknown[] }
      expectEqual('groups with limit', all.data?.length, AGGREGATE_ROWS)
      // Not what functions rely on (each sets its limit): shown so the operator sees the service's default.
      const bare = (await grouped()) as { data?: unknown[] }
      return `不写 limit 时答 ${bare.data?.length ?? 0} 组`
    },
  ],
  [
    '聚合 addFields 与 $in 排序：指定的文档排在最前，limit 截不掉（member.me 的 orgsOf）',
    async ({ db, scratch }) => {
      await db.collection(scratch).add(['a', 'b', 'z'].map((name) => ({ _id: `first-${name}`, kind: 'first', name })))
      const $ = db.command.aggregate
      const res = (await db
        .collection(scratch)
        .aggregate()
        .match({ kind: 'first' })
        .addFields({ own: $.in(['$_id', ['first-z']]) })
        .sort({ own: -1, name: 1 })
        .limit(2)
        .end()) as { data?: { _id: string }[] }
      expectEqual(
        'order',
        res.data?.map((d) => d._id),
        ['first-z', 'first-a'],
      )
    },
  ],
  [
    '地理位置 geoNear：lectures.venue.geo 的 2dsphere 索引，近者在前（多站取最近一站），距离为大圆米数',
    async ({ db, nonce, scratch }) => {
      const _ = db.command
      const at = (lng: number, lat: number) => new db.Geo.Point(lng, lat)
      // From 泉城广场 (117.0168 E, 36.6617 N), haversine on MongoDB's R = 6378100 m: 大明湖 1655.754 m; the
      // walk's nearer stop 趵突泉 277.668 m (its other stop, 济南西站, 11.36 km).
      const lake = { _id: `cloud-check-${nonce}-lake`, venue: { geo: at(117.0234, 36.6756) } }
      const walk = {
        _id: `cloud-check-${nonce}-walk`,
        venue: {
          geo: {
            type: 'MultiPoint',
            coordinates: [
              [116.89, 36.67],
              [117.0139, 36.6608],
            ],
          },
        },
      }
      const ids = [walk._id, lake._id]
      const square = at(117.0168, 36.6617)
      try {
        await db.collection('lectures').add([lake, walk]).then(checked)
        const near = await db
          .collection('lectures')
          .where({ _id: _.in(ids), 'venue.geo': _.geoNear({ geometry: square }) })
          .get()
        expectEqual(
          'nearest first',
          (checked(near).data as { _id: string }[]).map((d) => d._id),
          ids,
        )
        const measured = await db
          .collection('lectures')
          .aggregate()
          .geoNear({ near: square, distanceField: 'metres', key: 'venue.geo', query: { _id: _.in(ids) } })
          .limit(2)
          .end()
        const metres = ((measured as { data?: { metres: number }[] }).data ?? []).map((d) => d.metres)
        ;[277.668, 1655.754].forEach((want, i) => {
          if (!(Math.abs(metres[i] - want) < 1)) throw new Error(`distance ${i}: expected ${want} m, got ${metres[i]}`)
        })
        await db.collection(scratch).add({ _id: 'geo', loc: square })
        const unindexed = await refusal(() =>
          db
            .collection(scratch)
            .where({ loc: _.geoNear({ geometry: square }) })
            .get(),
        )
        if (!unindexed) throw new Error('a geoNear on a field without a 2dsphere index was answered')
        // The local CloudBase answers DATABASE_REQUEST_FAILED: another code from the service is shown.
        const other = unindexed === 'DATABASE_REQUEST_FAILED' ? '' : `（答 ${unindexed}，与本地不同）`
        return `${metres.map((m) => m.toFixed(1)).join(' 米、')} 米；无索引的字段被拒${other}`
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        throw new Error(/index|not exist/i.test(message) ? `${message} (the index: npm run deploy:database)` : message)
      } finally {
        await db
          .collection('lectures')
          .where({ _id: _.in(ids) })
          .remove()
          .catch(() => undefined)
      }
    },
  ],
  [
    '存储：上传、临时链接读回、删除',
    async ({ app, nonce, files }) => {
      const bytes = Buffer.from(`cloud check ${nonce}`, 'utf8')
      const { fileID } = await app.uploadFile({ cloudPath: `cloud-check/${nonce}.txt`, fileContent: bytes })
      files.push(fileID)
      const [link] = (await app.getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] })).fileList
      expectEqual('temporary URL', link.code, 'SUCCESS')
      const served = Buffer.from(await (await fetch(link.tempFileURL)).arrayBuffer())
      if (!served.equals(bytes)) throw new Error('the temporary URL served other bytes')
      expectEqual('delete', (await app.deleteFile({ fileList: [fileID] })).fileList[0].code, 'SUCCESS')
      files.pop()
      const gone = (await app.getTempFileURL({ fileList: [fileID] })).fileList[0]
      if (gone.code === 'SUCCESS') throw new Error('a deleted file still has a temporary URL')
    },
  ],
  [
    '导出文件：只凭带签名的临时链接可读，明链接读不到',
    async ({ app, nonce, files }) => {
      // As saveExport stores one (cloudfunctions/_shared/exports.ts); private only once `npm run deploy:storage` ran.
      const bytes = Buffer.from(`cloud check export ${nonce}`, 'utf8')
      const { fileID } = await app.uploadFile({
        cloudPath: `exports/cloud-check-${nonce}/名单.txt`,
        fileContent: bytes,
      })
      files.push(fileID)
      const [link] = (await app.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }] })).fileList
      expectEqual('temporary URL', link.code, 'SUCCESS')
      const signed = await fetch(link.tempFileURL)
      await signed.arrayBuffer()
      expectEqual('read with the signature', signed.status, 200)
      const plain = await fetch(link.tempFileURL.split('?')[0])
      await plain.arrayBuffer()
      if (plain.ok) throw new Error('an export is readable by its plain URL: run npm run deploy:storage (PRIVATE)')
      return `明链接答 HTTP ${plain.status}`
    },
  ],
  [
    '签到海报小程序码：答图片，或说清缺什么权限',
    async () => {
      try {
        const code = await lecturePageCode('cloud-check')
        if (!code.image.length) throw new Error('an empty image')
        return `${code.kind === 'local' ? '本地替代二维码' : '小程序码'} ${code.contentType} ${code.image.length} 字节`
      } catch (err) {
        if (err instanceof AppError && err.code === 'POSTER_CODE_UNAVAILABLE') {
          return `部署后海报会答“${err.explanation}”`
        }
        throw err
      }
    },
  ],
]

export const CHECK_NAMES = CHECKS.map(([name]) => name)

/** The collection a run writes to, made by the run. */
export const scratchCollection = (nonce: string) => `cloudCheck_${nonce}`

/** Runs every check in order, each on its own even if one before failed, then removes what they wrote. */
export async function runCloudChecks(app: CloudApp, nonce = randomNonce()): Promise<CheckResult[]> {
  const db = app.database()
  const run: Run = { app, db, scratch: scratchCollection(nonce), nonce, files: [] }
  await db.createCollection(run.scratch)
  const results: CheckResult[] = []
  try {
    for (const [name, check] of CHECKS) {
      try {
        const note = await check(run)
        results.push(note ? { name, ok: true, note } : { name, ok: true })
      } catch (err) {
        results.push({ name, ok: false, note: err instanceof Error ? err.message : String(err) })
      }
    }
  } finally {
    await cleanUp(run)
  }
  return results
}

/** The scratch collection's documents, the two bindings and a file left by a failed check (the scratch
 * collection itself: the script drops it where the manager API is at hand). */
async function cleanUp({ app, db, scratch, nonce, files }: Run): Promise<void> {
  const _ = db.command
  await db
    .collection(scratch)
    .where({ _id: _.exists(true) })
    .remove()
  await db
    .collection('bindings')
    .where({ memberId: `cloud-check-${nonce}` })
    .remove()
  if (files.length) await app.deleteFile({ fileList: files })
}

export function resultLine(r: CheckResult): string {
  return `${r.name} … ${r.ok ? 'ok' : 'FAILED'}${r.note ? `（${r.note}）` : ''}`
}

function randomNonce(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

function updatedOf(res: unknown): number | undefined {
  return checked(res as { updated?: number }).updated
}

/** The database answers some refusals as `{code, message}` instead of throwing. */
function checked<T extends object>(res: T): T & { updated?: number; doc?: unknown } {
  const { code, message } = res as { code?: string; message?: string }
  if (code) throw new Error(`${code} ${message ?? ''}`.trim())
  return res as T & { updated?: number; doc?: unknown }
}

/** The code a refused call answers (thrown, or as `{code}`); undefined when it was answered. */
async function refusal(call: () => Promise<unknown>): Promise<string | undefined> {
  try {
    return ((await call()) as { code?: string }).code
  } catch (err) {
    return (err as { code?: string }).code ?? String(err)
  }
}

function expectEqual(what: string, actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
  }
}
