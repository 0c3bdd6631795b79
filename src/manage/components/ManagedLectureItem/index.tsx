import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { LectureSummary } from '../../../shared/contract'
import { themeName } from '../../../shared/themes'
import { formatTimeRange } from '../../../shared/chinaTime'
import { seatsText, type LectureAction } from '../../utils/lectureActions'
import { LECTURE_STATUS } from '../../../shared/words'
import LabelRow from '../../../components/LabelRow'
import ActionButton from '../ActionButton'
import './index.scss'

export interface ManagedLectureItemProps {
  lecture: LectureSummary
  actions: LectureAction[]
  onAction: (action: LectureAction, lecture: LectureSummary) => void
  /** The action whose request is running (its button looks busy). */
  busyAction?: LectureAction
  /** Shown under the buttons: the cancel form, or the result of the last action. */
  children?: ReactNode
}

const ACTION_LABEL: Record<LectureAction, string> = {
  edit: '编辑',
  publish: '发布',
  checkin: '签到',
  roster: '名单',
  ratings: '查看评价',
  duplicate: '复制为新草稿',
  cancel: '取消',
}

/** One lecture in the secretary's list: status, title, time, seats, and what can be done. */
function ManagedLectureItem(props: ManagedLectureItemProps) {
  const { lecture, actions, onAction, busyAction, children } = props
  return (
    <View className='managed-lecture'>
      <View className='managed-lecture__head'>
        <Text className={`managed-lecture__status managed-lecture__status--${lecture.status}`}>
          {LECTURE_STATUS[lecture.status]}
        </Text>
        <Text className='managed-lecture__theme'>{themeName(lecture.theme)}</Text>
      </View>
      <Text className='managed-lecture__title'>{lecture.title}</Text>
      <LabelRow block='managed-lecture' label='时间' value={formatTimeRange(lecture.startAt, lecture.endAt)} />
      <LabelRow
        block='managed-lecture'
        label='报名'
        value={`${seatsText(lecture)} 人`}
        valueClassName='managed-lecture__seats'
      />
      <LabelRow block='managed-lecture' label='地点' value={lecture.address} />
      <View className='managed-lecture__actions'>
        {actions.map((action) => (
          <ActionButton
            key={action}
            size='small'
            variant={action === 'publish' ? 'primary' : action === 'cancel' ? 'quiet' : 'plain'}
            busy={busyAction === action}
            onClick={() => onAction(action, lecture)}
            className='managed-lecture__action'
          >
            {busyAction === action ? '请稍候…' : ACTION_LABEL[action]}
          </ActionButton>
        ))}
      </View>
      {children}
    </View>
  )
}

ManagedLectureItem.displayName = 'ManagedLectureItem'

export default ManagedLectureItem
