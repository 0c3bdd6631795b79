import { Text, View } from '@tarojs/components'
import type { RatingComment } from '../../shared/contract/ratingView'
import { formatDate } from '../../shared/chinaTime'

/** Comments newest first: the score and the day, the rater's name only where the server sent it. */
export default function CommentList({ comments }: { comments: (RatingComment & { lectureTitle?: string })[] }) {
  return (
    <View className='ratings__comments'>
      {comments.map((c, i) => (
        <View key={i} className='ratings__comment'>
          <Text className='ratings__comment-meta'>
            {[`${c.overall}分`, formatDate(c.at), c.memberName, c.lectureTitle].filter(Boolean).join(' · ')}
          </Text>
          <Text className='ratings__comment-text'>{c.comment}</Text>
        </View>
      ))}
    </View>
  )
}
