/** rating's viewing side (issue 8): one lecture's ratings as the caller may see them, and 我讲的党课. */
import * as z from 'zod'
import type { RatingAverages } from '../ratingRules'
import type { RatingSight } from '../rights'
import { id, procedure } from './common'
import type { LectureSummary } from './lecture'

/** A comment with its overall score; the rater's name only for those who may see it (rights.ratingSight). */
export interface RatingComment {
  overall: number
  comment: string
  /** ISO 8601 with names; without them only the China calendar day, 2025-11-28. */
  at: string
  memberName?: string
}

/** The ratings of one lecture: count always; averages from 3 ratings; comments as rights.ratingCommentsShown allows. */
export interface LectureRatings {
  lecture: LectureSummary
  sight: RatingSight
  count: number
  /** Absent under 3 ratings: the page says 评价人数不足. */
  averages?: RatingAverages
  commentsShown: boolean
  comments: RatingComment[]
  /** Pass as `offset` for the next page of comments; absent on the last. */
  next?: number
}

/** A lecture given, with the lecturing hours it credited the caller and its ratings' count and averages. */
export interface GivenLecture {
  lecture: LectureSummary
  /** Lecturing hours credited for it (结束党课 credits a lecture that was held); 0 when none. */
  credited: number
  count: number
  averages?: RatingAverages
}

export interface GivenLectures {
  upcoming: GivenLecture[]
  /** Newest first. */
  past: GivenLecture[]
  /** Lecturing hours credited (ledger source 'lecturing'): this year and all years. */
  hours: { year: number; thisYear: number; total: number }
  /** Over the caller's lectures rated by at least 3 each (summarySums); absent under 3 ratings. */
  summary: { count: number; averages?: RatingAverages }
  /** The newest comments, without names, of lectures with at least 3 ratings. */
  comments: (RatingComment & { lectureTitle: string })[]
}

export const ratingViewProcedures = {
  /** One lecture's ratings for its lecturer, its host's officers and the administrators above (FORBIDDEN to others). */
  ofLecture: procedure<LectureRatings>()(
    z.object({ lectureId: id, offset: z.number().int().min(0).max(10_000).default(0) }),
  ),
  /** 我讲的党课: the lectures the caller gives or gave, hours credited, the rating summary and recent comments. */
  given: procedure<GivenLectures>()(z.object({})),
}
