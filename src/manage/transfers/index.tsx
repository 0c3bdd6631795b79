import { Text, View } from '@tarojs/components'
import { type ReactNode, useState } from 'react'
import { call } from '../../api/client'
import type { TransferView } from '../../shared/contract'
import type { Reply } from '../../shared/errors'
import { formatDateTime } from '../../shared/chinaTime'
import { TRANSFER_STATUS } from '../../shared/words'
import {
  ActionButton,
  DecideButtons,
  ManagedNodesView,
  Notice,
  type NoticeMessage,
  OrgPicker,
  PageState,
  ReasonForm,
  refusalNotice,
  usePageLoad,
  useManagedNodes,
} from '../components'
import './index.scss'

const needsReason = (reason: string) => (reason.length < 2 ? '请写明原因' : undefined)

/**
 * 组织关系转接 of one branch: members sent here waiting to be accepted (接收, or 不接收 with a reason), members
 * sent from here not yet accepted (撤回), and the latest decided. Members are sent from the 支部名册 page.
 */
export default function ManageTransfers() {
  const nodes = useManagedNodes(true)
  const branchId = nodes.selectedId
  const page = usePageLoad(() => (branchId ? call('member', 'transfers', { branchId }) : undefined), [branchId])
  const [busy, setBusy] = useState<string>()
  const [declining, setDeclining] = useState<string>()
  const [message, setMessage] = useState<{ id: string } & NoticeMessage>()
  // What was done stays at the top: the transfer itself leaves its list.
  const [done, setDone] = useState<string>()

  const act = async (t: TransferView, request: () => Promise<Reply<TransferView>>, success: string) => {
    if (busy) return
    setBusy(t.id)
    setMessage(undefined)
    setDone(undefined)
    try {
      const reply = await request()
      if (!reply.ok) return setMessage({ id: t.id, ...refusalNotice(reply) })
      setDeclining(undefined)
      setDone(success)
      await page.quietReload()
    } finally {
      setBusy(undefined)
    }
  }

  const accept = (t: TransferView) =>
    act(t, () => call('member', 'transferAccept', { transferId: t.id }), `已接收${t.memberName}`)
  const decline = (t: TransferView, reason: string) =>
    act(t, () => call('member', 'transferDecline', { transferId: t.id, reason }), `已告知${t.fromBranchName}不接收`)
  const withdraw = (t: TransferView) =>
    act(t, () => call('member', 'transferWithdraw', { transferId: t.id }), `已撤回${t.memberName}的转接`)

  const data = page.phase === 'ready' ? page.data : undefined
  const note = (t: TransferView) =>
    message?.id === t.id && <Notice tone={message.tone} text={message.text} detail={message.detail} />

  return (
    <View className='manage-transfers'>
      <ManagedNodesView nodes={nodes} empty='转接由党支部办理，您管理的组织中没有党支部。'>
        <OrgPicker label='党支部' managed={nodes} />
        <View className='manage-transfers__body'>
          {done && <Notice tone='success' text={done} />}
          {page.phase !== 'ready' && (
            <PageState phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
          )}
          {data && (
            <>
              <Section title='等待本支部接收' items={data.incoming} empty='没有等待接收的党员'>
                {(t) => (
                  <>
                    {declining === t.id ? (
                      <ReasonForm
                        label='不接收的原因（对方支部会看到）'
                        id={`decline-reason-${t.id}`}
                        confirmText='不接收'
                        validate={needsReason}
                        onConfirm={(reason) => void decline(t, reason)}
                        onBack={() => setDeclining(undefined)}
                        busy={busy === t.id}
                      />
                    ) : (
                      <DecideButtons
                        block='manage-transfers'
                        yes='接收'
                        no='不接收'
                        busy={busy === t.id}
                        onYes={() => void accept(t)}
                        onNo={() => setDeclining(t.id)}
                      />
                    )}
                    {note(t)}
                  </>
                )}
              </Section>
              <Section title='本支部转出，等待对方接收' items={data.outgoing} empty='没有转出中的党员'>
                {(t) => (
                  <>
                    <View className='manage-transfers__actions'>
                      <ActionButton size='small' variant='quiet' busy={busy === t.id} onClick={() => void withdraw(t)}>
                        {busy === t.id ? '请稍候…' : '撤回'}
                      </ActionButton>
                    </View>
                    {note(t)}
                  </>
                )}
              </Section>
              <Section title='最近办理' items={data.recent} empty='暂无'>
                {(t) => note(t)}
              </Section>
            </>
          )}
        </View>
      </ManagedNodesView>
    </View>
  )
}

function Section(props: {
  title: string
  items: TransferView[]
  empty: string
  children: (t: TransferView) => ReactNode
}) {
  const { title, items, empty, children } = props
  return (
    <View className='manage-transfers__section'>
      <Text className='manage-transfers__title'>{`${title}（${items.length}）`}</Text>
      {items.length === 0 && <Text className='manage-transfers__empty'>{empty}</Text>}
      {items.map((t) => (
        <View key={t.id} className='manage-transfers__item'>
          <View className='manage-transfers__head'>
            <Text className='manage-transfers__name'>{t.memberName}</Text>
            <Text className={`manage-transfers__status manage-transfers__status--${t.status}`}>
              {TRANSFER_STATUS[t.status]}
            </Text>
          </View>
          <Text className='manage-transfers__line'>{`${t.fromBranchName} → ${t.toBranchName}`}</Text>
          <Text className='manage-transfers__line'>
            {`${t.byName} ${formatDateTime(t.createdAt)} 发起：${t.reason}`}
          </Text>
          {t.decidedAt && (
            <Text className='manage-transfers__line'>
              {`${t.decidedByName ?? ''} ${formatDateTime(t.decidedAt)} ${TRANSFER_STATUS[t.status]}`}
            </Text>
          )}
          {t.declineReason && <Text className='manage-transfers__line'>{`不接收的原因：${t.declineReason}`}</Text>}
          {children(t)}
        </View>
      ))}
    </View>
  )
}
