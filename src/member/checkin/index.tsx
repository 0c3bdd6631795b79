import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../../api/client'
import { canOpenSettings, locate, openSettings, type Located } from '../../api/location'
import {
  flushOutbox,
  onOutboxChange,
  outboxOutcomes,
  pendingScans,
  saveScan,
  type ScanLocation,
} from '../../api/outbox'
import { canScan, scanQr } from '../../api/scanner'
import PageState from '../../components/PageState'
import StatusTag from '../../components/StatusTag'
import { lectureIdOfQr, OFFLINE_MAX_DELAY_MS } from '../../shared/checkinRules'
import { typedCode, type CheckinResult, type CheckinStatus } from '../../shared/contract/checkin'
import type { Refusal } from '../../shared/errors'
import { formatClock, formatTimeRange } from '../../shared/chinaTime'
import { LEVEL_WORDS } from '../../shared/words'
import { readParam, routes } from '../../utils/routes'
import { checkinStatusLabel, reviewText } from '../../utils/status'
import { outcomeText, outcomeTone, resultNote, resultTitle } from './outcome'
import './index.scss'

type Load = { phase: 'loading' } | { phase: 'ready'; status?: CheckinStatus } | { phase: 'refused'; refusal: Refusal }

/** The answer to the member's last tap, shown big under the actions. */
type Answer =
  | { kind: 'done'; result: CheckinResult }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'saved' }
  | { kind: 'notice'; text: string; settings?: boolean }

type Code = { qr: string } | { typed: string } | Record<string, never>

/** A location older than this is asked for again (the member may have walked in from the car park). */
const LOCATION_FRESH_MS = 60_000

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

/**
 * 党课签到: the member scans the code on the secretary's screen (WeChat) or types its six digits
 * (everywhere), with the phone's location at L2/L3. The server decides; a scan that cannot reach it
 * waits in the outbox (src/api/outbox.ts) and is sent when the network returns.
 */
export default function Checkin() {
  const params = useRouter().params
  const scannedQr = readParam(params, 'qr')
  const lectureId = readParam(params, 'id') ?? (scannedQr ? lectureIdOfQr(scannedQr) : undefined) ?? ''
  const [load, setLoad] = useState<Load>({ phase: 'loading' })
  const [typed, setTyped] = useState('')
  const [typedError, setTypedError] = useState<string>()
  const [busy, setBusy] = useState<string>()
  const [answer, setAnswer] = useState<Answer>()
  const [, setOutboxTick] = useState(0)
  const located = useRef<Located>()
  const autoSent = useRef(false)

  const refresh = useCallback(
    async (quiet: boolean) => {
      if (!lectureId) {
        setLoad({ phase: 'refused', refusal: { ok: false, code: 'NOT_FOUND', message: '没有找到这场党课' } })
        return
      }
      if (!quiet) setLoad({ phase: 'loading' })
      const reply = await call('checkin', 'status', { lectureId })
      if (reply.ok) setLoad({ phase: 'ready', status: reply.data })
      // No signal at the lecture: the member can still scan; the outbox sends it later.
      else if (reply.code === 'NETWORK') setLoad((l) => (l.phase === 'ready' ? l : { phase: 'ready' }))
      else if (!quiet) setLoad({ phase: 'refused', refusal: reply })
    },
    [lectureId],
  )

  useDidShow(() => void refresh(load.phase === 'ready'))
  // A scan sent from the outbox changes the member's state too (in, or 待确认): ask again.
  useEffect(
    () =>
      onOutboxChange(() => {
        setOutboxTick((t) => t + 1)
        void refresh(true)
      }),
    [refresh],
  )

  const status = load.phase === 'ready' ? load.status : undefined

  /** The location if this lecture needs one (unknown lecture: try, but do not insist). */
  const whereAmI = async (): Promise<{ location?: ScanLocation; stop?: Answer }> => {
    const needed = status ? status.needsLocation : true
    if (!needed) return {}
    const last = located.current
    if (last?.ok && Date.now() - last.at < LOCATION_FRESH_MS) return { location: last.location }
    setBusy('正在获取位置…')
    const now = await locate()
    located.current = now
    if (now.ok) return { location: now.location }
    if (!status) return {}
    return { stop: { kind: 'notice', text: now.message, settings: now.problem === 'denied' && canOpenSettings() } }
  }

  const send = async (code: Code, location?: ScanLocation) => {
    setBusy('正在签到…')
    const scannedAt = new Date().toISOString()
    const reply = await call('checkin', 'scan', { lectureId, ...code, ...(location ? { location } : {}) })
    if (reply.ok) {
      setAnswer({ kind: 'done', result: reply.data })
      setTyped('')
      void refresh(true)
    } else if (reply.code === 'NETWORK' || reply.code === 'INTERNAL') {
      saveScan({ lectureId, lectureTitle: status?.lectureTitle, ...code, location, scannedAt })
      setAnswer({ kind: 'saved' })
    } else {
      setAnswer({ kind: 'refused', refusal: reply })
    }
  }

  /** Location first, then the code: a code lives about 30 seconds, a location fix may take several. */
  const checkIn = async (how: 'scan' | 'typed' | 'plain' | { qr: string }) => {
    if (busy) return
    setAnswer(undefined)
    let code: Code = {}
    if (how === 'typed') {
      const parsed = typedCode.safeParse(typed)
      if (!parsed.success) {
        setTypedError('签到码是6位数字，请看现场屏幕上二维码下方的数字')
        return
      }
      setTypedError(undefined)
      code = { typed: parsed.data }
    }
    try {
      const { location, stop } = await whereAmI()
      if (stop) return setAnswer(stop)
      if (how === 'scan') {
        setBusy('请对准现场屏幕上的二维码')
        const scanned = await scanQr()
        if (!scanned.ok) {
          if (!scanned.cancelled)
            setAnswer({ kind: 'notice', text: '没有扫到二维码，可以再扫一次，或输入二维码下方的6位数字。' })
          return
        }
        if (!lectureIdOfQr(scanned.text)) {
          return setAnswer({ kind: 'notice', text: '这不是党课的签到二维码，请扫描现场屏幕上的签到码。' })
        }
        code = { qr: scanned.text }
      } else if (typeof how === 'object') {
        code = how
      }
      await send(code, location)
    } finally {
      setBusy(undefined)
    }
  }

  // Opened with a code the member scanned on "我的": send it at once, while it is still valid.
  useEffect(() => {
    if (load.phase !== 'ready' || !scannedQr || autoSent.current) return
    autoSent.current = true
    void checkIn({ qr: scannedQr })
  })

  if (load.phase !== 'ready') {
    return (
      <PageState
        className='checkin'
        phase={load.phase === 'loading' ? 'loading' : 'refused'}
        refusal={load.phase === 'refused' ? load.refusal : undefined}
        onRetry={() => void refresh(false)}
      />
    )
  }

  const mine = status?.mine
  // Refused by the secretary: the member may check in again (a scan made now).
  const taken = mine && mine.status !== 'refused' ? mine : undefined
  const done = taken && (taken.checkedOutAt !== undefined || taken.status === 'out' || status?.level !== 'L3')
  const out = taken !== undefined && status?.level === 'L3' && !done
  const word = out ? '签退' : '签到'
  const plain = status?.level === 'L0'
  const waiting = pendingScans().filter((i) => i.lectureId === lectureId)
  const outcomes = outboxOutcomes().filter((o) => o.lectureId === lectureId)

  return (
    <View className='checkin'>
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
          <Text className='checkin__warn'>
            网络不通，暂时看不到签到信息。仍可扫码或输入签到码，网络恢复后自动提交。
          </Text>
        )}
      </View>

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

      {!done && (
        <View className='checkin__actions'>
          {plain ? (
            <Button className='checkin__button checkin__button--big' onClick={() => void checkIn('plain')}>
              {busy ?? word}
            </Button>
          ) : (
            <>
              {canScan() && (
                <Button className='checkin__button checkin__button--big' onClick={() => void checkIn('scan')}>
                  {busy ?? `扫码${word}`}
                </Button>
              )}
              <Text className='checkin__label'>{`输入${word}码`}</Text>
              <Text className='checkin__hint'>现场屏幕上二维码下方的6位数字</Text>
              <Input
                className='checkin__code'
                placeholderClass='checkin__placeholder'
                type='number'
                maxlength={6}
                value={typed}
                placeholder='6位数字'
                aria-label={`输入${word}码`}
                onInput={(e) => setTyped(e.detail.value.replace(/\D/g, ''))}
                onConfirm={() => void checkIn('typed')}
              />
              {typedError && <Text className='checkin__error'>{typedError}</Text>}
              <Button
                className={`checkin__button${canScan() ? ' checkin__button--plain' : ''}${busy ? ' checkin__button--busy' : ''}`}
                onClick={() => void checkIn('typed')}
              >
                {busy ?? `提交${word}码`}
              </Button>
            </>
          )}
        </View>
      )}

      {answer && <AnswerView answer={answer} />}

      <View className='checkin__links'>
        <Button
          className='checkin__button checkin__button--plain'
          onClick={() => void Taro.navigateTo({ url: routes.hours })}
        >
          查看我的学时
        </Button>
      </View>
    </View>
  )
}

