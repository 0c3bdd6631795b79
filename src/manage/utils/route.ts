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
} as const

/** '/manage/edit/index' + {id: 'l 1'} → '/manage/edit/index?id=l%201'; empty values are left out. */
export function pageUrl(page: keyof typeof MANAGE_PAGES, params: Record<string, string | undefined> = {}): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')
  return query ? `${MANAGE_PAGES[page]}?${query}` : MANAGE_PAGES[page]
}

/**
 * A query parameter as the page was opened with it. WeChat hands query values over still
 * percent-encoded (h5 decodes them), so decode once, and keep the raw value if it is not valid.
 */
export function readParam(params: Record<string, string | undefined> | undefined, key: string): string | undefined {
  const raw = params?.[key]
  if (!raw) return undefined
  try {
    return decodeURIComponent(raw)
  } catch (_err) {
    return raw
  }
}
