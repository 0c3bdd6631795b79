/**
 * 评党课: the rules of audience ratings (issue 8), pure. A lecture's ratings are kept as running sums
 * (model.ts RatingSums); an average is shown only from MIN_RATINGS_SHOWN ratings, so that a single
 * rater cannot be recognised by their score.
 */
import { isCredited } from './checkinReview'
import type { CheckinDoc, LectureDoc, RatingSums } from './model'

export const RATING_CRITERIA = ['overall', 'content', 'delivery', 'gain'] as const
export type RatingCriterion = (typeof RATING_CRITERIA)[number]

/** Fewer ratings than this show 评价人数不足 instead of an average. */
export const MIN_RATINGS_SHOWN = 3

export function emptySums(): RatingSums {
  return {
    count: 0,
    sum: { overall: 0, content: 0, delivery: 0, gain: 0 },
    dist: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
  }
}

/** Several sums added (a lecturer's lectures, a node's). */
export function addSums(list: readonly (RatingSums | undefined)[]): RatingSums {
  const total = emptySums()
  for (const s of list) {
    if (!s) continue
    total.count += s.count
    for (const c of RATING_CRITERIA) total.sum[c] += s.sum[c] ?? 0
    for (const k of Object.keys(total.dist) as (keyof RatingSums['dist'])[]) total.dist[k] += s.dist?.[k] ?? 0
  }
  return total
}

/**
 * Whether a lecture's sums may be added into a combined summary (a lecturer's, a node's): only from
 * MIN_RATINGS_SHOWN ratings. Otherwise a lone rater's score is the combined sums minus the distributions of
 * the lectures that are shown, whatever the combined count.
 */
export const countsInSummary = (s: RatingSums | undefined): s is RatingSums => (s?.count ?? 0) >= MIN_RATINGS_SHOWN

/** The combined summary of several lectures' sums: only those that count (countsInSummary). */
export const summarySums = (list: readonly (RatingSums | undefined)[]) => addSums(list.filter(countsInSummary))

export interface RatingAverages {
  count: number
  /** Per criterion, to one decimal. */
  average: Record<RatingCriterion, number>
  dist: RatingSums['dist']
}

/** The averages to show, or undefined under MIN_RATINGS_SHOWN ratings (the page says 评价人数不足). */
export function averagesOf(sums: RatingSums | undefined): RatingAverages | undefined {
  if (!sums || sums.count < MIN_RATINGS_SHOWN) return undefined
  sums = addSums([sums]) // a lecture's stored sums hold only the dist keys some rating moved
  const average = {} as Record<RatingCriterion, number>
  for (const c of RATING_CRITERIA) average[c] = Math.round((sums.sum[c] / sums.count) * 10) / 10
  return { count: sums.count, average, dist: { ...sums.dist } }
}

/* ---- Giving a rating (issue 8, Deliver 1): who may, when, what, and how it moves the sums. ---- */

/** The settings document of the rating window (like `checkinRules`): days after the end a rating is taken. */
export const RATING_SETTINGS_ID = 'ratingRules'
export interface RatingSettings {
  windowDays: number
}
export const DEFAULT_RATING_SETTINGS: Readonly<RatingSettings> = { windowDays: 7 }

/** The document's value over the default; anything but a whole number of days from 1 to 365 is ignored. */
export function ratingSettingsOf(doc: { windowDays?: unknown } | undefined): RatingSettings {
  const v = doc?.windowDays
  const ok = typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 365
  return { windowDays: ok ? v : DEFAULT_RATING_SETTINGS.windowDays }
}

const DAY_MS = 24 * 3600_000

/** A rating is taken from the lecture's end until `windowDays` after it. */
export function ratingWindow(lecture: Pick<LectureDoc, 'endAt'>, settings: RatingSettings) {
  return { opensAt: lecture.endAt, closesAt: new Date(lecture.endAt.getTime() + settings.windowDays * DAY_MS) }
}

export const isRatingOpen = (lecture: Pick<LectureDoc, 'endAt'>, settings: RatingSettings, now: Date) => {
  const w = ratingWindow(lecture, settings)
  return now.getTime() >= w.opensAt.getTime() && now.getTime() <= w.closesAt.getTime()
}

/**
 * Eligibility is the check-in record's status, the same that holds study-hour credit (checkinReview
 * isCredited): `in` or `out`. Not `undone` (the secretary took the attendance back), not `refused` (a held
 * offline scan the secretary did not accept), and not `pending` (an offline scan nobody confirmed yet proves
 * no presence: its code may have been sent from the hall to someone at home); once confirmed it counts.
 */
export const attended = (record: Pick<CheckinDoc, 'status'> | undefined) => !!record && isCredited(record.status)

export type RateRefusal = 'NOT_ATTENDED' | 'RATING_NOT_OPEN' | 'RATING_CLOSED'

/** Why this member may not rate now, or undefined: attendance first (it decides whether anything applies), then the window. */
export function rateRefusal(
  record: Pick<CheckinDoc, 'status'> | undefined,
  lecture: Pick<LectureDoc, 'endAt' | 'status'> | undefined,
  settings: RatingSettings,
  now: Date,
): RateRefusal | undefined {
  if (!lecture || lecture.status === 'draft' || !attended(record)) return 'NOT_ATTENDED'
  const w = ratingWindow(lecture, settings)
  if (now.getTime() < w.opensAt.getTime()) return 'RATING_NOT_OPEN'
  if (now.getTime() > w.closesAt.getTime()) return 'RATING_CLOSED'
  return undefined
}

/** A rating's scores and comment, as the member gives them. */
export type RatingScores = Record<RatingCriterion, number>
export interface RatingValues extends RatingScores {
  comment: string
}

export const RATING_COMMENT_MAX = 200
/** Characters as a person counts them (an emoji is one), for the limit and the page's "还可以写" count. */
export const commentLength = (s: string) => Array.from(s).length
export const isScore = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5

/** The rating id: one per lecture and member, so a retry or a double tap stores one. */
export const ratingId = (lectureId: string, memberId: string) => `${lectureId}:${memberId}`

/** The sums of one rating alone. */
export function sumsOf(v: RatingScores): RatingSums {
  const s = emptySums()
  s.count = 1
  for (const c of RATING_CRITERIA) s.sum[c] = v[c]
  s.dist[String(v.overall) as keyof RatingSums['dist']] = 1
  return s
}

/**
 * What one rating adds to a lecture's sums, as increments by dotted path under `prefix` (the database's
 * atomic `inc` per field): applying them to sums gives addSums([sums, sumsOf(v)]).
 */
export function sumsIncrements(v: RatingScores, prefix = 'rating'): Record<string, number> {
  const inc: Record<string, number> = { [`${prefix}.count`]: 1 }
  for (const c of RATING_CRITERIA) inc[`${prefix}.sum.${c}`] = v[c]
  inc[`${prefix}.dist.${v.overall}`] = 1
  return inc
}

/** Whether a stored rating is the one now submitted again (a retry), not a second opinion. */
export const sameRating = (a: RatingValues, b: RatingValues) =>
  RATING_CRITERIA.every((c) => a[c] === b[c]) && a.comment === b.comment
