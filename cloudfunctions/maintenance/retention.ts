/**
 * The timer's phone removal (design15 "Phone removal", the 隐私政策's promise): the phone of a member who
 * left the rolls (status 'inactive') longer than the retention setting ago becomes `removed:<memberId>`
 * (the unique phone index forbids two missing values) with phoneRemovedAt; name and history stay.
 * Bounded: at most ROUNDS pages of PAGE members a run, and never past the run's deadline (the next hourly
 * run goes on). Idempotent: a member
 * whose phone is already removed is never matched again, and each update is conditional on that too.
 */
import type { MemberDoc } from '../../src/shared/model'
import { removedPhone } from '../../src/shared/privacy'
import { loadRetentionDays } from '../_shared/settings'
import type { JobContext } from './timer'

const DAY = 24 * 3600_000
const PAGE = 100
const ROUNDS = 5

export async function removeOldPhones({ db, now, deadline }: JobContext) {
  const _ = db.command
  const before = new Date(now.getTime() - (await loadRetentionDays(db, now)) * DAY)
  const due = { status: 'inactive', deactivatedAt: _.lt(before), phoneRemovedAt: _.exists(false) }
  let removed = 0
  for (let round = 0; round < ROUNDS; round++) {
    const res = await db.collection('members').where(due).field({ _id: true }).limit(PAGE).get()
    const ids = (res.data as Pick<MemberDoc, '_id'>[]).map((m) => m._id)
    if (!ids.length) return { removed, unfinished: false }
    // One update per member: each gets its own placeholder phone.
    for (const id of ids) {
      if (Date.now() > deadline) return { removed, unfinished: true }
      const r = await db
        .collection('members')
        .where({ _id: id, phoneRemovedAt: _.exists(false) })
        .update({ phone: removedPhone(id), phoneRemovedAt: now })
      removed += (r as { updated?: number }).updated ?? 0
    }
  }
  return { removed, unfinished: true }
}
