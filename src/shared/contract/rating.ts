/** rating: audience ratings of lectures: rate once after attending, what is waiting to be rated, the ratings a lecturer and the hosting nodes see, 我讲的党课 */
import * as z from 'zod'
import { commentLength, RATING_COMMENT_MAX } from '../ratingRules'
import { id, procedure } from './common'
import type { LectureSummary } from './lecture'
import { ratingViewProcedures } from './ratingView'

const score = (label: string) =>
  z
    .number({ error: `请为${label}打分` })
    .int(`${label}请选1到5分`)
    .min(1, `${label}请选1到5分`)
    .max(5, `${label}请选1到5分`)

/** A rating as the member gives it: four scores 1–5 and a comment, trimmed, at most 200 characters ('' allowed). */
export const ratingInput = z.object({
  lectureId: id,
  overall: score('总体评价'),
  content: score('内容'),
  delivery: score('讲授'),
  gain: score('收获'),
  comment: z
    .string()
    .trim()
    .refine((s) => commentLength(s) <= RATING_COMMENT_MAX, `留言最多${RATING_COMMENT_MAX}字`)
    .default(''),
})
export type RatingInput = z.input<typeof ratingInput>

/** The caller's own rating as stored (never changed after). */
export interface MyRating {
  lectureId: string
  overall: number
  content: number
  delivery: number
  gain: number
  comment: string
  /** ISO 8601 */
  createdAt: string
}

/** Where an attendee stands with rating a lecture: may rate now, has rated, or not yet / no longer. */
export type RatingState = 'open' | 'rated' | 'notOpen' | 'closed'

/** A lecture waiting for the caller's rating (待评价), with the end of its window. */
export interface PendingRating {
  lecture: LectureSummary
  /** ISO 8601 */
  closesAt: string
}

export const ratingProcedures = {
  /** Rate a lecture attended (once; a retry of the same rating answers it again). */
  rate: procedure<MyRating>()(ratingInput),
  /** The rating page: the lecture, the window, and the caller's rating if given (NOT_ATTENDED to anyone else). */
  myRating: procedure<{
    lecture: LectureSummary
    state: RatingState
    opensAt: string
    closesAt: string
    mine?: MyRating
  }>()(z.object({ lectureId: id })),
  /** 待评价: lectures the caller attended, window open, not rated yet. */
  pending: procedure<{ items: PendingRating[] }>()(z.object({})),
  ...ratingViewProcedures,
}
