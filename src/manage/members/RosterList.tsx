import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import type { RosterEntry } from '../../shared/contract'
import { ActionButton, InviteCode, Notice, refusalNotice, type NoticeMessage } from '../components'
import { ROLE } from '../../shared/words'
import BranchRole from './BranchRole'
import MemberActions from './MemberActions'

/** "138 0013 8000": a phone number read out in groups. */
function spacedPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone
}

export interface RosterListProps {
  members: RosterEntry[]
  /** Ask for the roster again keeping it on screen (after an unbinding). */
  refresh: () => Promise<unknown>
  /** An administrator above the branch also sets each member's 职务 here (the server decides). */
  admin?: boolean
}

/**
 * The branch's members: binding state, the invite code (large, to read out or copy), 解绑, 转出 and 退出党员名册,
 * the 职务 for administrators; below them, apart, those who left the rolls (已退出).
 */
export default function RosterList({ members, refresh, admin = false }: RosterListProps) {
  const [unbinding, setUnbinding] = useState<string>()
  const [message, setMessage] = useState<{ id: string } & NoticeMessage>()

  const unbind = async (member: RosterEntry) => {
    if (unbinding) return
    const { confirm } = await Taro.showModal({
      title: '解绑微信',
      content: `解绑后，${member.name}要用邀请码或姓名和手机号重新绑定。一般在换了手机或微信时解绑。确定解绑吗？`,
      confirmText: '解绑',
      cancelText: '不解绑',
    })
    if (!confirm) return
    setUnbinding(member.id)
    setMessage(undefined)
    try {
      const reply = await call('member', 'unbind', { memberId: member.id })
      if (!reply.ok) return setMessage({ id: member.id, ...refusalNotice(reply) })
      setMessage({ id: member.id, tone: 'success', text: `已解绑。请把邀请码告诉${member.name}，重新绑定。` })
      await refresh()
    } finally {
      setUnbinding(undefined)
    }
  }

  const done = (id: string) => (result: NoticeMessage) => {
    setMessage({ id, ...result })
    if (result.tone === 'success') void refresh()
  }
  const active = members.filter((m) => !m.inactive)
  const left = members.filter((m) => m.inactive)
  return (
    <>
      {active.map((member) => (
        <View key={member.id} className='manage-members__member'>
          <View className='manage-members__line'>
            <Text className='manage-members__name'>{member.name}</Text>
            {member.transferPending ? (
              <Text className='manage-members__bound manage-members__bound--moving'>转出中</Text>
            ) : (
              <Text className={`manage-members__bound manage-members__bound--${member.bound ? 'yes' : 'no'}`}>
                {member.bound ? '已绑定' : '未绑定'}
              </Text>
            )}
          </View>
          <Text className='manage-members__detail'>
            {`${spacedPhone(member.phone)} · ${member.roles.map((r) => ROLE[r]).join('、')}`}
          </Text>
          <InviteCode code={member.inviteCode} />
          {admin && <BranchRole entry={member} refresh={refresh} />}
          {member.bound && (
            <ActionButton
              size='small'
              variant='quiet'
              className='manage-members__unbind'
              busy={unbinding === member.id}
              onClick={() => void unbind(member)}
            >
              {unbinding === member.id ? '请稍候…' : '解绑'}
            </ActionButton>
          )}
          {!member.transferPending && <MemberActions member={member} onDone={done(member.id)} />}
          {message?.id === member.id && <Notice tone={message.tone} text={message.text} detail={message.detail} />}
        </View>
      ))}
      {left.length > 0 && <Text className='manage-members__summary'>{`已退出党员名册（${left.length}）`}</Text>}
      {left.map((member) => (
        <View key={member.id} className='manage-members__member manage-members__member--left'>
          <View className='manage-members__line'>
            <Text className='manage-members__name'>{member.name}</Text>
            <Text className='manage-members__bound'>已退出</Text>
          </View>
          <Text className='manage-members__detail'>{spacedPhone(member.phone)}</Text>
          {message?.id === member.id && <Notice tone={message.tone} text={message.text} />}
        </View>
      ))}
    </>
  )
}
