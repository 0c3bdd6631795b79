import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import PageState, { usePageLoad } from '../../components/PageState'
import RefusalBox from '../../components/RefusalBox'
import { formatTimeRange } from '../../shared/chinaTime'
import type { RatingComment } from '../../shared/contract/ratingView'
import type { Refusal } from '../../shared/errors'
import { readParam } from '../../utils/routes'
import CommentList from './CommentList'
import RatingSummary from './RatingSummary'
import './index.scss'

/**
 * 党课评价: one lecture's ratings for its lecturer, its branch's officers and the administrators above: the
 * averages with the distribution, and the comments (names only for district and city administrators above).
 */
export default function Ratings() {
  const lectureId = readParam(useRouter().params, 'id') ?? ''
  const page = usePageLoad(() => call('rating', 'ofLecture', { lectureId }), [lectureId])
  const [more, setMore] = useState<{ comments: RatingComment[]; next?: number }>()
  const [refused, setRefused] = useState<Refusal>()

  if (page.phase !== 'ready') {
    return (
      <PageState className='ratings' phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
    )
  }
  const v = page.data
  const comments = [...v.comments, ...(more?.comments ?? [])]
  const next = more ? more.next : v.next
  const loadMore = async () => {
    const reply = await call('rating', 'ofLecture', { lectureId, offset: next })
    if (!reply.ok) return setRefused(reply)
    setRefused(undefined)
    setMore({ comments: [...(more?.comments ?? []), ...reply.data.comments], next: reply.data.next })
  }
  return (
    <View className='ratings'>
      <View className='ratings__head'>
        <Text className='ratings__title'>{v.lecture.title}</Text>
        <Text className='ratings__meta'>
          {`${v.lecture.lecturerName} · ${formatTimeRange(v.lecture.startAt, v.lecture.endAt)}`}
        </Text>
      </View>
      <RatingSummary count={v.count} averages={v.averages} />
      <View className='ratings__section'>
        <Text className='ratings__section-title'>留言</Text>
        <Text className='ratings__note'>
          {v.sight === 'named' ? '评价人姓名仅供处理不当言论，请勿外传' : '留言不显示评价人姓名'}
        </Text>
        {!v.commentsShown && <Text className='ratings__note'>评价人数不足，满3人后显示留言</Text>}
        {v.commentsShown && comments.length === 0 && <Text className='ratings__note'>还没有留言</Text>}
        <CommentList comments={comments} />
        <RefusalBox block='ratings' refusal={refused} />
        {next !== undefined && (
          <Button className='ratings__more' onClick={() => void loadMore()}>
            加载更多留言
          </Button>
        )}
      </View>
    </View>
  )
}
