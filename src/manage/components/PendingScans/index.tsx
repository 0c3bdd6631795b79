import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../../api/client'
import { contract, type PendingScan, type ReviewResult } from '../../../shared/contract'
import { formatDateTime } from '../../../shared/chinaTime'
import ActionButton from '../ActionButton'
import DecideButtons from '../DecideButtons'
import Notice from '../Notice'
import ReasonForm from '../ReasonForm'
import './index.scss'

export interface PendingScansProps {
  lectureId: string
  /** The lecture's pending offline scans (checkin.live or checkin.pending). */
  rows: PendingScan[]
  /** After a decision: the page fetches its lists again. */
  onDecided: () => unknown
  className?: string
}

interface Message {
  /** The row it is about, or 'all'. */
  key: string
  tone: 'error' | 'success'
  text: string
  detail?: string
}

const REFUSE_REASONS = ['本人当时不在会场', '扫码时间不对']

const reasonRule = contract.checkin.manual.input.shape.reason
const validateReason = (reason: string) => {
  const parsed = reasonRule.safeParse(reason)
  return parsed.success ? undefined : parsed.error.issues[0]?.message
}

/** What a decision did, in one line. */
function decidedText(result: ReviewResult, decision: 'confirm' | 'refuse'): string {
  const changed = result.decided.filter((d) => d.changed)
  const names = changed.map((d) => d.name).join('、')
  const skipped = result.skipped > 0 ? `；您本人的${result.skipped}条需由其他支部委员或上级确认` : ''
  if (changed.length === 0) return `没有需要处理的签到，已由他人处理${skipped}`
  return decision === 'confirm' ? `已确认${names}的签到，计入学时${skipped}` : `已不予确认${names}的签到，不计学时`
}

/**
 * Offline scans held for the secretary (待确认): who, when the phone scanned, when the server received it,
 * with 确认 / 不予确认 (a reason the member sees) per row and 全部确认. The same list on the check-in screen
 * and the sign-up list; it shows nothing while nothing waits. Class prefix `pending-scans`.
 */
function PendingScans(props: PendingScansProps) {
  const { lectureId, rows, onDecided, className } = props
  const [refusing, setRefusing] = useState<string>()
  const [busy, setBusy] = useState<string>()
  const [message, setMessage] = useState<Message>()

  const decide = async (
    key: string,
    payload: { memberId?: string; decision: 'confirm' | 'refuse'; reason?: string },
  ) => {
    if (busy) return
    setBusy(key)
    setMessage(undefined)
    try {
      const reply = await call('checkin', 'review', { lectureId, ...payload })
      if (!reply.ok) return setMessage({ key, tone: 'error', text: reply.message, detail: reply.explanation })
      setRefusing(undefined)
      setMessage({ key: 'all', tone: 'success', text: decidedText(reply.data, payload.decision) })
      await onDecided()
    } finally {
      setBusy(undefined)
    }
  }

  const confirmAll = async () => {
    const { confirm } = await Taro.showModal({
      title: '全部确认',
      content: `确认这${rows.length}人的离线签到？确认后计入学时。`,
      confirmText: '全部确认',
      cancelText: '再想想',
    })
    if (confirm) await decide('all', { decision: 'confirm' })
  }

  const shown = (key: string) =>
    message?.key === key && <Notice tone={message.tone} text={message.text} detail={message.detail} />

  // Nothing waits: nothing to show, but the answer to the last decision stays.
  if (rows.length === 0 && !message) return null
  return (
    <View className={`pending-scans${className ? ` ${className}` : ''}`}>
      <Text className='pending-scans__title'>{`待确认的离线签到（${rows.length}）`}</Text>
      {rows.length > 0 && (
        <Text className='pending-scans__hint'>
          这些签到是手机没网时保存、事后补传的，须您确认本人当时在场，才计学时。
        </Text>
      )}
      {rows.length > 1 && (
        <ActionButton block busy={busy === 'all'} className='pending-scans__all' onClick={() => void confirmAll()}>
          {busy === 'all' ? '请稍候…' : '全部确认'}
        </ActionButton>
      )}
      {shown('all')}
      {rows.map((row) => (
        <View key={row.memberId} className='pending-scans__row'>
          <View className='pending-scans__line'>
            <Text className='pending-scans__name'>{row.name}</Text>
            <Text className='pending-scans__tag'>{row.held === 'out' ? '离线签退' : '离线签到'}</Text>
          </View>
          <Text className='pending-scans__detail'>{`扫码时间 ${formatDateTime(row.scannedAt)}`}</Text>
          <Text className='pending-scans__detail'>{`收到时间 ${formatDateTime(row.receivedAt)}`}</Text>
          {refusing === row.memberId ? (
            <ReasonForm
              id={`refuse-reason-${row.memberId}`}
              label={`不予确认${row.name}的签到，原因（党员会看到）`}
              placeholder='选一个，或写明原因'
              presets={REFUSE_REASONS}
              confirmText='不予确认'
              validate={validateReason}
              busy={busy === row.memberId}
              onConfirm={(reason) => void decide(row.memberId, { memberId: row.memberId, decision: 'refuse', reason })}
              onBack={() => setRefusing(undefined)}
            />
          ) : (
            <DecideButtons
              block='pending-scans'
              yes='确认'
              no='不予确认'
              busy={busy === row.memberId}
              onYes={() => void decide(row.memberId, { memberId: row.memberId, decision: 'confirm' })}
              onNo={() => {
                setRefusing(row.memberId)
                setMessage(undefined)
              }}
            />
          )}
          {shown(row.memberId)}
        </View>
      ))}
    </View>
  )
}

PendingScans.displayName = 'PendingScans'

export default PendingScans
