import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import type { ProposalView } from '../../shared/contract'
import { themeName } from '../../shared/themes'
import {
  ActionButton,
  ChoiceChips,
  DecideButtons,
  Notice,
  OrgPicker,
  PageState,
  ReasonForm,
  useManagedNodes,
  usePageLoad,
} from '../components'
import { formatDateTime } from '../../shared/chinaTime'
import { PROPOSAL_STATUS } from '../../shared/words'
import type { Option } from '../utils/labels'
import { pageUrl } from '../utils/route'
import './index.scss'

type Show = 'pending' | 'all'

const SHOW_OPTIONS: Option<Show>[] = [
  { value: 'pending', label: '待处理' },
  { value: 'all', label: '全部' },
]

/** Declining needs a reason the member will read (the contract asks for at least two characters). */
function declineProblem(reason: string): string | undefined {
  return reason.length < 2 ? '请填写原因，至少2个字，党员会看到' : undefined
}

/**
 * 党员自荐: members' proposals to give a lecture, for the branch secretary to accept (which makes
 * a draft lecture with the member as lecturer) or decline with a reason.
 */
export default function ManageProposals() {
  const nodes = useManagedNodes(true)
  const branchId = nodes.selectedId
  const [show, setShow] = useState<Show>('pending')
  const [deciding, setDeciding] = useState<string>()
  const [declining, setDeclining] = useState<string>()
  const [errorOf, setErrorOf] = useState<{ id: string; text: string; detail?: string }>()
  /** Accepted on this visit: the item stays in the list with its 去编辑 button. */
  const [justAccepted, setJustAccepted] = useState<string>()
  // Nothing to ask before the branch is known (the page stays 正在加载…).
  const list = usePageLoad(
    () => (branchId ? call('proposal', 'inbox', { branchId, status: show }) : undefined),
    [branchId, show],
    'mount',
  )

  const decide = async (proposal: ProposalView, reason?: string) => {
    if (deciding) return
    setDeciding(proposal.id)
    setErrorOf(undefined)
    try {
      const reply = await call(
        'proposal',
        'decide',
        reason === undefined
          ? { id: proposal.id, decision: 'accept' }
          : { id: proposal.id, decision: 'decline', reason },
      )
      if (!reply.ok) return setErrorOf({ id: proposal.id, text: reply.message, detail: reply.explanation })
      setDeclining(undefined)
      if (reply.data.status === 'accepted') setJustAccepted(reply.data.id)
      // the answer replaces the item in place, so that the secretary sees what became of it
      list.update((l) => ({ ...l, items: l.items.map((p) => (p.id === reply.data.id ? reply.data : p)) }))
    } finally {
      setDeciding(undefined)
    }
  }

  const accept = async (proposal: ProposalView) => {
    const { confirm } = await Taro.showModal({
      title: '采纳自荐',
      content: `采纳后会生成一份党课草稿，主讲人是${proposal.memberName}。确定采纳吗？`,
      confirmText: '采纳',
      cancelText: '再看看',
    })
    if (confirm) await decide(proposal)
  }

  const edit = (lectureId: string) => void Taro.navigateTo({ url: pageUrl('edit', { id: lectureId }) })

  return (
    <View className='manage-proposals'>
      {nodes.phase !== 'ready' && (
        <PageState phase={nodes.phase} refusal={nodes.refusal} onRetry={() => void nodes.reload()} />
      )}
      {nodes.phase === 'ready' && nodes.nodes.length === 0 && (
        <PageState phase='empty' empty='党员自荐由党支部处理，您管理的组织中没有党支部。' />
      )}
      {nodes.phase === 'ready' && nodes.nodes.length > 0 && (
        <>
          <OrgPicker label='党支部' managed={nodes} />
          <ChoiceChips className='manage-proposals__show' options={SHOW_OPTIONS} value={show} onChange={setShow} />
          <View className='manage-proposals__body'>
            {list.phase !== 'ready' && (
              <PageState phase={list.phase} refusal={list.refusal} onRetry={() => void list.reload()} />
            )}
            {list.phase === 'ready' && list.data.items.length === 0 && (
              <PageState phase='empty' empty={show === 'pending' ? '没有待处理的自荐' : '还没有党员自荐'} />
            )}
            {list.phase === 'ready' &&
              list.data.items.map((p) => (
                <View key={p.id} className='manage-proposals__item'>
                  <View className='manage-proposals__head'>
                    <Text className={`manage-proposals__status manage-proposals__status--${p.status}`}>
                      {PROPOSAL_STATUS[p.status]}
                    </Text>
                    <Text className='manage-proposals__theme'>{themeName(p.theme)}</Text>
                  </View>
                  <Text className='manage-proposals__title'>{p.title}</Text>
                  <Text className='manage-proposals__member'>{`${p.memberName} · ${formatDateTime(p.createdAt)} 自荐`}</Text>
                  <Text className='manage-proposals__outline'>{p.outline}</Text>
                  {p.status === 'declined' && p.reason && (
                    <Text className='manage-proposals__reason'>{`未采纳的原因：${p.reason}`}</Text>
                  )}

                  {p.status === 'pending' && declining !== p.id && (
                    <DecideButtons
                      block='manage-proposals'
                      yes='采纳'
                      no='不采纳'
                      busy={deciding === p.id}
                      onYes={() => void accept(p)}
                      onNo={() => {
                        setDeclining(p.id)
                        setErrorOf(undefined)
                      }}
                    />
                  )}
                  {p.status === 'pending' && declining === p.id && (
                    <ReasonForm
                      id={`decline-reason-${p.id}`}
                      label='不采纳的原因（党员会看到）'
                      placeholder='如：本季度主题已安排，欢迎下季度再报'
                      confirmText='确认不采纳'
                      validate={declineProblem}
                      busy={deciding === p.id}
                      error={errorOf?.id === p.id ? errorOf.text : undefined}
                      onConfirm={(reason) => void decide(p, reason)}
                      onBack={() => setDeclining(undefined)}
                    />
                  )}
                  {errorOf?.id === p.id && declining !== p.id && (
                    <Notice tone='error' text={errorOf.text} detail={errorOf.detail} />
                  )}
                  {p.status === 'accepted' && p.lectureId && (
                    <Notice
                      tone={justAccepted === p.id ? 'success' : 'info'}
                      text={justAccepted === p.id ? '已采纳，已生成党课草稿' : '已生成党课草稿'}
                      detail='请补全时间、地点和人数，再发布。'
                    >
                      <ActionButton size='small' variant='plain' onClick={() => edit(p.lectureId as string)}>
                        去编辑
                      </ActionButton>
                    </Notice>
                  )}
                </View>
              ))}
          </View>
        </>
      )}
    </View>
  )
}
