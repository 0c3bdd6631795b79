/** Shared by the member function tests: calls as a WeChat identity, and the openid of a seeded member. */
import { main } from '../../cloudfunctions/member/main'
import { caller } from '../support/caller'

const memberFunction = caller(main)
export const call = (openid: string | undefined, action: string, payload?: unknown) =>
  memberFunction.call(action, payload, openid)

/** A seeded member signs in with this openid (once bound). */
export const as = (memberId: string) => `demo-${memberId}`
