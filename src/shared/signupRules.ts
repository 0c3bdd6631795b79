/**
 * Sign-up rules, pure: which refusal a sign-up, a cancellation or a secretary's decision meets, what an
 * earlier sign-up of the same member means for a new one, what giving up a sign-up frees, where a member
 * stands on the waitlist, which of a member's lectures are upcoming, and how the roster reads in a
 * spreadsheet. The signup function (cloudfunctions/signup) asks the database; these functions decide.
 */
import type { RosterRow, SignupStatus } from './contract'
import type { ErrorCode } from './errors'
import type { LectureDoc, SignupDoc, SignupState } from './model'
import { type Actor, canSeeLecture } from './rights'
import { chinaDate, chinaDateTime } from './chinaTime'
import { SIGNUP_STATUS, waitlistPlace } from './words'

/** States that hold a seat, a place on the waitlist or a request: at most one per member and lecture. */
export const HOLDING_STATES: readonly SignupState[] = ['confirmed', 'waitlisted', 'pending']
/** States after which the same member may sign up again (the same document is reused). */
export const REOPENABLE_STATES: readonly SignupState[] = ['cancelled', 'declined']
/** What "my lectures" shows: a cancelled sign-up is gone for the member; a declined one says why. */
export const SHOWN_TO_MEMBER: readonly SignupState[] = ['confirmed', 'waitlisted', 'pending', 'declined']

/** One sign-up per member and lecture: the document id says so, and the database enforces it. */
export const signupId = (lectureId: string, memberId: string) => `${lectureId}:${memberId}`

export const isHolding = (s: SignupState) => HOLDING_STATES.includes(s)

type OpenFacts = Pick<LectureDoc, 'status' | 'openToAll' | 'hostOrgId' | 'coHostOrgIds' | 'signupDeadline'>

/**
 * Why this member may not sign up for this lecture now, or undefined if they may. The signup function
 * asks the database the same question in one conditional update (seats.ts `openTo`) and calls this only
 * to name the refusal.
 */
export function signupRefusal(lecture: OpenFacts | undefined, actor: Actor, now: Date): ErrorCode | undefined {
  if (!lecture) return 'NOT_FOUND'
  if (!canSeeLecture(actor, lecture)) return 'NOT_VISIBLE'
  if (lecture.status !== 'published') return 'LECTURE_NOT_OPEN'
  if (now.getTime() >= lecture.signupDeadline.getTime()) return 'SIGNUP_CLOSED'
  return undefined
}

/**
 * Where a sign-up that passed signupRefusal enters, given the counters as it arrives. A free seat goes to
 * a newcomer only while nobody waits: whoever waits came first. (The signup function takes the seat with
 * these very conditions in one atomic update; this is the rule it implements.)
 */
export function entryFor(
  lecture: Pick<LectureDoc, 'approvalRequired' | 'capacity' | 'signedUp' | 'waiting'>,
): 'confirmed' | 'waitlisted' | 'pending' {
  if (lecture.approvalRequired) return 'pending'
  return lecture.signedUp < lecture.capacity && lecture.waiting === 0 ? 'confirmed' : 'waitlisted'
}

/** The last moment a member may cancel, by the lecture's policy. */
export function cancelUntil(lecture: Pick<LectureDoc, 'cancelPolicy' | 'signupDeadline' | 'startAt'>): Date {
  return lecture.cancelPolicy === 'untilStart' ? lecture.startAt : lecture.signupDeadline
}

/** Why this member may not cancel their sign-up now, or undefined if they may. */
export function cancelRefusal(
  lecture: Pick<LectureDoc, 'status' | 'cancelPolicy' | 'signupDeadline' | 'startAt'> | undefined,
  signup: Pick<SignupDoc, 'status'> | undefined,
  now: Date,
): ErrorCode | undefined {
  if (!signup || !isHolding(signup.status)) return 'NOT_SIGNED_UP'
  if (!lecture) return 'NOT_FOUND'
  if (lecture.status === 'draft' || lecture.status === 'cancelled') return 'LECTURE_NOT_OPEN'
  if (lecture.status === 'finished' || now.getTime() >= cancelUntil(lecture).getTime()) return 'CANCEL_TOO_LATE'
  return undefined
}

