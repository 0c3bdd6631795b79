import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import RefusalBox from '../../components/RefusalBox'
import type { LecturerProfile, LectureSummary } from '../../shared/contract'
import { formatDateTime } from '../../shared/chinaTime'
import type { Refusal } from '../../shared/errors'

type Step =
  { at: 'closed' } | { at: 'loading' } | { at: 'pick'; lectures: LectureSummary[] } | { at: 'sent'; title: string }

/**
 * 邀请讲课: a secretary or administrator (profile.canInvite) picks one of their lectures not yet held (drafts
 * and upcoming, lecture.managed: 2 calls, only once they open it) and sends lecturer.invite. A bound lecturer
 * answers on their 我的; an outsider's answer is recorded under 师资库 › 发出的邀请.
 */
export default function Invite({ profile: p }: { profile: LecturerProfile }) {
  const [step, setStep] = useState<Step>({ at: 'closed' })
  const [chosen, setChosen] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<Refusal>()
  if (!p.canInvite) return null

  const open = async () => {
    setStep({ at: 'loading' })
    setRefusal(undefined)
    const [drafts, upcoming] = await Promise.all([
      call('lecture', 'managed', { scope: 'drafts' }),
      call('lecture', 'managed', { scope: 'upcoming' }),
    ])
    if (!drafts.ok || !upcoming.ok) {
      setRefusal(!drafts.ok ? drafts : (upcoming as Refusal))
      return setStep({ at: 'closed' })
    }
    const now = Date.now()
    const notHeld = [...upcoming.data.items, ...drafts.data.items].filter((l) => Date.parse(l.endAt) > now)
    setStep({ at: 'pick', lectures: notHeld })
  }

  const send = async (lecture: LectureSummary) => {
    if (busy) return
    setBusy(true)
    setRefusal(undefined)
    const reply = await call('lecturer', 'invite', { lectureId: lecture.id, lecturerId: p.id })
    setBusy(false)
    if (!reply.ok) return setRefusal(reply)
    setStep({ at: 'sent', title: lecture.title })
  }

  const answerWhere = p.memberId ? '对方会在“我的”里答复' : '请联系对方后，在 师资库 › 发出的邀请 里登记答复'
  return (
    <View className='lecturer__section'>
      <Text className='lecturer__heading'>邀请讲课</Text>
      {step.at === 'closed' && (
        <Button className='lecturer__button' onClick={() => void open()}>
          {`邀请${p.name}讲课`}
        </Button>
      )}
      {step.at === 'loading' && <Text className='lecturer__note'>正在加载您的党课…</Text>}
      {step.at === 'pick' && step.lectures.length === 0 && (
        <Text className='lecturer__note'>您没有还未举办的党课，请先在 党课管理 里新建一场</Text>
      )}
      {step.at === 'pick' && step.lectures.length > 0 && (
        <>
          <Text className='lecturer__note'>选择要请{p.name}主讲的党课：</Text>
          {step.lectures.map((l) => (
            <View
              key={l.id}
              className={`lecturer__row lecturer__choice${chosen === l.id ? ' lecturer__choice--on' : ''}`}
              onClick={() => setChosen(l.id)}
            >
              <Text className='lecturer__row-title'>{`${chosen === l.id ? '✓ ' : ''}${l.title}`}</Text>
              <Text className='lecturer__note'>
                {`${formatDateTime(l.startAt)} · ${l.hostOrgName}${l.status === 'draft' ? ' · 草稿' : ''}`}
              </Text>
            </View>
          ))}
          <Button
            className='lecturer__button'
            disabled={busy || !chosen}
            onClick={() => void send(step.lectures.find((l) => l.id === chosen)!)}
          >
            发出邀请
          </Button>
        </>
      )}
      {step.at === 'sent' && (
        <Text className='lecturer__sent'>{`已邀请${p.name}讲「${step.title}」，${answerWhere}`}</Text>
      )}
      <RefusalBox block='lecturer' refusal={refusal} />
    </View>
  )
}
