/** A member's own documents of one kind ("my hours", "my proposals", "my lectures"), newest first. */
import type { Database } from './cloud'

/** One query: the documents of `collection` matching `where`, newest by `field` first, at most `limit`. */
export async function newestFirst<T>(
  db: Database,
  collection: string,
  where: Record<string, unknown>,
  field: string,
  limit: number,
): Promise<T[]> {
  const res = await db.collection(collection).where(where).orderBy(field, 'desc').limit(limit).get()
  return res.data as T[]
}
