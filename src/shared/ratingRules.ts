/**
 * 评党课: the rules of audience ratings (issue 8), pure. A lecture's ratings are kept as running sums
 * (model.ts RatingSums); an average is shown only from MIN_RATINGS_SHOWN ratings, so that a single
 * rater cannot be recognised by their score.
 */
import type { RatingSums } from './model'

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

export interface RatingAverages {
  count: number
  /** Per criterion, to one decimal. */
  average: Record<RatingCriterion, number>
  dist: RatingSums['dist']
}

/** The averages to show, or undefined under MIN_RATINGS_SHOWN ratings (the page says 评价人数不足). */
export function averagesOf(sums: RatingSums | undefined): RatingAverages | undefined {
  if (!sums || sums.count < MIN_RATINGS_SHOWN) return undefined
  const average = {} as Record<RatingCriterion, number>
  for (const c of RATING_CRITERIA) average[c] = Math.round((sums.sum[c] / sums.count) * 10) / 10
  return { count: sums.count, average, dist: { ...sums.dist } }
}