/** What a sign-up gives back when it ends: a seat (to the waitlist), a place on the waitlist, or nothing. */
export function freedBy(state: SignupState): 'seat' | 'place' | 'nothing' {
  return state === 'confirmed' ? 'seat' : state === 'waitlisted' ? 'place' : 'nothing'
}

/** Why a secretary's approve / decline cannot be applied to this sign-up, or undefined. */
export function decideRefusal(
  lecture: Pick<LectureDoc, 'status'>,
  signup: Pick<SignupDoc, 'status'> | undefined,
  decision: 'approve' | 'decline',
): ErrorCode | undefined {
  if (!signup) return 'NOT_FOUND'
  if (signup.status !== 'pending') return 'INVALID_STATE'
  if (decision === 'approve' && lecture.status !== 'published') return 'LECTURE_NOT_OPEN'
  return undefined
}

/**
 * Place on the waitlist of a member who just joined it: everyone counted as waiting when they joined
 * came before them (the count and their ticket were taken in one step), less those promoted since.
 */
export function positionOnJoining(waitingWhenJoined: number, promotedSince: number): number {
  return Math.max(1, waitingWhenJoined - promotedSince)
}

/** "My lectures": upcoming until the lecture ends (a cancelled one stays there, so that the member sees it). */
export function isUpcoming(lecture: Pick<LectureDoc, 'status' | 'endAt'>, now: Date): boolean {
  return lecture.status !== 'finished' && lecture.endAt.getTime() > now.getTime()
}

/** Upcoming soonest first; past most recent first. */
export function byScope<T extends { lecture: { startAt: string; id: string } }>(
  items: T[],
  scope: 'upcoming' | 'past',
): T[] {
  const sign = scope === 'upcoming' ? 1 : -1
  return [...items].sort(
    (a, b) =>
      sign * (Date.parse(a.lecture.startAt) - Date.parse(b.lecture.startAt)) ||
      a.lecture.id.localeCompare(b.lecture.id),
  )
}

/** Number of sign-ups in each state. */
export function countByStatus(rows: { status: SignupStatus }[]): Record<SignupStatus, number> {
  const counts: Record<SignupStatus, number> = { confirmed: 0, waitlisted: 0, pending: 0, declined: 0, cancelled: 0 }
  for (const r of rows) counts[r.status]++
  return counts
}

/** Roster rows in arrival order, the waitlisted numbered 1, 2, ... in the order they will get a seat. */
export function rosterRows(signups: SignupDoc[], branchNames: Map<string, string>): RosterRow[] {
  let place = 0
  return [...signups]
    .sort((a, b) => a.ticket - b.ticket)
    .map((s) => {
      const row: RosterRow = {
        memberId: s.memberId,
        name: s.memberName,
        branchName: branchNames.get(s.branchId) ?? '',
        status: s.status,
        ticket: s.ticket,
        signedUpAt: s.createdAt.toISOString(),
      }
      if (s.status === 'waitlisted') row.position = ++place
      if (s.reason) row.reason = s.reason
      return row
    })
}

/** Columns of the exported roster, in order. */
export const ROSTER_COLUMNS = ['序号', '姓名', '所在支部', '报名状态', '报名时间'] as const

/** The exported roster: who holds or asked for a place (cancelled sign-ups left out), in arrival order. */
export function rosterSheetRows(rows: RosterRow[]): (string | number)[][] {
  return rows
    .filter((r) => r.status !== 'cancelled')
    .map((r, i) => [
      i + 1,
      r.name,
      r.branchName,
      r.status === 'waitlisted' && r.position ? waitlistPlace(r.position) : SIGNUP_STATUS[r.status],
      chinaDateTime(new Date(r.signedUpAt)),
    ])
}

/** "《用乡音讲好红色故事》报名名单（2026-03-05）.xlsx": what the secretary's computer saves it as. */
export function rosterFileName(title: string, startAt: Date): string {
  const safe = title.replace(/[\\/:*?"<>|\r\n\t]+/g, ' ').trim() || '党课'
  return `《${safe}》报名名单（${chinaDate(startAt)}）.xlsx`
}
