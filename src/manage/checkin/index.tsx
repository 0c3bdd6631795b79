import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState, type ReactNode } from 'react'
import { call } from '../../api/client'
import { contract, type CheckinResult, type LiveRow } from '../../shared/contract'
import { refusal, type Refusal } from '../../shared/errors'
import { ActionButton, ChoiceChips, Notice, PendingScans, ReasonForm, StateView } from '../components'
import CheckinCodePanel from '../components/CheckinCodePanel'
import MemberCodeScan from '../components/MemberCodeScan'
import { chinaParts, formatDateTime } from '../../shared/chinaTime'
import { CHECKIN_METHOD } from '../../shared/words'
import { readParam } from '../utils/route'
import PosterPrint from './PosterPrint'
import { useLiveCheckin, type Purpose } from './useLiveCheckin'
import './index.scss'

interface Message {
  tone: 'error' | 'success'
  text: string
  detail?: string
}

const MANUAL_REASONS = ['年老体弱', '没带手机', '手机没电']
const UNDO_REASONS = ['误签', '本人未到场']
const PURPOSES = [
  { value: 'in' as const, label: '签到码' },
  { value: 'out' as const, label: '签退码' },
]
const AUDIT_ACTION = {
  manual: '代签到',
  undo: '撤销签到',
  memberCode: '扫党员码签到',
  confirm: '确认离线签到',
  refuse: '不予确认离线签到',
} as const

const reasonRule = contract.checkin.manual.input.shape.reason
const validateReason = (reason: string) => {
  const parsed = reasonRule.safeParse(reason)
  return parsed.success ? undefined : parsed.error.issues[0]?.message
}

/** "14:35" */
const clock = (iso: string | undefined) => chinaParts(iso)?.time ?? ''

const refused = (reply: Refusal, prefix = ''): Message => ({
  tone: 'error',
  text: prefix + reply.message,
  detail: reply.explanation,
})

