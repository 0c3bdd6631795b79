/** What a secretary may do with a lecture in their list, decided from its status and time. */
import type { LectureSummary } from '../../shared/contract'
import { LECTURE_STATUS } from '../../shared/words'

export type ManagedScope = 'drafts' | 'upcoming' | 'past'
export type LectureAction = 'edit' | 'publish' | 'checkin' | 'roster' | 'ratings' | 'duplicate' | 'cancel'

export const SCOPE_TABS: { value: ManagedScope; label: string }[] = [
  { value: 'drafts', label: LECTURE_STATUS.draft },
  { value: 'upcoming', label: '即将开始' },
  { value: 'past', label: LECTURE_STATUS.finished },
]

/**
 * A draft can be edited and published; a published lecture that has not ended can be edited,
 * cancelled and has a roster; anything else only shows its roster. A published lecture has its
 * check-in screen, also after it ended (late corrections, 结束党课), and once ended its ratings (查看评价).
 * Every lecture can be copied as a new draft. The server checks all of it again; this only decides which buttons to show.
 */
export function actionsFor(lecture: Pick<LectureSummary, 'status' | 'endAt'>, now: Date): LectureAction[] {
  if (lecture.status === 'draft') return ['edit', 'publish', 'duplicate']
  if (lecture.status === 'finished') return ['roster', 'ratings', 'duplicate']
  if (lecture.status !== 'published') return ['roster', 'duplicate']
  const running = Date.parse(lecture.endAt) > now.getTime()
  if (running) return ['edit', 'checkin', 'roster', 'duplicate', 'cancel']
  return ['checkin', 'roster', 'ratings', 'duplicate']
}

/** "12 / 40": confirmed sign-ups of the capacity. */
export function seatsText(lecture: Pick<LectureSummary, 'capacity' | 'seatsLeft'>): string {
  const signedUp = Math.max(0, lecture.capacity - Math.max(0, lecture.seatsLeft))
  return `${signedUp} / ${lecture.capacity}`
}
