/**
 * checkin.live: the secretary's check-in screen — the current code (QR image and six digits) while check-in
 * (or, at L3, check-out) is open, who is signed up and who is in, the offline scans waiting for confirmation
 * (review.ts), the latest refused attempts and the latest audited actions. For those who manage the
 * lecture's host. Calls: binding and lecture side by side, then sign-ups, records, attempts and audit side
 * by side (one more per 1000 sign-ups or records): 6.
 */
import type { CheckinCode, LiveCheckin, LiveRow, ParsedInput } from '../../src/shared/contract'
import { checkinWindow, checkoutWindow, needsCheckout, needsCode } from '../../src/shared/checkinRules'
import { AppError, ERROR_MESSAGES, isErrorCode } from '../../src/shared/errors'
import type { CheckinAttemptDoc, CheckinAuditDoc, CheckinDoc, LectureDoc, SignupDoc } from '../../src/shared/model'
import { lectureCode } from '../_shared/checkinCodes'
import type { Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { managedLecture } from '../_shared/lectures'
import { qrImage } from './qrImage'
import { pendingRow } from './review'

/** The most documents one read answers. */
const PAGE = 1000
const LATEST = 20

export async function liveCheckin(input: ParsedInput<'checkin', 'live'>, ctx: HandlerContext): Promise<LiveCheckin> {
  const { db, now } = ctx
  const { lecture } = await managedLecture(ctx, input.lectureId)
  const { purpose } = input
  if (purpose === 'out' && !needsCheckout(lecture.checkinLevel)) {
    throw new AppError('INVALID_STATE', '只有要签退的党课（L3）才有签退码')
  }
  const [signups, records, attempts, audit, code] = await Promise.all([
    readAll<SignupDoc>(db, 'signups', { lectureId: lecture._id, status: 'confirmed' }),
    readAll<CheckinDoc>(db, 'checkins', { lectureId: lecture._id }),
    latest<CheckinAttemptDoc>(db, 'checkinAttempts', lecture._id),
    latest<CheckinAuditDoc>(db, 'checkinAudit', lecture._id),
    currentCode(lecture, purpose, now),
  ])
  const { opensAt, closesAt } = checkinWindow(lecture)
  const rows = rowsOf(signups, records)
  const live: LiveCheckin = {
    lectureId: lecture._id,
    lectureTitle: lecture.title,
    level: lecture.checkinLevel,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    purpose,
    counts: {
      signedUp: signups.length,
      checkedIn: rows.filter((r) => r.state === 'in' || r.state === 'out').length,
      checkedOut: rows.filter((r) => r.state === 'out').length,
      notYet: rows.filter((r) => r.signedUp && (r.state === 'none' || r.state === 'undone' || r.state === 'refused'))
        .length,
      pending: rows.filter((r) => r.state === 'pending').length,
    },
    rows,
    pending: records
      .filter((r) => r.status === 'pending')
      .map(pendingRow)
      .sort((a, b) => a.scannedAt.localeCompare(b.scannedAt)),
    failures: attempts.map((a) => ({
      name: a.memberName,
      at: a.at.toISOString(),
      code: a.code,
      message: isErrorCode(a.code) ? ERROR_MESSAGES[a.code] : a.code,
    })),
    audit: audit.map((a) => ({
      name: a.memberName,
      action: a.action,
      byName: a.byName,
      reason: a.reason,
      at: a.at.toISOString(),
    })),
    finished: lecture.status === 'finished',
  }
  if (code) live.code = code
  return live
}

/** The code to show: only while the lecture can be attended, its window is open and its level asks for one. */
async function currentCode(lecture: LectureDoc, purpose: 'in' | 'out', now: Date): Promise<CheckinCode | undefined> {
  if (!needsCode(lecture.checkinLevel)) return undefined
  if (lecture.status !== 'published' && lecture.status !== 'finished') return undefined
  const window = purpose === 'out' ? checkoutWindow(lecture) : checkinWindow(lecture)
  const t = now.getTime()
  if (t < window.opensAt.getTime() || t > window.closesAt.getTime()) return undefined
  const { qr, typed, refreshInMs } = lectureCode(lecture._id, purpose, t)
  return { qr, typed, refreshInMs, image: await qrImage(qr) }
}

/** Everyone who checked in, latest first, then signed-up members not (or no longer) in, by name. */
function rowsOf(signups: SignupDoc[], records: CheckinDoc[]): LiveRow[] {
  const signedUp = new Set(signups.map((s) => s.memberId))
  const recorded = new Set(records.map((r) => r.memberId))
  const rows: LiveRow[] = records.map((r) => {
    const row: LiveRow = {
      memberId: r.memberId,
      name: r.memberName,
      signedUp: signedUp.has(r.memberId),
      state: r.status,
      checkedInAt: r.checkedInAt.toISOString(),
      method: r.method,
    }
    if (r.checkedOutAt) row.checkedOutAt = r.checkedOutAt.toISOString()
    if (r.offline) row.offline = true
    return row
  })
  for (const s of signups) {
    if (!recorded.has(s.memberId))
      rows.push({ memberId: s.memberId, name: s.memberName, signedUp: true, state: 'none' })
  }
  const isIn = (r: LiveRow) => r.state === 'in' || r.state === 'out'
  return rows.sort((a, b) => {
    if (isIn(a) !== isIn(b)) return isIn(a) ? -1 : 1
    if (isIn(a)) return b.checkedInAt!.localeCompare(a.checkedInAt!)
    return a.name.localeCompare(b.name, 'zh-CN')
  })
}

async function readAll<T>(db: Database, collection: string, where: object): Promise<T[]> {
  const all: T[] = []
  for (;;) {
    const res = await db.collection(collection).where(where).orderBy('_id', 'asc').skip(all.length).limit(PAGE).get()
    const page = res.data as T[]
    all.push(...page)
    if (page.length < PAGE) return all
  }
}

function latest<T>(db: Database, collection: string, lectureId: string): Promise<T[]> {
  return db
    .collection(collection)
    .where({ lectureId })
    .orderBy('at', 'desc')
    .limit(LATEST)
    .get()
    .then((res) => res.data as T[])
}
