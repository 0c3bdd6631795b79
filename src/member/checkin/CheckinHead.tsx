import { Text, View } from '@tarojs/components'
import StatusTag from '../../components/StatusTag'
import type { CheckinStatus } from '../../shared/contract/checkin'
import { formatTimeRange } from '../../shared/chinaTime'
import { checkinStatusLabel, reviewText } from '../../utils/status'
import { LEVEL_WORDS } from '../../shared/words'

/** The member's state at the lecture, in words and a tag, and why a scan waits or was not confirmed. */
function MineState({ status }: { status: CheckinStatus }) {
  const mine = status.mine
  if (!mine) return <StatusTag text='还没有签到' tone='neutral' />
  return (
    <>
      <StatusTag {...checkinStatusLabel(mine, status.level)} />
      {mine.review && <Text className='checkin__review'>{reviewText(mine.review)}</Text>}
    </>
  )
}

/** The lecture, its check-in window and way, and the member's state (or why they cannot be shown). */
export default function CheckinHead({ status }: { status?: CheckinStatus }) {
  return (
    <View className='checkin__head'>
      <Text className='checkin__title'>{status?.lectureTitle ?? '党课签到'}</Text>
      {status ? (
        <>
          <Text className='checkin__line'>{`签到时间：${formatTimeRange(status.opensAt, status.closesAt)}`}</Text>
          <Text className='checkin__line'>{`签到方式：${LEVEL_WORDS[status.level]}`}</Text>
          {status.signupRequired && !status.signedUp && (
            <Text className='checkin__warn'>这场党课要先报名才能签到，您还没有报名。</Text>
          )}
          <View className='checkin__mine'>
            <Text className='checkin__mine-label'>我的签到</Text>
            <MineState status={status} />
          </View>
        </>
      ) : (
        <Text className='checkin__warn'>网络不通，暂时看不到签到信息。仍可扫码或输入签到码，网络恢复后自动提交。</Text>
      )}
    </View>
  )
}
