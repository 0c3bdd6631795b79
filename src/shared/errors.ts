/**
 * The closed list of refusal codes. Every refusal a function answers carries one of these codes and
 * the Chinese message here, so that a page can show it as it is and a test can match the code.
 */
export const ERROR_MESSAGES = {
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  UNKNOWN_ACTION: '不支持的操作，请更新小程序后再试',
  NOT_SIGNED_IN: '请先登录',
  NOT_A_MEMBER: '您还没有绑定党员身份，请先绑定',
  FORBIDDEN: '您没有权限进行这个操作',
  NOT_FOUND: '没有找到相关内容，可能已被删除',
  ALREADY_BOUND: '这个微信已经绑定了党员身份',
  MEMBER_TAKEN: '这位党员已绑定其他微信，如手机更换请联系支部书记解绑',
  NO_MATCH: '没有找到对应的党员信息，请核对姓名、手机号或邀请码',
  TOO_MANY_ATTEMPTS: '尝试次数过多，请稍后再试',
  NOT_VISIBLE: '这场党课不对您开放',
  LECTURE_NOT_OPEN: '这场党课目前不能报名',
  SIGNUP_CLOSED: '报名已截止',
  ALREADY_SIGNED_UP: '您已经报过名了',
  NOT_SIGNED_UP: '您还没有报名这场党课',
  CANCEL_TOO_LATE: '已过取消报名的时间',
  INVALID_STATE: '当前状态下不能进行这个操作',
  LECTURE_CANCELLED: '这场党课已取消',
  CHECKIN_NOT_OPEN: '签到还没有开始',
  CHECKIN_CLOSED: '签到已经结束',
  CODE_REQUIRED: '请扫描现场的签到二维码，或输入二维码下方的数字',
  WRONG_LECTURE: '这个签到码不是这场党课的',
  CODE_INVALID: '签到码不对，请核对现场屏幕上的签到码',
  CODE_EXPIRED: '签到码已过期，请扫描现场屏幕上最新的二维码',
  LOCATION_REQUIRED: '这场党课要定位签到，请允许小程序获取您的位置',
  TOO_FAR: '您离党课现场太远，请到现场后再签到',
  NOT_CHECKED_IN: '您还没有签到，不能签退',
  OFFLINE_TOO_LATE: '这次扫码没能及时上传，已超过时限，请联系支部书记补签',
  MEMBER_CODE_INVALID: '党员码无效或已过期，请让对方刷新后再扫',
  LECTURER_NOT_ALLOWED: '主讲人须是您本人或您所管理支部的党员；特邀的主讲人只填姓名，不记讲授学时',
  CHECKIN_UNDONE: '支部书记已撤销您这次签到，如有疑问请联系支部书记',
  POSTER_CODE_UNAVAILABLE: '暂时生成不了小程序码，请联系系统管理员开通微信接口',
  SETUP_CODE_INVALID: '启用码不对或已过期，请向负责部署的同志核对',
  SETUP_DONE: '这个环境已经启用，首位管理员已经产生；请向管理员要邀请码',
  NODE_CLOSED: '这个组织已撤销，不能再进行这个操作',
  LAST_ADMIN: '您是全市最后一位管理员，不能撤下自己；请先任命另一位',
  MEMBER_INACTIVE: '这位党员已不在党员名册中',
  TRANSFER_PENDING: '这位党员有一个转接还在等待接收，请先处理',
  NOT_ATTENDED: '您没有这场党课的签到记录，不能评价',
  RATING_NOT_OPEN: '党课结束后才能评价',
  RATING_CLOSED: '这场党课的评价时间已过',
  ALREADY_RATED: '您已经评价过这场党课，评价提交后不能修改',
  TOPIC_UNAVAILABLE: '这个选题没有发布，或不在您所在组织的范围内',
  LECTURER_REMOVED: '这位主讲人已移出师资库',
  INTERNAL: '系统繁忙，请稍后再试',
  NETWORK: '网络不通，请检查网络后再试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export interface Refusal {
  ok: false
  code: ErrorCode
  message: string
  /** Optional detail for the person (e.g. which field is wrong). */
  explanation?: string
}

export interface Success<T> {
  ok: true
  data: T
}

/** The one reply envelope of every action. */
export type Reply<T> = Success<T> | Refusal

export function refusal(code: ErrorCode, explanation?: string): Refusal {
  return explanation === undefined
    ? { ok: false, code, message: ERROR_MESSAGES[code] }
    : { ok: false, code, message: ERROR_MESSAGES[code], explanation }
}

/** Thrown by domain code and handlers; the router turns it into a Refusal. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly explanation?: string,
  ) {
    super(`${code}: ${ERROR_MESSAGES[code]}${explanation ? ` (${explanation})` : ''}`)
    this.name = 'AppError'
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value)
}
