import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import TextField from '../../components/TextField'
import type { AppointmentView } from '../../shared/contract'
import { ROLE } from '../../shared/words'
import { ActionButton, Notice, useAction } from '../components'
import RoleAndNode, { type Placed } from './RoleAndNode'

interface Props {
  node: { id: string; name: string }
  onDone: () => Promise<unknown>
}

/**
 * 邀请外部人员 (an expert, a retired cadre: in no branch's roster): name and phone, a role and a node; the
 * answer is an invite code, shown large, that the person types on the binding page.
 */
export default function InviteForm({ node, onDone }: Props) {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [placed, setPlaced] = useState<Placed>({ role: undefined, node })
  const [invited, setInvited] = useState<AppointmentView>()
  const action = useAction()

  const invite = () => {
    const { role } = placed
    if (!role) return action.setMessage({ tone: 'error', text: '请选择职务' })
    void action.run(
      () => call('org', 'invite', { orgId: placed.node.id, role, name: name.trim(), phone: phone.trim() }),
      async (made) => {
        setInvited(made)
        setName('')
        setPhone('')
        await onDone()
      },
    )
  }

  return (
    <View className='manage-appoint__form'>
      <Text className='manage-appoint__section-title'>邀请外部人员</Text>
      <Text className='manage-appoint__help'>不在任何支部名册里的人（如专家、退休干部），用邀请码绑定。</Text>
      <TextField label='姓名' value={name} onInput={setName} maxlength={20} />
      <TextField label='手机号' value={phone} onInput={setPhone} maxlength={11} type='number' />
      <RoleAndNode value={placed} onChange={setPlaced} />
      <ActionButton busy={action.busy} onClick={invite}>
        {action.busy ? '请稍候…' : '生成邀请码'}
      </ActionButton>
      {action.message && <Notice {...action.message} />}
      {invited?.inviteCode && (
        <View className='manage-appoint__invited'>
          <Text className='manage-appoint__help'>{`${invited.name}（「${invited.orgName}」${ROLE[invited.role]}）的邀请码：`}</Text>
          <Text className='manage-appoint__big-code' userSelect>
            {invited.inviteCode}
          </Text>
          <Text className='manage-appoint__help'>请把邀请码告诉对方：对方在小程序「绑定身份」页输入这个邀请码。</Text>
        </View>
      )}
    </View>
  )
}
