import { Text, View } from '@tarojs/components'
import type { LectureSummary } from '../../shared/contract'
import { themeName } from '../../shared/themes'
import { formatTimeRange } from '../../shared/chinaTime'
import LabelRow from '../LabelRow'
import './index.scss'

export interface LectureCardProps {
  lecture: LectureSummary
  /** Show the theme tag (a list already filtered by one theme may hide it). */
  showTheme?: boolean
  /** Tap on the card (e.g. open the lecture); without it the card is not tappable. */
  onClick?: (lecture: LectureSummary) => void
  /** How far it is (附近的党课), e.g. 1.2 公里. */
  distance?: string
}

const defaultProps = {
  showTheme: true,
} satisfies Partial<LectureCardProps>

/** One lecture in a list: what, who, where, when, seats and study hours. Class prefix `lecture-card`. */
function LectureCard(props: LectureCardProps) {
  const { lecture, showTheme, onClick, distance } = { ...defaultProps, ...props }
  const full = lecture.seatsLeft <= 0
  const when = formatTimeRange(lecture.startAt, lecture.endAt)

  return (
    <View
      className={`lecture-card${full ? ' lecture-card--full' : ''}`}
      hoverClass={onClick ? 'lecture-card--pressed' : 'none'}
      onClick={onClick ? () => onClick(lecture) : undefined}
    >
      {showTheme && (
        <View className='lecture-card__head'>
          <Text className='lecture-card__theme'>{themeName(lecture.theme)}</Text>
        </View>
      )}
      <Text className='lecture-card__title'>{lecture.title}</Text>

      <LabelRow block='lecture-card' label='主讲' value={lecture.lecturerName} />
      <LabelRow block='lecture-card' label='主办' value={lecture.hostOrgName} />
      {when && <LabelRow block='lecture-card' label='时间' value={when} />}
      <LabelRow block='lecture-card' label='地点' value={lecture.address} />
      {distance && <LabelRow block='lecture-card' label='距离' value={distance} />}

      <View className='lecture-card__foot'>
        <Text className={`lecture-card__seats${full ? ' lecture-card__seats--full' : ''}`}>
          {full ? '已满' : `余 ${lecture.seatsLeft} 席`}
        </Text>
        <Text className='lecture-card__hours'>{`${lecture.hours} 学时`}</Text>
      </View>
    </View>
  )
}

LectureCard.displayName = 'LectureCard'

export default LectureCard
