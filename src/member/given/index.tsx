import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { call } from '../../api/client'
import PageState, { usePageLoad } from '../../components/PageState'
import { formatTimeRange } from '../../shared/chinaTime'
import type { GivenLecture } from '../../shared/contract/ratingView'
import { routes } from '../../utils/routes'
import CommentList from '../ratings/CommentList'
import RatingSummary from '../ratings/RatingSummary'
// The same summary, comments and rows as the ratings page: its sheet.
import '../ratings/index.scss'

/** 我讲的党课: the lectures the member gives or gave, the lecturing hours, the rating summary and recent comments. */
export default function Given() {
  const page = usePageLoad(() => call('rating', 'given', {}), [])
  if (page.phase !== 'ready') {
    return (
      <PageState className='ratings' phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
    )
  }
  const g = page.data
  if (g.upcoming.length + g.past.length === 0) {
    return <PageState className='ratings' phase='empty' empty='您还没有作为主讲人讲过党课' />
  }
  return (
    <View className='ratings'>
      <View className='ratings__section'>
        <Text className='ratings__section-title'>讲授学时</Text>
        <Text className='ratings__overall'>{`${g.hours.thisYear} 学时`}</Text>
        <Text className='ratings__note'>{`${g.hours.year}年已记讲授学时 · 历年共${g.hours.total}学时`}</Text>
      </View>
      <RatingSummary title='听众评价（全部党课）' count={g.summary.count} averages={g.summary.averages} />
      {g.comments.length > 0 && (
        <View className='ratings__section'>
          <Text className='ratings__section-title'>最近的留言</Text>
          <Text className='ratings__note'>留言不显示评价人姓名；评价满3人的党课才显示留言</Text>
          <CommentList comments={g.comments} />
        </View>
      )}
      <LectureRows title='即将讲授' rows={g.upcoming} />
      <LectureRows title='已讲授' rows={g.past} />
    </View>
  )
}

function LectureRows({ title, rows }: { title: string; rows: GivenLecture[] }) {
  if (rows.length === 0) return null
  return (
    <View className='ratings__section'>
      <Text className='ratings__section-title'>{title}</Text>
      {rows.map(({ lecture, credited, count, averages }) => (
        <View
          key={lecture.id}
          className='ratings__lecture'
          hoverClass='ratings__lecture--pressed'
          onClick={() => void Taro.navigateTo({ url: routes.ratings(lecture.id) })}
        >
          <Text className='ratings__lecture-title'>{lecture.title}</Text>
          <Text className='ratings__meta'>{`${lecture.hostOrgName} · ${formatTimeRange(lecture.startAt, lecture.endAt)}`}</Text>
          <Text className='ratings__meta'>
            {[
              lecture.status === 'cancelled' ? '已取消' : '',
              credited > 0 ? `已记讲授${credited}学时` : '',
              count === 0
                ? '暂无评价'
                : averages
                  ? `${averages.average.overall.toFixed(1)}分 · ${count}人评价`
                  : `${count}人评价`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </View>
      ))}
    </View>
  )
}
