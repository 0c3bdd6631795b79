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
