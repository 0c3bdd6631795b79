/**
 * Binding a WeChat identity to a roster entry: the one schema a page of the main package parses with
 * (pages/bind). Written with zod/mini, whose functions a bundler keeps only when used, so that the main
 * package carries ~20 KB of zod instead of classic zod's ~95 KB; the rest of the contract is classic zod.
 */
import * as z from 'zod/mini'
import './locale'

export const phone = z.string().check(z.trim(), z.regex(/^1[3-9]\d{9}$/, '请填写11位手机号'))
/** A name as on the roster. */
export const memberName = z.string().check(z.trim(), z.minLength(1), z.maxLength(20))
export const inviteCode = z.string().check(z.trim(), z.toUpperCase(), z.regex(/^[A-Z0-9]{6}$/, '邀请码是6位字母或数字'))

export const bindInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('invite'), code: inviteCode }),
  z.object({
    method: z.literal('roster'),
    name: memberName,
    phone,
  }),
])
