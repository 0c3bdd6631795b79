import { Text, View } from '@tarojs/components'
import type { RatingAverages } from '../../shared/ratingRules'
import { MIN_RATINGS_SHOWN, RATING_CRITERIA } from '../../shared/ratingRules'
import { RATING_CRITERION, SCORE_WORDS } from '../../shared/words'

const SCORES = ['5', '4', '3', '2', '1'] as const

/**
 * A rating summary: the average per criterion and a bar per overall score (5 to 1); under 3 ratings only the
 * count and 评价人数不足 (no average that a single rater could be recognised by).
 */
export default function RatingSummary(props: { count: number; averages?: RatingAverages; title?: string }) {
  const { count, averages, title } = props
  const head = title && <Text className='ratings__section-title'>{title}</Text>
  if (!averages) {
    return (
      <View className='ratings__summary'>
        {head}
        <Text className='ratings__few'>{count === 0 ? '还没有人评价' : '评价人数不足'}</Text>
        {count > 0 && (
          <Text className='ratings__note'>{`已有${count}人评价，满${MIN_RATINGS_SHOWN}人后显示平均分`}</Text>
        )}
      </View>
    )
  }
  return (
    <View className='ratings__summary'>
      {head}
      <Text className='ratings__overall'>{`${averages.average.overall.toFixed(1)} 分`}</Text>
      <Text className='ratings__note'>{`总体评价平均分 · ${averages.count}人评价`}</Text>
      {RATING_CRITERIA.filter((c) => c !== 'overall').map((c) => (
        <View key={c} className='ratings__row'>
          <Text className='ratings__label'>{RATING_CRITERION[c]}</Text>
          <Text className='ratings__value'>{`${averages.average[c].toFixed(1)} 分`}</Text>
        </View>
      ))}
      <Text className='ratings__dist-title'>总体评价分布</Text>
      {SCORES.map((s) => (
        <View key={s} className='ratings__bar-row'>
          <Text className='ratings__bar-label'>{`${s}分 ${SCORE_WORDS[Number(s)]}`}</Text>
          <View className='ratings__bar'>
            <View className='ratings__bar-fill' style={{ width: `${(averages.dist[s] / averages.count) * 100}%` }} />
          </View>
          <Text className='ratings__bar-count'>{`${averages.dist[s]}人`}</Text>
        </View>
      ))}
    </View>
  )
}