function AnswerView({ answer }: { answer: Answer }) {
  switch (answer.kind) {
    case 'done':
      if (answer.result.review) {
        return (
          <View className={`checkin__answer checkin__answer--${answer.result.review.status}`} role='status'>
            <Text className='checkin__answer-title'>{resultTitle(answer.result)}</Text>
            <Text className='checkin__answer-text'>{resultNote(answer.result)}</Text>
          </View>
        )
      }
      return (
        <View className='checkin__answer checkin__answer--done' role='status'>
          <Text className='checkin__answer-mark'>✓</Text>
          <Text className='checkin__answer-title'>{resultTitle(answer.result)}</Text>
          {resultNote(answer.result) && <Text className='checkin__answer-text'>{resultNote(answer.result)}</Text>}
        </View>
      )
    case 'refused':
      return (
        <View className='checkin__answer checkin__answer--refused' role='alert'>
          <Text className='checkin__answer-title'>{answer.refusal.message}</Text>
          {answer.refusal.explanation && <Text className='checkin__answer-text'>{answer.refusal.explanation}</Text>}
          {answer.refusal.code === 'NOT_A_MEMBER' && (
            <Button className='checkin__button' onClick={() => void Taro.navigateTo({ url: routes.bind })}>
              去绑定
            </Button>
          )}
        </View>
      )
    case 'saved':
      return (
        <View className='checkin__answer checkin__answer--saved' role='status'>
          <Text className='checkin__answer-title'>网络不通，已保存，网络恢复后自动提交</Text>
          <Text className='checkin__answer-text'>
            {`签到按您扫码的时间计算。请在${OFFLINE_MAX_DELAY_MS / 3_600_000}小时内让手机连上网络（打开本小程序即可自动提交）。`}
          </Text>
        </View>
      )
    case 'notice':
      return (
        <View className='checkin__answer checkin__answer--refused' role='alert'>
          <Text className='checkin__answer-text'>{answer.text}</Text>
          {answer.settings && (
            <Button className='checkin__button' onClick={openSettings}>
              去设置
            </Button>
          )}
        </View>
      )
  }
}
