/**
 * Where the member pages lead, in one place (src/app.config.ts lists the pages). Ids go into the
 * query string encoded, so that an id with unusual characters cannot break the address.
 */
export const routes = {
  index: '/pages/index/index',
  mine: '/pages/mine/index',
  bind: '/pages/bind/index',
  lecture: (id: string) => `/pages/lecture/index?id=${encodeURIComponent(id)}`,
  propose: '/member/propose/index',
  /** 首次启用: the first city administrator's setup code (from 绑定). */
  setup: '/member/setup/index',
  /** The member's check-in page; `qr` is a code the member already scanned (from "我的" → 扫码签到). */
  checkin: (id: string, qr?: string) =>
    `/member/checkin/index?id=${encodeURIComponent(id)}${qr ? `&qr=${encodeURIComponent(qr)}` : ''}`,
  hours: '/member/hours/index',
  /** Rating a lecture attended (评价), or the rating as given. */
  rate: (id: string) => `/member/rate/index?id=${encodeURIComponent(id)}`,
  /** 待评价: lectures attended, waiting for the member's rating. */
  toRate: '/member/torate/index',
  /** 我讲的党课: the lectures the member gives, their hours and ratings. */
  given: '/member/given/index',
  /** One lecture's ratings (lecturer, its officers, administrators above). */
  ratings: (id: string) => `/member/ratings/index?id=${encodeURIComponent(id)}`,
  myCode: '/member/mycode/index',
  privacy: '/member/privacy/index',
  myData: '/member/mydata/index',
  /** Sign-ups left behind in the old branch after a transfer, to cancel. */
  moved: '/member/moved/index',
  /** 附近的党课 (from the 附近 chip of the lecture list). */
  nearby: '/member/nearby/index',
  /** 重点选题: the year's key topics, and one topic with its lectures. */
  topics: '/member/topics/index',
  topic: (id: string) => `/member/topic/index?id=${encodeURIComponent(id)}`,
  /** 师资库: a lecturer's profile, and the bound lecturer's invitations to lecture. */
  lecturer: (id: string) => `/member/lecturer/index?id=${encodeURIComponent(id)}`,
  invitations: '/member/invitations/index',
  managePool: '/manage/pool/index',
  manageLectures: '/manage/lectures/index',
  manageMembers: '/manage/members/index',
  manageProposals: '/manage/proposals/index',
  manageOrg: '/manage/org/index',
  manageAppoint: '/manage/appoint/index',
  manageTopics: '/manage/topics/index',
  manageRoster: (id: string) => `/manage/roster/index?id=${encodeURIComponent(id)}`,
} as const

/** The local sign-in page of the h5 build (served by the local server, outside the app's router). */
export const H5_LOGIN_URL = '/app/login'

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