/** What a check-in by the secretary did, in one line. */
function resultText(name: string, r: CheckinResult): string {
  if (r.kind === 'checkedOut') return r.already ? `${name}已经签退过了` : `${name}已签退`
  return r.already ? `${name}已经签到过了（${clock(r.checkedInAt)}）` : `已为${name}签到`
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
  const [now, setNow] = useState(() => Date.now())
  const [acting, setActing] = useState<{ memberId: string; kind: 'manual' | 'undo' }>()
  const [busy, setBusy] = useState<string>()
  const [actionError, setActionError] = useState<string>()
  const [rowMessage, setRowMessage] = useState<{ memberId: string } & Message>()
  const [message, setMessage] = useState<Message>()

  // The countdown under the code; and in WeChat the phone must not dim while it shows the code.
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000)
    if (process.env.TARO_ENV === 'weapp') void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
    return () => clearInterval(tick)
  }, [])

  /** One action at a time; the screen is fetched again after it. */
  const run = async (key: string, work: () => Promise<void>) => {
    if (busy) return
    setBusy(key)
    setActionError(undefined)
    try {
      await work()
    } finally {
      setBusy(undefined)
    }
    await live.refresh()
  }

  const manual = (row: LiveRow, reason: string) =>
    run(row.memberId, async () => {
      const reply = await call('checkin', 'manual', { lectureId: lectureId ?? '', memberId: row.memberId, reason })
      if (!reply.ok) return setActionError([reply.message, reply.explanation].filter(Boolean).join('：'))
      setActing(undefined)
      setRowMessage({ memberId: row.memberId, tone: 'success', text: resultText(row.name, reply.data) })
    })

  const undo = async (row: LiveRow, reason: string) => {
    const { confirm } = await Taro.showModal({
      title: '撤销签到',
      content: `撤销${row.name}的签到？撤销后将扣回学时。`,
      confirmText: '撤销',
      cancelText: '再想想',
    })
    if (!confirm) return
    await run(row.memberId, async () => {
      const reply = await call('checkin', 'undo', { lectureId: lectureId ?? '', memberId: row.memberId, reason })
      if (!reply.ok) return setActionError([reply.message, reply.explanation].filter(Boolean).join('：'))
      setActing(undefined)
      const hours = reply.data.reversedHours
      const text = `已撤销${row.name}的签到${hours > 0 ? `，扣回 ${hours} 学时` : ''}`
      setRowMessage({ memberId: row.memberId, tone: 'success', text })
    })
  }

  const scanMember = (code: string) =>
    run('memberCode', async () => {
      setMessage(undefined)
      const reply = await call('checkin', 'scanMember', { lectureId: lectureId ?? '', code })
      if (!reply.ok) return setMessage(refused(reply, '党员码签到没有成功：'))
      setMessage({ tone: 'success', text: resultText(reply.data.memberName, reply.data) })
    })

  const finish = async () => {
    const { confirm } = await Taro.showModal({
      title: '结束党课',
      content: '结束后党员不能再签到，主讲人将记入讲授学时。确定结束吗？',
      confirmText: '结束',
      cancelText: '再想想',
    })
    if (!confirm) return
    await run('finish', async () => {
      setMessage(undefined)
      const reply = await call('checkin', 'finish', { lectureId: lectureId ?? '' })
      if (!reply.ok) return setMessage(refused(reply, '没有结束成功：'))
      setMessage({
        tone: 'success',
        text: reply.data.lecturerCredited
          ? '党课已结束，已为主讲人记入讲授学时'
          : `党课已结束${reply.data.notCreditedReason ? `。未记讲授学时：${reply.data.notCreditedReason}` : ''}`,
      })
    })
  }

  const open = (memberId: string, kind: 'manual' | 'undo') => {
    setActing(acting?.memberId === memberId && acting.kind === kind ? undefined : { memberId, kind })
    setActionError(undefined)
    setRowMessage(undefined)
  }

  if (!lectureId || live.phase !== 'ready' || !live.live) {
    const shown = lectureId ? live.refusal : refusal('NOT_FOUND', '没有指定党课')
    return (
      <View className='manage-checkin'>
        <StateView
          phase={!lectureId || live.phase === 'refused' ? 'refused' : 'loading'}
          refusal={shown}
          onRetry={lectureId ? () => void live.refresh() : undefined}
        />
      </View>
    )
  }

  const data = live.live
  const l3 = data.level === 'L3'
  const notIn = data.rows.filter((r) => r.state === 'none' || r.state === 'undone' || r.state === 'refused')
  const inRows = data.rows.filter((r) => r.state === 'in' || r.state === 'out')
  const counts: [string, number][] = [
    ['已报名', data.counts.signedUp],
    ['已签到', data.counts.checkedIn],
    ['未签到', data.counts.notYet],
    ...(l3 ? [['已签退', data.counts.checkedOut] as [string, number]] : []),
    ...(data.counts.pending > 0 ? [['待确认', data.counts.pending] as [string, number]] : []),
  ]

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

      {l3 && (
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
        <StateView phase='loading' />
      )}

      <View className='manage-checkin__counts'>
        {counts.map(([label, n]) => (
          <View key={label} className='manage-checkin__count'>
            <Text className='manage-checkin__count-number'>{n}</Text>
            <Text className='manage-checkin__count-label'>{label}</Text>
          </View>
        ))}
      </View>

      <View className='manage-checkin__tools'>
        <MemberCodeScan busy={busy === 'memberCode'} onCode={(code) => void scanMember(code)} />
        <PosterPrint lectureId={lectureId} />
        {message && <Notice tone={message.tone} text={message.text} detail={message.detail} />}
        {!data.finished && (
          <ActionButton
            variant='quiet'
            busy={busy === 'finish'}
            className='manage-checkin__finish'
            onClick={() => void finish()}
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

      <Section title={`未签到（${notIn.length}）`} empty={notIn.length === 0 ? '报名的党员都已签到' : undefined}>
        {notIn.map((row) => (
          <View key={row.memberId} className='manage-checkin__row'>
            <View className='manage-checkin__line'>
              <Text className='manage-checkin__name'>{row.name}</Text>
              {row.state === 'undone' && <Text className='manage-checkin__tag'>已撤销</Text>}
              {row.state === 'refused' && <Text className='manage-checkin__tag'>不予确认</Text>}
              <ActionButton size='small' variant='plain' onClick={() => open(row.memberId, 'manual')}>
                代签到
              </ActionButton>
            </View>
            {acting?.memberId === row.memberId && acting.kind === 'manual' && (
              <ReasonForm
                id={`manual-reason-${row.memberId}`}
                label={`为${row.name}代签到，原因（记入操作记录）`}
                placeholder='选一个，或写明原因'
                presets={MANUAL_REASONS}
                confirmText='确认代签到'
                validate={validateReason}
                busy={busy === row.memberId}
                error={actionError}
                onConfirm={(reason) => void manual(row, reason)}
                onBack={() => setActing(undefined)}
              />
            )}
            {rowMessage?.memberId === row.memberId && <Notice tone={rowMessage.tone} text={rowMessage.text} />}
          </View>
        ))}
      </Section>

      <Section title={`已签到（${inRows.length}）`} empty={inRows.length === 0 ? '还没有人签到' : undefined}>
        {inRows.map((row) => (
          <View key={row.memberId} className='manage-checkin__row'>
            <View className='manage-checkin__line'>
              <Text className='manage-checkin__name'>{row.name}</Text>
              <ActionButton size='small' variant='quiet' onClick={() => open(row.memberId, 'undo')}>
                撤销
              </ActionButton>
            </View>
            <Text className='manage-checkin__detail'>
              {[
                `${clock(row.checkedInAt)} 签到`,
                row.method ? CHECKIN_METHOD[row.method] : '',
                row.checkedOutAt ? `${clock(row.checkedOutAt)} 签退` : '',
                row.offline ? '离线补传' : '',
                row.signedUp ? '' : '未报名',
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {acting?.memberId === row.memberId && acting.kind === 'undo' && (
              <ReasonForm
                id={`undo-reason-${row.memberId}`}
                label={`撤销${row.name}的签到，原因（记入操作记录）`}
                placeholder='选一个，或写明原因'
                presets={UNDO_REASONS}
                confirmText='撤销签到'
                validate={validateReason}
                busy={busy === row.memberId}
                error={actionError}
                onConfirm={(reason) => void undo(row, reason)}
                onBack={() => setActing(undefined)}
              />
            )}
            {rowMessage?.memberId === row.memberId && <Notice tone={rowMessage.tone} text={rowMessage.text} />}
          </View>
        ))}
      </Section>

      <Section title='未通过的签到' empty={data.failures.length === 0 ? '没有' : undefined}>
        {data.failures.map((f, i) => (
          <View key={`${f.at}-${i}`} className='manage-checkin__row'>
            <Text className='manage-checkin__name'>{`${f.name} · ${clock(f.at)}`}</Text>
            <Text className='manage-checkin__detail'>{f.message}</Text>
          </View>
        ))}
      </Section>

      <Section title='操作记录' empty={data.audit.length === 0 ? '没有' : undefined}>
        {data.audit.map((a, i) => (
          <View key={`${a.at}-${i}`} className='manage-checkin__row'>
            <Text className='manage-checkin__name'>{`${clock(a.at)} ${a.byName} ${AUDIT_ACTION[a.action]}：${a.name}`}</Text>
            <Text className='manage-checkin__detail'>{`原因：${a.reason}`}</Text>
          </View>
        ))}
      </Section>
    </View>
  )
}

function Section(props: { title: string; empty?: string; children: ReactNode }) {
  return (
    <View className='manage-checkin__section'>
      <Text className='manage-checkin__section-title'>{props.title}</Text>
      {props.empty ? <Text className='manage-checkin__empty'>{props.empty}</Text> : props.children}
    </View>
  )
}
