/** What the lecture list asks for: theme tab, filter chip and search text, as one `lecture.list` payload. */
import type { ActionInput } from '../shared/contract'
import type { LIST_FILTERS, LectureList } from '../shared/contract'
import type { ThemeCode } from '../shared/themes'

export type ListFilter = (typeof LIST_FILTERS)[number]

export interface ListQuery {
  theme?: ThemeCode
  filter: ListFilter
  /** Title or lecturer; '' for no search. */
  q: string
}

export const DEFAULT_QUERY: ListQuery = { filter: 'upcoming', q: '' }

/**
 * The payload of one page. Defaults are left out (the contract fills them in), so that the plain
 * first page is just `{pageSize}` and a reader of the request sees only what the member chose.
 */
export function listPayload(
  query: ListQuery,
  pageSize: number,
  after?: NonNullable<LectureList['next']>,
): ActionInput<'lecture', 'list'> {
  const q = query.q.trim()
  return {
    pageSize,
    ...(query.theme ? { theme: query.theme } : {}),
    ...(query.filter !== DEFAULT_QUERY.filter ? { filter: query.filter } : {}),
    ...(q ? { q } : {}),
    ...(after ? { after } : {}),
  }
}
