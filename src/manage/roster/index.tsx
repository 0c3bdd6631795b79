import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import type { LectureRoster, PendingScan, RosterRow } from '../../shared/contract'
import { refusal, type Reply } from '../../shared/errors'
import { formatDateTime, formatTimeRange } from '../../shared/chinaTime'
import { DecideButtons, ExportButton, Notice, PageState, PendingScans, ReasonForm, usePageLoad } from '../components'
import { LECTURE_STATUS, SIGNUP_STATUS, SIGNUP_STATUS_ORDER, waitlistPlace } from '../../shared/words'
import { readParam } from '../utils/route'
import './index.scss'

interface RosterData {
  roster: LectureRoster
  /** Offline scans waiting for confirmation (checkin.pending); none if that list could not be read. */
  pending?: PendingScan[]
}

async function loadRoster(lectureId: string | undefined): Promise<Reply<RosterData>> {
  if (!lectureId) return refusal('NOT_FOUND', '没有指定党课')
  const [reply, pending] = await Promise.all([
    call('signup', 'roster', { lectureId }),
    call('checkin', 'pending', { lectureId }),
  ])
  return reply.ok
    ? { ok: true, data: { roster: reply.data, pending: pending.ok ? pending.data.rows : undefined } }
    : reply
}

interface Message {
  tone: 'error' | 'success'
  text: string
  detail?: string
}

/**
 * The roster of one lecture (?id=): counts, offline check-ins waiting for confirmation, sign-ups in arrival
 * order, approval, export to Excel.
 */
export default function ManageRoster() {
  const { params } = useRouter()
  const lectureId = readParam(params, 'id')
  const page = usePageLoad(() => loadRoster(lectureId), [lectureId], 'mount')
  const [deciding, setDeciding] = useState<{ memberId: string; decision: 'approve' | 'decline' }>()
  const [declining, setDeclining] = useState<string>()
  const [rowMessage, setRowMessage] = useState<{ memberId: string } & Message>()

  const decide = async (row: RosterRow, decision: 'approve' | 'decline', reason?: string) => {
    if (!lectureId || deciding) return
    setDeciding({ memberId: row.memberId, decision })
    setRowMessage(undefined)
    try {
      const reply = await call('signup', 'decide', {
        lectureId,
        memberId: row.memberId,
        decision,
        ...(reason ? { reason } : {}),
      })
      if (!reply.ok) {
        setRowMessage({ memberId: row.memberId, tone: 'error', text: reply.message, detail: reply.explanation })
        return
      }
      setDeclining(undefined)
      const { status, position } = reply.data
      const result =
        status === 'waitlisted' && position ? `名额已满，${waitlistPlace(position)}` : SIGNUP_STATUS[status]
      setRowMessage({ memberId: row.memberId, tone: 'success', text: `${row.name}：${result}` })
      await page.quietReload()
    } finally {
      setDeciding(undefined)
    }
  }

  if (page.phase !== 'ready') {
    return (
      <View className='manage-roster'>
        <PageState
          phase={page.phase}
          refusal={page.refusal}
          onRetry={lectureId ? () => void page.reload() : undefined}
        />
      </View>
    )
  }

  const { roster, pending } = page.data
  const { lecture, counts } = roster
  const rows = [...roster.rows].sort((a, b) => a.ticket - b.ticket)
  return (
    <View className='manage-roster'>
      <View className='manage-roster__head'>
        <Text className='manage-roster__title'>{lecture.title}</Text>
        <Text className='manage-roster__meta'>{formatTimeRange(lecture.startAt, lecture.endAt)}</Text>
        <Text className='manage-roster__meta'>{`${LECTURE_STATUS[lecture.status]} · 名额 ${lecture.capacity} 人`}</Text>
        <View className='manage-roster__counts'>
          {SIGNUP_STATUS_ORDER.map((status) => (
            <View key={status} className={`manage-roster__count manage-roster__count--${status}`}>
              <Text className='manage-roster__count-number'>{counts[status] ?? 0}</Text>
              <Text className='manage-roster__count-label'>{SIGNUP_STATUS[status]}</Text>
            </View>
          ))}
        </View>
        <ExportButton noun='名单' request={() => call('signup', 'exportRoster', { lectureId: lecture.id })} />
      </View>

      {pending && (
        <PendingScans
          className='manage-roster__pending'
          lectureId={lecture.id}
          rows={pending}
          onDecided={page.quietReload}
        />
      )}

      <View className='manage-roster__list'>
        <Text className='manage-roster__list-title'>按报名先后</Text>
        {rows.length === 0 && <PageState phase='empty' empty='还没有人报名' />}
        {rows.map((row) => (
          <View key={row.memberId} className='manage-roster__row'>
            <View className='manage-roster__line'>
              <Text className='manage-roster__ticket'>{`${row.ticket}.`}</Text>
              <Text className='manage-roster__name'>{row.name}</Text>
              <Text className={`manage-roster__status manage-roster__status--${row.status}`}>
                {SIGNUP_STATUS[row.status]}
              </Text>
            </View>
            <Text className='manage-roster__detail'>{`${row.branchName} · ${formatDateTime(row.signedUpAt)} 报名`}</Text>
            {row.status === 'pending' && declining !== row.memberId && (
              <DecideButtons
                block='manage-roster'
                yes='通过'
                no='不通过'
                busy={deciding?.memberId === row.memberId && deciding.decision === 'approve'}
                onYes={() => void decide(row, 'approve')}
                onNo={() => {
                  setDeclining(row.memberId)
                  setRowMessage(undefined)
                }}
              />
            )}
            {row.status === 'pending' && declining === row.memberId && (
              <ReasonForm
                id={`decline-reason-${row.memberId}`}
                label={`不通过${row.name}的报名，原因（选填，党员会看到）`}
                placeholder='如：本次只面向本支部党员'
                confirmText='确认不通过'
                busy={deciding?.memberId === row.memberId}
                onConfirm={(reason) => void decide(row, 'decline', reason)}
                onBack={() => setDeclining(undefined)}
              />
            )}
            {rowMessage?.memberId === row.memberId && (
              <Notice tone={rowMessage.tone} text={rowMessage.text} detail={rowMessage.detail} />
            )}
          </View>
        ))}
      </View>
    </View>
  )
}
