/** Documents newest first: a member's own of one kind ("my hours", "my proposals", "my lectures"), a subtree's audit. */
import type { Database } from './cloud'

/**
 * One query: the documents of `collection` matching `where`, newest by `field` first, at most `limit`;
 * with `tieBreak`, equal times newest by that field too (keyset paging needs a total order).
 */
export async function newestFirst<T>(
  db: Database,
  collection: string,
  where: object,
  field: string,
  limit: number,
  tieBreak?: string,
  projection?: Record<string, boolean>,
): Promise<T[]> {
  let query = db.collection(collection).where(where).orderBy(field, 'desc')
  if (tieBreak) query = query.orderBy(tieBreak, 'desc')
  query = query.limit(limit)
  const res = await (projection ? query.field(projection) : query).get()
  return res.data as T[]
}
