/** signup: members sign up and cancel; secretaries approve and see the roster. */
import * as z from 'zod'
import { id, procedure } from './common'
import type { LectureSummary, SignupStatus } from './lecture'

export interface SignupResult {
  status: SignupStatus
  /** Place on the waitlist (1 = next to get a seat). */
  position?: number
}

export interface MyLectureItem {
  lecture: LectureSummary
  status: SignupStatus
  position?: number
  /** Why the secretary declined (declined only). */
  reason?: string
  /** Not yet held, and no longer open to the member (they moved to another branch): offered to cancel. */
  movedAway?: true
}

export interface RosterRow {
  memberId: string
  name: string
  branchName: string
  status: SignupStatus
  /** Arrival order among all sign-ups of the lecture. */
  ticket: number
  signedUpAt: string
  /** Place on the waitlist (waitlisted only; 1 = next to get a seat). */
  position?: number
  /** Why the secretary declined (declined only). */
  reason?: string
}

export interface LectureRoster {
  lecture: LectureSummary
  counts: Record<SignupStatus, number>
  rows: RosterRow[]
}

export const signupProcedures = {
  signUp: procedure<SignupResult>()(z.object({ lectureId: id })),
  cancel: procedure<SignupResult>()(z.object({ lectureId: id })),
  mine: procedure<{ items: MyLectureItem[] }>()(z.object({ scope: z.enum(['upcoming', 'past']).default('upcoming') })),
  roster: procedure<LectureRoster>()(z.object({ lectureId: id })),
  decide: procedure<SignupResult>()(
    z.object({
      lectureId: id,
      memberId: id,
      decision: z.enum(['approve', 'decline']),
      reason: z.string().trim().max(200).optional(),
    }),
  ),
  /** The roster as an Excel file in storage; the URL is temporary. */
  exportRoster: procedure<{ fileId: string; url: string; fileName: string }>()(z.object({ lectureId: id })),
}
