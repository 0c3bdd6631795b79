/** Page addresses of the manage sub-package, and reading their query parameters. */

export const MANAGE_PAGES = {
  lectures: '/manage/lectures/index',
  edit: '/manage/edit/index',
  roster: '/manage/roster/index',
  proposals: '/manage/proposals/index',
  members: '/manage/members/index',
  checkin: '/manage/checkin/index',
  hours: '/manage/hours/index',
  targets: '/manage/targets/index',
  transfers: '/manage/transfers/index',
} as const

/** '/manage/edit/index' + {id: 'l 1'} → '/manage/edit/index?id=l%201'; empty values are left out. */
export function pageUrl(page: keyof typeof MANAGE_PAGES, params: Record<string, string | undefined> = {}): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')
  return query ? `${MANAGE_PAGES[page]}?${query}` : MANAGE_PAGES[page]
}

/** The main package's rule (a sub-package may import from the main package, not the reverse). */
export { readParam } from '../../utils/routes'
