import { Text, View } from '@tarojs/components'
import StatusTag from '../../components/StatusTag'
import type { MyLectureItem } from '../../shared/contract'
import type { Reply } from '../../shared/errors'
import { formatTimeRange } from '../../shared/chinaTime'
import { groupMyLectures } from '../../utils/member'
import { routes } from '../../utils/routes'
import { signupStatusLabel } from '../../utils/status'
import { go } from './go'
import SectionRefusal from './SectionRefusal'
import { SIGNUP_STATUS } from '../../shared/words'

export type Items<T> = Reply<{ items: T[] }>

function LectureRow({ item }: { item: MyLectureItem }) {
  return (
    <View
      className='mine__row'
      hoverClass='mine__row--pressed'
      onClick={() => go(item.movedAway ? routes.moved : routes.lecture(item.lecture.id))}
    >
      <View className='mine__row-main'>
        <Text className='mine__row-title'>{item.lecture.title}</Text>
        <Text className='mine__row-note'>{formatTimeRange(item.lecture.startAt, item.lecture.endAt)}</Text>
        <Text className='mine__row-note'>{item.lecture.address}</Text>
        {item.status === 'declined' && item.reason && (
          <Text className='mine__row-reason'>{`原因：${item.reason}`}</Text>
        )}
        {item.movedAway && <Text className='mine__row-reason'>已转出原支部，可取消报名</Text>}
      </View>
      <StatusTag {...signupStatusLabel(item.status, item.position)} />
    </View>
  )
}

function LectureGroup({ title, items, empty }: { title: string; items: MyLectureItem[]; empty?: string }) {
  if (items.length === 0 && !empty) return null
  return (
    <View className='mine__group'>
      <Text className='mine__group-title'>{`${title}（${items.length}）`}</Text>
      {items.length === 0 && <Text className='mine__empty'>{empty}</Text>}
      {items.map((item) => (
        <LectureRow key={item.lecture.id} item={item} />
      ))}
    </View>
  )
}

/** 我的党课: the member's lectures by state (or why they cannot be shown). */
export default function MyLectures({
  upcoming,
  past,
}: {
  upcoming?: Items<MyLectureItem>
  past?: Items<MyLectureItem>
}) {
  const groups = upcoming?.ok && past?.ok ? groupMyLectures(upcoming.data.items, past.data.items) : undefined
  const refusal = upcoming && !upcoming.ok ? upcoming : past && !past.ok ? past : undefined
  return (
    <View className='mine__section'>
      <Text className='mine__section-title'>我的党课</Text>
      {refusal && <SectionRefusal refusal={refusal} />}
      {groups && (
        <>
          <LectureGroup title={SIGNUP_STATUS.confirmed} items={groups.signedUp} empty='暂无，去“党课”页看看吧' />
          <LectureGroup title={`${SIGNUP_STATUS.waitlisted}中`} items={groups.waitlisted} />
          <LectureGroup title={SIGNUP_STATUS.pending} items={groups.pending} />
          <LectureGroup title='未通过审核' items={groups.declined} />
          <LectureGroup title='已参加' items={groups.attended} empty='暂无' />
        </>
      )}
    </View>
  )
}
