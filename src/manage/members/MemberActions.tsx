import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import type { BranchChoice, RosterEntry } from '../../shared/contract'
import type { Reply } from '../../shared/errors'
import { ActionButton, ChoiceChips, type NoticeMessage, ReasonForm, refusalNotice, SearchField } from '../components'

const FIND = '输入接收党支部的名称'
const needsReason = (reason: string) => (reason.length < 2 ? '请写明原因' : undefined)

export interface MemberActionsProps {
  member: RosterEntry
  /** The outcome, for the list to show under the member (and to ask for the roster again on success). */
  onDone: (message: NoticeMessage) => void
}

/**
 * 转出 (to a branch searched by name, with a reason; the new branch then accepts on its 转接 page) and
 * 退出党员名册 (a reason, then a confirmation), asked in place under the member.
 */
export default function MemberActions({ member, onDone }: MemberActionsProps) {
  const [open, setOpen] = useState<'transfer' | 'leave'>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [found, setFound] = useState<BranchChoice[]>()
  const [toBranch, setToBranch] = useState<string>()

  const close = () => {
    setOpen(undefined)
    setError(undefined)
    setFound(undefined)
    setToBranch(undefined)
  }

  const search = async (q: string) => {
    setToBranch(undefined)
    if (!q) return setFound(undefined)
    const reply = await call('member', 'transferBranches', { q })
    if (!reply.ok) return setError(reply.message)
    setFound(reply.data.branches)
  }

  const run = async (action: () => Promise<Reply<unknown>>, success: string) => {
    setBusy(true)
    setError(undefined)
    try {
      const reply = await action()
      if (!reply.ok) return onDone(refusalNotice(reply))
      close()
      onDone({ tone: 'success', text: success })
    } finally {
      setBusy(false)
    }
  }

  const transfer = (reason: string) => {
    const to = found?.find((b) => b.id === toBranch)
    if (!to) return setError('请先搜索并选择接收的党支部')
    void run(
      () => call('member', 'transferStart', { memberId: member.id, toBranchId: to.id, reason }),
      `已发起转接，等待${to.name}接收`,
    )
  }

  const leave = async (reason: string) => {
    const { confirm } = await Taro.showModal({
      title: '退出党员名册',
      content: `${member.name}将退出党员名册，微信绑定随即解除，学时记录保留。确定吗？`,
      confirmText: '确定退出',
      cancelText: '不退出',
    })
    if (confirm)
      void run(() => call('member', 'deactivate', { memberId: member.id, reason }), `${member.name}已退出党员名册`)
  }

  if (open === 'transfer') {
    return (
      <View className='manage-members__form'>
        <Text className='manage-members__form-title'>{`转出 ${member.name}`}</Text>
        <SearchField placeholder={FIND} onSearch={(q) => void search(q)} />
        {found && found.length === 0 && <Text className='manage-members__help'>没有找到这个名称的党支部</Text>}
        {found && found.length > 0 && (
          <ChoiceChips
            column
            options={found.map((b) => ({ value: b.id, label: b.name }))}
            value={toBranch}
            onChange={setToBranch}
          />
        )}
        <ReasonForm
          label='转出原因（对方支部会看到）'
          presets={['工作调动', '搬家', '退休']}
          id={`transfer-reason-${member.id}`}
          confirmText='发起转接'
          validate={needsReason}
          onConfirm={transfer}
          onBack={close}
          busy={busy}
          error={error}
        />
      </View>
    )
  }
  if (open === 'leave') {
    return (
      <ReasonForm
        label={`${member.name}退出党员名册的原因`}
        presets={['去世', '迁出本市', '出党']}
        id={`leave-reason-${member.id}`}
        confirmText='退出党员名册'
        validate={needsReason}
        onConfirm={(reason) => void leave(reason)}
        onBack={close}
        busy={busy}
        error={error}
      />
    )
  }
  return (
    <View className='manage-members__actions'>
      <ActionButton size='small' variant='quiet' onClick={() => setOpen('transfer')}>
        转出
      </ActionButton>
      <ActionButton size='small' variant='quiet' onClick={() => setOpen('leave')}>
        退出党员名册
      </ActionButton>
    </View>
  )
}
