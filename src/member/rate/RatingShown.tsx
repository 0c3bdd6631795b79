import { Text, View } from '@tarojs/components'
import { RATING_CRITERIA, type RatingValues } from '../../shared/ratingRules'
import { RATING_CRITERION, SCORE_WORDS } from '../../shared/words'

/** A rating as it will be sent (the preview) or as stored: each score with its words, and the comment. */
export default function RatingShown({ values }: { values: RatingValues }) {
  return (
    <View className='rate__shown'>
      {RATING_CRITERIA.map((c) => (
        <View key={c} className='rate__shown-row'>
          <Text className='rate__shown-label'>{RATING_CRITERION[c]}</Text>
          <Text className='rate__shown-value'>{`${values[c]}分 ${SCORE_WORDS[values[c]]}`}</Text>
        </View>
      ))}
      <Text className='rate__shown-label'>留言</Text>
      <Text className='rate__shown-comment'>{values.comment || '（没有留言）'}</Text>
    </View>
  )
}
