import { Button, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { call } from '../../api/client'
import { onOutboxChange } from '../../api/outbox'
import PageState, { usePageLoad } from '../../components/PageState'
import PrivacySheet from '../../components/PrivacySheet'
import { lectureIdOfQr } from '../../shared/checkinRules'
import type { CheckinStatus } from '../../shared/contract/checkin'
import type { Reply } from '../../shared/errors'
import { readParam, routes } from '../../utils/routes'
import AnswerView from './AnswerView'
import CheckinActions from './CheckinActions'
import CheckinHead from './CheckinHead'
import OutboxNotes from './OutboxNotes'
import { useCheckinScan } from './useCheckinScan'
import './index.scss'

/**
 * 党课签到: the member scans the code on the secretary's screen (WeChat) or types its six digits
 * (everywhere), with the phone's location at L2/L3. The server decides; a scan that cannot reach it
 * waits in the outbox (src/api/outbox.ts) and is sent when the network returns.
 */
export default function Checkin() {
  const params = useRouter().params
  const scannedQr = readParam(params, 'qr')
  const lectureId = readParam(params, 'id') ?? (scannedQr ? lectureIdOfQr(scannedQr) : undefined) ?? ''
  const [, setOutboxTick] = useState(0)
  const autoSent = useRef(false)

  const page = usePageLoad(async (): Promise<Reply<CheckinStatus | undefined>> => {
    if (!lectureId) return { ok: false, code: 'NOT_FOUND', message: '没有找到这场党课' }
    const reply = await call('checkin', 'status', { lectureId })
    // No signal at the lecture: the member can still scan (the outbox sends it later); keep what is shown.
    return !reply.ok && reply.code === 'NETWORK' ? { ok: true, data: page.data } : reply
  }, [lectureId])
  const { quietReload } = page
  const status = page.data
  const scan = useCheckinScan(lectureId, status, () => void quietReload())

  // A scan sent from the outbox changes the member's state too (in, or 待确认): ask again.
  useEffect(
    () =>
      onOutboxChange(() => {
        setOutboxTick((t) => t + 1)
        void quietReload()
      }),
    [quietReload],
  )

  // Opened with a code the member scanned on "我的": send it at once, while it is still valid.
  useEffect(() => {
    if (page.phase !== 'ready' || !scannedQr || autoSent.current) return
    autoSent.current = true
    void scan.checkIn({ qr: scannedQr })
  })

  if (page.phase !== 'ready') {
    return (
      <PageState className='checkin' phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
    )
  }

  const mine = status?.mine
  // Refused by the secretary: the member may check in again (a scan made now).
  const taken = mine && mine.status !== 'refused' ? mine : undefined
  const done = taken && (taken.checkedOutAt !== undefined || taken.status === 'out' || status?.level !== 'L3')
  const out = taken !== undefined && status?.level === 'L3' && !done

  return (
    <View className='checkin'>
      <CheckinHead status={status} />
      <OutboxNotes lectureId={lectureId} />
      {!done && (
        <CheckinActions
          word={out ? '签退' : '签到'}
          plain={status?.level === 'L0'}
          typed={scan.typed}
          onType={scan.setTyped}
          typedError={scan.typedError}
          busy={scan.busy}
          onCheckIn={(how) => void scan.checkIn(how)}
        />
      )}
      {scan.answer && <AnswerView answer={scan.answer} lectureId={lectureId} />}
      <View className='checkin__links'>
        <Button
          className='checkin__button checkin__button--plain'
          onClick={() => void Taro.navigateTo({ url: routes.hours })}
        >
          查看我的学时
        </Button>
      </View>
      <PrivacySheet />
    </View>
  )
}
