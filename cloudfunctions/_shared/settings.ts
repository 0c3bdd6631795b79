/**
 * Documents of the `settings` collection (yearly study-hour targets, check-in rules), kept in the function
 * instance for a minute: many calls need them and they change a few times a year, so a call costs no read
 * for them. An instance that writes one keeps what it wrote; others see the change within CACHE_MS.
 */
import { CHECKIN_SETTINGS_ID, type CheckinSettings, checkinSettingsOf } from '../../src/shared/checkinRules'
import type { CheckinSettingsDoc, HourTargetsDoc, PrivacySettingsDoc, RatingSettingsDoc } from '../../src/shared/model'
import { PRIVACY_SETTINGS_ID, retentionDaysOf } from '../../src/shared/privacy'
import { RATING_SETTINGS_ID, type RatingSettings, ratingSettingsOf } from '../../src/shared/ratingRules'
import type { Database } from './cloud'

export const TARGETS_ID = 'studyHourTargets'
const CACHE_MS = 60_000

const cache = new Map<string, { doc: unknown; until: number }>()

/** A settings document (undefined: none yet, the defaults apply), from the cache when it is fresh. */
async function loadSetting<T>(db: Database, id: string, now: Date): Promise<T | undefined> {
  const hit = cache.get(id)
  if (hit && now.getTime() < hit.until) return hit.doc as T | undefined
  const res = await db.collection('settings').doc(id).get()
  const doc = (res.data as T[])[0]
  rememberSetting(id, doc, now)
  return doc
}

export function rememberSetting(id: string, doc: unknown, now: Date): void {
  cache.set(id, { doc, until: now.getTime() + CACHE_MS })
}

export const loadTargets = (db: Database, now: Date) => loadSetting<HourTargetsDoc>(db, TARGETS_ID, now)

export async function loadCheckinSettings(db: Database, now: Date): Promise<CheckinSettings> {
  return checkinSettingsOf(await loadSetting<CheckinSettingsDoc>(db, CHECKIN_SETTINGS_ID, now))
}

/** Days a deactivated member's phone is kept (settings `privacy`, default 365). */
export async function loadRetentionDays(db: Database, now: Date): Promise<number> {
  return retentionDaysOf(await loadSetting<PrivacySettingsDoc>(db, PRIVACY_SETTINGS_ID, now))
}

/** The rating window (settings `ratingRules`, default 7 days after the end). */
export async function loadRatingSettings(db: Database, now: Date): Promise<RatingSettings> {
  return ratingSettingsOf(await loadSetting<RatingSettingsDoc>(db, RATING_SETTINGS_ID, now))
}
