/** Shared by the handlers that turn stored documents into what pages see. */

/**
 * Only the fields that hold something: a view leaves out a reason or link the document does not have, so
 * pages test for presence alone (an empty reason counts as none).
 */
export function setFieldsOf<T extends Record<string, string | undefined>>(fields: T): Partial<T> {
  const set: Partial<T> = {}
  for (const key of Object.keys(fields) as (keyof T)[]) if (fields[key]) set[key] = fields[key]
  return set
}
