/**
 * Exports are private and short-lived (cloudfunctions/_shared/exports.ts): an unguessable folder, a
 * temporary URL, a record in `exports`, and removeOldExports (the maintenance timer's job) deleting files
 * and records older than a day.
 */
import { EXPORT_KEPT_MS, removeOldExports, saveExport } from '../../cloudfunctions/_shared/exports'
import type { ExportDoc } from '../../src/shared/model'
import { cloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'

let cloud: TestCloud
cloudForFile((started) => (cloud = started))

const now = new Date()
const ago = (ms: number) => new Date(now.getTime() - ms)
const records = () => cloud.emulator.store.scan('exports', {}).map((r) => r.doc as unknown as ExportDoc)
const status = async (fileId: string) =>
  (await cloud.app.getTempFileURL({ fileList: [fileId] })).fileList[0].code as string

it('stores each export under its own random folder, on record, behind a temporary URL', async () => {
  const [a, b] = [
    await saveExport(cloud.db, '名单.xlsx', Buffer.from('a'), now),
    await saveExport(cloud.db, '名单.xlsx', Buffer.from('b'), now),
  ]
  expect(a.fileId).toMatch(/\/exports\/[0-9a-f]{32}\/名单\.xlsx$/)
  expect(a.fileId).not.toBe(b.fileId)
  expect((await fetch(a.url)).status).toBe(200)
  expect((await fetch(a.url.split('?')[0])).status).toBe(403)
  expect(records().filter((r) => r.fileId === a.fileId || r.fileId === b.fileId)).toHaveLength(2)
  // a title's `#`, `%`, `?` or `..` neither breaks the URL nor the path
  const odd = await saveExport(cloud.db, '100%完成#1？学习...精神?.xlsx', Buffer.from('d'), now)
  expect(odd.fileId).toMatch(/\/[0-9a-f]{32}\/100-完成-1？学习.精神-\.xlsx$/)
  expect((await fetch(odd.url)).status).toBe(200)
  // a slash in a name (a lecture's title) cannot make another folder
  expect((await saveExport(cloud.db, '党课/名单.xlsx', Buffer.from('c'), now)).fileId).toMatch(
    /\/[0-9a-f]{32}\/党课-名单\.xlsx$/,
  )
})

it('removes the files and records older than a day, keeps the rest, and is safe to run again', async () => {
  const old = await saveExport(cloud.db, '旧.xlsx', Buffer.from('old'), ago(EXPORT_KEPT_MS + 60_000))
  const older = await saveExport(cloud.db, '更旧.xlsx', Buffer.from('older'), ago(3 * EXPORT_KEPT_MS))
  const fresh = await saveExport(cloud.db, '新.xlsx', Buffer.from('new'), ago(EXPORT_KEPT_MS - 60_000))
  // one already gone from storage (a run stopped midway): its record still goes
  await cloud.app.deleteFile({ fileList: [older.fileId] })
  const before = records().length

  expect(await removeOldExports(cloud.app, now)).toBe(2)
  expect(await status(old.fileId)).toBe('STORAGE_FILE_NONEXIST')
  expect(await status(fresh.fileId)).toBe('SUCCESS')
  expect(records().map((r) => r.fileId)).not.toContain(old.fileId)
  expect(records().map((r) => r.fileId)).not.toContain(older.fileId)
  expect(records()).toHaveLength(before - 2)
  expect(await removeOldExports(cloud.app, now)).toBe(0)
})

it('works through many old exports a batch at a time, and two runs at once count each export once', async () => {
  for (let i = 0; i < 120; i++) await saveExport(cloud.db, `x${i}.xlsx`, Buffer.from('x'), ago(2 * EXPORT_KEPT_MS))
  const runs = await Promise.all([removeOldExports(cloud.app, now), removeOldExports(cloud.app, now)])
  expect(runs[0] + runs[1]).toBe(120)
  expect(records().every((r) => r.createdAt.getTime() > now.getTime() - EXPORT_KEPT_MS)).toBe(true)
})
