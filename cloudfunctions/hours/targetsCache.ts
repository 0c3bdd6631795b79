/**
 * The yearly targets (settings document `studyHourTargets`), kept in the function instance for a minute:
 * every hours page needs them and they change a few times a year, so the page costs no read for them.
 * An instance that sets them keeps what it wrote; others see the change within CACHE_MS.
 */
import type { HourTargetsDoc } from '../../src/shared/model'
import type { Database } from '../_shared/cloud'

export const TARGETS_ID = 'studyHourTargets'
const CACHE_MS = 60_000

let cached: { doc: HourTargetsDoc | undefined; until: number } | undefined

/** The settings document (undefined: none yet, the defaults apply), from the cache when it is fresh. */
export async function loadTargets(db: Database, now: Date): Promise<HourTargetsDoc | undefined> {
  if (cached && now.getTime() < cached.until) return cached.doc
  const res = await db.collection('settings').doc(TARGETS_ID).get()
  const doc = (res.data as HourTargetsDoc[])[0]
  rememberTargets(doc, now)
  return doc
}

export function rememberTargets(doc: HourTargetsDoc | undefined, now: Date): void {
  cached = { doc, until: now.getTime() + CACHE_MS }
}
