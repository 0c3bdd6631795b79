import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { LectureDetail } from '../../shared/contract'
import { themeName } from '../../shared/themes'
import { formatTimeRange } from '../../shared/chinaTime'
import { routes } from '../../utils/routes'
import { cancelPolicyText } from '../../utils/signup'
import { SIGNUP_STATUS } from '../../shared/words'

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='lecture__row'>
      <Text className='lecture__label'>{label}</Text>
      <View className='lecture__value'>{children}</View>
    </View>
  )
}

/** The lecturer's name, linked to their 师资库 profile when the lecture names one. */
function LecturerName({ l }: { l: LectureDetail }) {
  const id = l.lecturer.profileId
  if (!id) return <Text className='lecture__text'>{l.lecturer.name}</Text>
  const open = () => void Taro.navigateTo({ url: routes.lecturer(id) })
  return (
    <Text className='lecture__text lecture__link' onClick={open}>
      {l.lecturer.name}
    </Text>
  )
}

/** Who, where, when, the route and the hours. */
function Particulars({ l }: { l: LectureDetail }) {
  const stops = l.venue.stops
  return (
    <View className='lecture__section'>
      <Row label='主讲'>
        <LecturerName l={l} />
        {l.lecturer.title && <Text className='lecture__note'>{l.lecturer.title}</Text>}
      </Row>
      <Row label='主办'>
        <Text className='lecture__text'>{l.hostOrgName}</Text>
      </Row>
      <Row label='时间'>
        <Text className='lecture__text'>{formatTimeRange(l.startAt, l.endAt)}</Text>
      </Row>
      <Row label='地点'>
        <Text className='lecture__text'>{l.venue.address}</Text>
      </Row>
      {stops.length > 0 && (
        <Row label='路线'>
          {stops.map((stop, i) => (
            <View key={`${i}-${stop.name}`} className='lecture__stop'>
              <Text className='lecture__text'>{`第${i + 1}站：${stop.name}`}</Text>
              <Text className='lecture__note'>{stop.address}</Text>
            </View>
          ))}
        </Row>
      )}
      <Row label='学时'>
        <Text className='lecture__text'>{`${l.credit.hours} 学时`}</Text>
      </Row>
    </View>
  )
}

/** Seats, the waitlist, the deadline, approval and what cancelling costs. */
function SignupTerms({ l }: { l: LectureDetail }) {
  const full = l.seatsLeft <= 0
  return (
    <View className='lecture__section'>
      <Row label='名额'>
        <Text className={`lecture__seats${full ? ' lecture__seats--full' : ''}`}>
          {full ? `已满（共 ${l.capacity} 席）` : `余 ${l.seatsLeft} 席 / 共 ${l.capacity} 席`}
        </Text>
      </Row>
      {(full || l.waiting > 0) && (
        <Row label={SIGNUP_STATUS.waitlisted}>
          <Text className='lecture__text'>{`${l.waiting} 人在候补`}</Text>
        </Row>
      )}
      <Row label='截止'>
        <Text className='lecture__text'>{`${formatTimeRange(l.signupDeadline)} 报名截止`}</Text>
      </Row>
      <Row label='审核'>
        <Text className='lecture__text'>{l.approvalRequired ? '报名后需支部审核' : '不需审核，报上即可'}</Text>
      </Row>
      <Row label='取消'>
        <Text className='lecture__text'>{cancelPolicyText(l)}</Text>
      </Row>
    </View>
  )
}

/** Everything a member needs to decide: a cancellation first, the cover and title, the facts, the summary. */
export default function LectureFacts({ lecture: l }: { lecture: LectureDetail }) {
  return (
    <>
      {l.status === 'cancelled' && (
        <View className='lecture__cancelled' role='alert'>
          <Text className='lecture__cancelled-title'>这场党课已取消</Text>
          {l.cancelReason && <Text className='lecture__cancelled-reason'>{`原因：${l.cancelReason}`}</Text>}
        </View>
      )}

      {l.coverUrl && <Image className='lecture__cover' src={l.coverUrl} mode='aspectFill' />}
      <View className='lecture__head'>
        <Text className='lecture__theme'>{themeName(l.theme)}</Text>
        <Text className='lecture__title'>{l.title}</Text>
        {l.topicId && (
          <Text className='lecture__topic' onClick={() => void Taro.navigateTo({ url: routes.topic(l.topicId!) })}>
            {`重点选题：${l.topicTitle ?? ''} ›`}
          </Text>
        )}
      </View>

      <Particulars l={l} />
      <SignupTerms l={l} />

      {l.summary !== '' && (
        <View className='lecture__section'>
          <Text className='lecture__section-title'>党课简介</Text>
          <Text className='lecture__summary'>{l.summary}</Text>
        </View>
      )}
    </>
  )
}
