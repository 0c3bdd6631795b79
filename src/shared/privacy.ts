/**
 * How long the phone number of a member who left the rolls is kept (design15 "Phone removal"): the settings
 * doc `privacy` may set another number of days; the maintenance timer removes it after that.
 */
export const RETENTION_DAYS_DEFAULT = 365
export const PRIVACY_SETTINGS_ID = 'privacy'

/** The retention in days: the document's when it is a sensible number of days, else the default. */
export function retentionDaysOf(doc: { retentionDays?: number } | undefined): number {
  const days = doc?.retentionDays
  return typeof days === 'number' && Number.isInteger(days) && days >= 1 ? days : RETENTION_DAYS_DEFAULT
}

/** What replaces a removed phone: unique per member, because the unique phone index forbids two missing values. */
export const removedPhone = (memberId: string): string => `removed:${memberId}`

/** Whether a stored phone is one removed after the retention period. */
export const isRemovedPhone = (phone: string): boolean => phone.startsWith('removed:')
