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
  manageLectures: '/manage/lectures/index',
  manageMembers: '/manage/members/index',
  manageProposals: '/manage/proposals/index',
  manageRoster: (id: string) => `/manage/roster/index?id=${encodeURIComponent(id)}`,
} as const

/** The local sign-in page of the h5 build (served by the local server, outside the app's router). */
export const H5_LOGIN_URL = '/app/login'
