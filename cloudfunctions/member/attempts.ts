/**
 * Tries at something guessable (an invite code, a roster's name + phone, the setup code), counted per WeChat
 * identity in `bindAttempts`: more than MAX_BIND_ATTEMPTS within the window is refused.
 */
import { AppError } from '../../src/shared/errors'
import type { HandlerContext } from '../_shared/router'

export const MAX_BIND_ATTEMPTS = 5
export const BIND_ATTEMPT_WINDOW_MS = 10 * 60_000

/**
 * Counts this try, running `meanwhile` (a read the caller needs anyway) beside the count; throws
 * TOO_MANY_ATTEMPTS with `hint` past the limit. Database calls: 2 (the try written, then the count).
 *
 * Every try is written down BEFORE it is counted, so that a burst of simultaneous guesses cannot all pass
 * the count: each sees at least the tries written before its own. A right try counts too (harmless: the
 * identity is then bound); a refused one is taken back, so that the lock lasts 10 minutes, not longer.
 */
export async function countAttempt<T>(
  ctx: HandlerContext & { openid: string },
  method: 'invite' | 'roster' | 'setup',
  hint: string,
  meanwhile: () => Promise<T>,
): Promise<T> {
  const { db, now, openid } = ctx
  const attempts = db.collection('bindAttempts')
  const attempt = await attempts.add({ openid, at: now, method })
  const since = new Date(now.getTime() - BIND_ATTEMPT_WINDOW_MS)
  const [count, result] = await Promise.all([attempts.where({ openid, at: db.command.gt(since) }).count(), meanwhile()])
  if (count.total > MAX_BIND_ATTEMPTS) {
    await attempts.doc(String(attempt.id)).remove()
    throw new AppError('TOO_MANY_ATTEMPTS', hint)
  }
  return result
}
