import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { LiveCheckin } from '../../shared/contract'
import { refusal } from '../../shared/errors'
import { ActionButton, ChoiceChips, Notice, PageState, PendingScans } from '../components'
import CheckinCodePanel from '../components/CheckinCodePanel'
import MemberCodeScan from '../components/MemberCodeScan'
import { formatDateTime } from '../../shared/chinaTime'
import { readParam } from '../utils/route'
import { CheckinLog, MemberLists } from './CheckinLists'
import PosterPrint from './PosterPrint'
import { clock, useCheckinActions } from './useCheckinActions'
import { useLiveCheckin, type Purpose } from './useLiveCheckin'
import { CHECKIN_STATE, SIGNUP_STATUS } from '../../shared/words'
import './index.scss'

const PURPOSES = [
  { value: 'in' as const, label: '签到码' },
  { value: 'out' as const, label: '签退码' },
]

/** The counts over the lists: 已签退 only where members check out (L3), 待确认 only when there are some. */
function countsOf(live: LiveCheckin): [string, number][] {
  const { counts } = live
  return [
    [SIGNUP_STATUS.confirmed, counts.signedUp],
    [CHECKIN_STATE.in, counts.checkedIn],
    [CHECKIN_STATE.none, counts.notYet],
    ...(live.level === 'L3' ? [[CHECKIN_STATE.out, counts.checkedOut] as [string, number]] : []),
    ...(counts.pending > 0 ? [[CHECKIN_STATE.pending, counts.pending] as [string, number]] : []),
  ]
}

/**
 * The check-in screen of one lecture (?id=), shown in the hall on a phone or a PC projector: the
 * rotating code, live counts, offline scans waiting for confirmation, who is in and who is not, manual
 * check-in and undo with a reason, refused attempts, the audit log, 扫党员码 and 结束党课.
 */
export default function ManageCheckin() {
  const { params } = useRouter()
  const lectureId = readParam(params, 'id')
  const [purpose, setPurpose] = useState<Purpose>('in')
  const live = useLiveCheckin(lectureId, purpose)
  const actions = useCheckinActions(lectureId ?? '', live.refresh)
  const [now, setNow] = useState(() => Date.now())

  // The countdown under the code; and in WeChat the phone must not dim while it shows the code.
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000)
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
    return () => clearInterval(tick)
  }, [])

  if (!lectureId || live.phase !== 'ready' || !live.live) {
    return (
      <View className='manage-checkin'>
        <PageState
          phase={!lectureId || live.phase === 'refused' ? 'refused' : 'loading'}
          refusal={lectureId ? live.refusal : refusal('NOT_FOUND', '没有指定党课')}
          onRetry={lectureId ? () => void live.refresh() : undefined}
        />
      </View>
    )
  }

  const data = live.live
  const { busy, message } = actions
  return (
    <View className='manage-checkin'>
      <View className='manage-checkin__head'>
        <Text className='manage-checkin__title'>{data.lectureTitle}</Text>
        <Text className='manage-checkin__meta'>
          {`签到时间 ${formatDateTime(data.opensAt)} 至 ${formatDateTime(data.closesAt)}`}
        </Text>
      </View>

      {live.failing && (
        <Notice
          className='manage-checkin__failing'
          tone='error'
          text={live.failing.code === 'NETWORK' ? '网络不稳，正在重试' : `${live.failing.message}，正在重试`}
          detail={`下面是 ${clock(new Date(live.receivedAt).toISOString())} 的情况`}
        />
      )}

      {data.level === 'L3' && (
        <ChoiceChips className='manage-checkin__purpose' options={PURPOSES} value={purpose} onChange={setPurpose} />
      )}
      {live.purpose === purpose ? (
        <CheckinCodePanel
          live={data}
          purpose={purpose}
          receivedAt={live.receivedAt}
          now={now}
          failing={live.failing !== undefined}
        />
      ) : (
        <PageState phase='loading' />
      )}

      <View className='manage-checkin__counts'>
        {countsOf(data).map(([label, n]) => (
          <View key={label} className='manage-checkin__count'>
            <Text className='manage-checkin__count-number'>{n}</Text>
            <Text className='manage-checkin__count-label'>{label}</Text>
          </View>
        ))}
      </View>

      <View className='manage-checkin__tools'>
        <MemberCodeScan busy={busy === 'memberCode'} onCode={(code) => void actions.scanMember(code)} />
        <PosterPrint lectureId={lectureId} />
        {message && <Notice {...message} />}
        {!data.finished && (
          <ActionButton
            variant='quiet'
            busy={busy === 'finish'}
            className='manage-checkin__finish'
            onClick={() => void actions.finish()}
          >
            {busy === 'finish' ? '请稍候…' : '结束党课'}
          </ActionButton>
        )}
      </View>

      <PendingScans
        className='manage-checkin__pending'
        lectureId={lectureId}
        rows={data.pending}
        onDecided={live.refresh}
      />
      <MemberLists rows={data.rows} actions={actions} />
      <CheckinLog live={data} />
    </View>
  )
}
