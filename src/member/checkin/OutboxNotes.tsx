import { Button, Text, View } from '@tarojs/components'
import { flushOutbox, outboxOutcomes, pendingScans } from '../../api/outbox'
import { formatClock } from '../../shared/chinaTime'
import { outcomeText, outcomeTone } from './outcome'

/** This lecture's scans kept on the phone (with 现在提交), and what the server said to those it sent. */
export default function OutboxNotes({ lectureId }: { lectureId: string }) {
  const waiting = pendingScans().filter((i) => i.lectureId === lectureId)
  const outcomes = outboxOutcomes().filter((o) => o.lectureId === lectureId)
  return (
    <>
      {waiting.length > 0 && (
        <View className='checkin__outbox' role='status'>
          <Text className='checkin__outbox-text'>
            {`有${waiting.length}次签到保存在手机上（${formatClock(waiting[0].scannedAt)} 扫码），网络恢复后自动提交。`}
          </Text>
          <Button className='checkin__button checkin__button--plain' onClick={() => void flushOutbox()}>
            现在提交
          </Button>
        </View>
      )}
      {outcomes.map((o) => (
        <View key={o.key} className={`checkin__outcome checkin__outcome--${outcomeTone(o)}`}>
          <Text className='checkin__outcome-text'>{outcomeText(o)}</Text>
        </View>
      ))}
    </>
  )
}
