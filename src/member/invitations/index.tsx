import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import PageState, { usePageLoad } from '../../components/PageState'
import RefusalBox from '../../components/RefusalBox'
import type { InvitationView } from '../../shared/contract'
import { formatDateTime } from '../../shared/chinaTime'
import type { Refusal } from '../../shared/errors'
import { INVITATION_STATUS } from '../../shared/lecturerRules'
import './index.scss'

/**
 * 讲课邀请: a pool lecturer's invitations from other organisations (lecturer.invitations, pending first), each
 * answered once: 接受, or 婉拒 with a reason the inviting secretary reads.
 */
export default function Invitations() {
  const page = usePageLoad(() => call('lecturer', 'invitations', { box: 'mine' }), [])
  const [declining, setDeclining] = useState<string>()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<{ id: string; reply: Refusal }>()

  const answer = async (inv: InvitationView, decline: boolean) => {
    if (busy) return
    setBusy(true)
    setRefusal(undefined)
    const reply = await call(
      'lecturer',
      'answer',
      decline ? { id: inv.id, decision: 'decline', reason } : { id: inv.id, decision: 'accept' },
    )
    setBusy(false)
    if (!reply.ok) return setRefusal({ id: inv.id, reply })
    setDeclining(undefined)
    page.update((d) => ({ items: d.items.map((i) => (i.id === inv.id ? reply.data : i)) }))
  }

  if (page.phase !== 'ready' || page.data.items.length === 0) {
    return (
      <PageState
        className='invitations'
        phase={page.phase === 'ready' ? 'empty' : page.phase}
        refusal={page.refusal}
        empty='还没有讲课邀请'
        onRetry={() => void page.reload()}
      />
    )
  }
  return (
    <View className='invitations'>
      {page.data.items.map((inv) => (
        <View key={inv.id} className='invitations__item'>
          <Text className={`invitations__status invitations__status--${inv.status}`}>
            {INVITATION_STATUS[inv.status]}
          </Text>
          <Text className='invitations__title'>{inv.lectureTitle}</Text>
          <Text className='invitations__note'>{`${formatDateTime(inv.lectureStartAt)} · ${inv.fromOrgName}`}</Text>
          <Text className='invitations__note'>{`邀请人：${inv.byName}`}</Text>
          {inv.reason && <Text className='invitations__note'>{`婉拒的原因：${inv.reason}`}</Text>}
          {inv.status === 'pending' && declining !== inv.id && (
            <View className='invitations__actions'>
              <Button className='invitations__yes' disabled={busy} onClick={() => void answer(inv, false)}>
                接受邀请
              </Button>
              <Button className='invitations__no' disabled={busy} onClick={() => setDeclining(inv.id)}>
                婉拒
              </Button>
            </View>
          )}
          {inv.status === 'pending' && declining === inv.id && (
            <View className='invitations__decline'>
              <Text className='invitations__label'>婉拒的原因（邀请人会看到）</Text>
              <Input
                className='invitations__input'
                value={reason}
                maxlength={200}
                placeholder='如：那天另有安排'
                onInput={(e) => setReason(e.detail.value)}
              />
              <View className='invitations__actions'>
                <Button
                  className='invitations__yes'
                  disabled={busy || reason.trim().length < 2}
                  onClick={() => void answer(inv, true)}
                >
                  确认婉拒
                </Button>
                <Button className='invitations__no' onClick={() => setDeclining(undefined)}>
                  返回
                </Button>
              </View>
            </View>
          )}
          {refusal?.id === inv.id && <RefusalBox block='invitations' refusal={refusal.reply} />}
        </View>
      ))}
    </View>
  )
}
