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
