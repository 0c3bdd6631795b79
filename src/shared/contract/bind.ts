/**
 * Binding a WeChat identity to a roster entry. Written with zod/mini from the patterns and words of
 * ../bindRules.ts, which the bind page (main package) checks with instead, so that no zod rides in the main
 * package; the rest of the contract is classic zod.
 */
import * as z from 'zod/mini'
import { INVITE_CODE, INVITE_CODE_WORDS, NAME_MAX, PHONE, PHONE_WORDS } from '../bindRules'
import './locale'

export const phone = z.string().check(z.trim(), z.regex(PHONE, PHONE_WORDS))
/** A name as on the roster. */
export const memberName = z.string().check(z.trim(), z.minLength(1), z.maxLength(NAME_MAX))
export const inviteCode = z.string().check(z.trim(), z.toUpperCase(), z.regex(INVITE_CODE, INVITE_CODE_WORDS))

export const bindInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('invite'), code: inviteCode }),
  z.object({
    method: z.literal('roster'),
    name: memberName,
    phone,
  }),
])
