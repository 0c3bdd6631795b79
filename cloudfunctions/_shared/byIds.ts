/** Documents read by their ids, a page of ids per call: a `get` answers at most a thousand. */
import type { Database } from './cloud'

const PAGE = 1000

/** The documents of `collection` among `ids` that exist, with only `fields` (and _id). Reads: one per thousand ids. */
export async function readByIds<T extends { _id: string }>(
  db: Database,
  collection: string,
  ids: string[],
  fields: Record<string, true>,
): Promise<T[]> {
  const _ = db.command
  const found: T[] = []
  for (let i = 0; i < ids.length; i += PAGE) {
    const res = await db
      .collection(collection)
      .where({ _id: _.in(ids.slice(i, i + PAGE)) })
      .field(fields)
      .limit(PAGE)
      .get()
    found.push(...(res.data as T[]))
  }
  return found
}
