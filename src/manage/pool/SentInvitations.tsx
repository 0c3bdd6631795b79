import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import type { InvitationView } from '../../shared/contract'
import { formatDateTime } from '../../shared/chinaTime'
import { INVITATION_STATUS } from '../../shared/lecturerRules'
import {
  ActionButton,
  DecideButtons,
  Notice,
  OrgPicker,
  PageState,
  ReasonForm,
  usePageLoad,
  type useManagedNodes,
} from '../components'
import './SentInvitations.scss'

const declineProblem = (reason: string) => (reason.length < 2 ? '请填写婉拒的原因，至少2个字' : undefined)
type Decision = { decision: 'accept' } | { decision: 'decline'; reason: string } | { decision: 'withdraw' }

/**
 * 发出的邀请: the invitations a node sent (lecturer.invitations, newest first). For an outsider the inviting
 * side records the answer (记录接受, 记录婉拒 with the reason); any pending one may be withdrawn (撤回). A member
 * lecturer answers on their own 我的. Class prefix `sent-invitations`.
 */
export default function SentInvitations({ managed }: { managed: ReturnType<typeof useManagedNodes> }) {
  const orgId = managed.selectedId
  const list = usePageLoad(
    () => (orgId ? call('lecturer', 'invitations', { box: 'sent', orgId }) : undefined),
    [orgId],
    'mount',
  )
  const [busy, setBusy] = useState<string>()
  const [declining, setDeclining] = useState<string>()
  const [errorOf, setErrorOf] = useState<{ id: string; text: string; detail?: string }>()

  const record = async (inv: InvitationView, how: Decision) => {
    if (busy) return
    setBusy(inv.id)
    setErrorOf(undefined)
    try {
      const reply = await call('lecturer', 'record', { id: inv.id, ...how })
      if (!reply.ok) return setErrorOf({ id: inv.id, text: reply.message, detail: reply.explanation })
      setDeclining(undefined)
      list.update((l) => ({ items: l.items.map((i) => (i.id === inv.id ? reply.data : i)) }))
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <View className='sent-invitations'>
      <OrgPicker label='发出邀请的组织' managed={managed} />
      {list.phase !== 'ready' && (
        <PageState phase={list.phase} refusal={list.refusal} onRetry={() => void list.reload()} />
      )}
      {list.phase === 'ready' && list.data.items.length === 0 && <PageState phase='empty' empty='还没有发出邀请' />}
      {list.phase === 'ready' &&
        list.data.items.map((inv) => (
          <View key={inv.id} className='sent-invitations__item'>
            <Text className={`sent-invitations__status sent-invitations__status--${inv.status}`}>
              {INVITATION_STATUS[inv.status]}
            </Text>
            <Text className='sent-invitations__title'>{inv.lectureTitle}</Text>
            <Text className='sent-invitations__note'>{`主讲人：${inv.lecturerName}`}</Text>
            <Text className='sent-invitations__note'>
              {`${formatDateTime(inv.lectureStartAt)} · ${inv.byName} 邀请`}
            </Text>
            {inv.reason && <Text className='sent-invitations__note'>{`婉拒的原因：${inv.reason}`}</Text>}
            {inv.status === 'pending' && inv.memberId && (
              <Text className='sent-invitations__note'>等待主讲人本人在“我的”里答复</Text>
            )}
            {inv.status === 'pending' && !inv.memberId && declining !== inv.id && (
              <DecideButtons
                block='sent-invitations'
                yes='记录接受'
                no='记录婉拒'
                busy={busy === inv.id}
                onYes={() => void record(inv, { decision: 'accept' })}
                onNo={() => setDeclining(inv.id)}
              />
            )}
            {inv.status === 'pending' && declining === inv.id && (
              <ReasonForm
                id={`decline-reason-${inv.id}`}
                label={`${inv.lecturerName}婉拒的原因`}
                placeholder='如：那天另有安排'
                confirmText='确认婉拒'
                validate={declineProblem}
                busy={busy === inv.id}
                error={errorOf?.id === inv.id ? errorOf.text : undefined}
                onConfirm={(reason) => void record(inv, { decision: 'decline', reason })}
                onBack={() => setDeclining(undefined)}
              />
            )}
            {inv.status === 'pending' && declining !== inv.id && (
              <ActionButton
                className='sent-invitations__withdraw'
                size='small'
                variant='plain'
                busy={busy === inv.id}
                onClick={() => void record(inv, { decision: 'withdraw' })}
              >
                撤回邀请
              </ActionButton>
            )}
            {errorOf?.id === inv.id && declining !== inv.id && (
              <Notice tone='error' text={errorOf.text} detail={errorOf.detail} />
            )}
          </View>
        ))}
    </View>
  )
}
