/**
 * Exported files (rosters, hours sheets: names, phones, hours) are private: each is stored under a folder
 * named with 128 random bits, handed out only as a temporary URL that expires, kept on record in `exports`,
 * and removed after a day by removeOldExports (the maintenance timer calls it). The storage rule declared
 * in cloudfunctions/storage.json keeps clients from reading them at all; only the functions do.
 */
import { randomBytes } from 'crypto'
import { unguessableName } from '../../src/shared/files'
import type { ExportDoc } from '../../src/shared/model'
import { type CloudApp, cloudApp, type Database } from './cloud'

/** How long the download link works: long enough to open it, short enough that a forwarded link dies. */
export const EXPORT_URL_SECONDS = 3600
/** How long an exported file is kept at all. */
export const EXPORT_KEPT_MS = 24 * 3600 * 1000
/** Files deleted per storage call (the SDK sends the list in one request). */
const DELETE_BATCH = 50

/** Stores an export as `exports/<random>/<fileName>` and answers its file id and a temporary URL. */
export async function saveExport(
  db: Database,
  fileName: string,
  bytes: Buffer,
  now: Date,
): Promise<{ fileId: string; url: string }> {
  const app = cloudApp()
  const folder = unguessableName(randomBytes(16))
  // A lecture's title makes the name: nothing in it may make a folder, a query or an escape of the URL.
  const cloudPath = `exports/${folder}/${fileName.replace(/[\\/#%?]/g, '-').replace(/\.{2,}/g, '.')}`
  const { fileID } = await app.uploadFile({ cloudPath, fileContent: bytes })
  try {
    await db.collection('exports').add({ _id: folder, fileId: fileID, createdAt: now } satisfies ExportDoc)
  } catch (err) {
    // Not on record means never removed: take the file back rather than keep it for good.
    await app.deleteFile({ fileList: [fileID] }).catch(() => undefined)
    throw err
  }
  const urls = await app.getTempFileURL({ fileList: [{ fileID, maxAge: EXPORT_URL_SECONDS }] })
  const url = urls.fileList?.[0]?.tempFileURL
  if (!url) throw new Error(`saveExport: no download URL for ${fileID}`)
  return { fileId: fileID, url }
}

/**
 * Deletes the exported files made more than a day before `now`, and their records; answers how many. A file
 * already gone counts as deleted. Called by the maintenance timer; safe to run twice at once.
 */
export async function removeOldExports(app: CloudApp, now: Date): Promise<number> {
  const db = app.database()
  const _ = db.command
  const before = new Date(now.getTime() - EXPORT_KEPT_MS)
  let removed = 0
  let after = '' // a cursor, so that files storage would not delete are passed over (the next run tries again)
  for (;;) {
    const found = await db
      .collection('exports')
      .where({ createdAt: _.lt(before), _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(DELETE_BATCH)
      .get()
    const old = found.data as ExportDoc[]
    if (!old.length) return removed
    after = old[old.length - 1]._id
    const deleted = await app.deleteFile({ fileList: old.map((e) => e.fileId) })
    const gone = new Set(
      (deleted.fileList ?? [])
        .filter((f) => f.code === 'SUCCESS' || f.code === 'STORAGE_FILE_NONEXIST')
        .map((f) => f.fileID),
    )
    const ids = old.filter((e) => gone.has(e.fileId)).map((e) => e._id)
    if (ids.length < old.length) console.warn(`removeOldExports: storage kept ${old.length - ids.length} files`)
    if (!ids.length) continue
    const res = await db
      .collection('exports')
      .where({ _id: _.in(ids) })
      .remove()
    removed += (res as { deleted?: number }).deleted ?? 0 // a run alongside may have removed some already
  }
}
