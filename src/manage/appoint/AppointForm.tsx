import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import type { MemberHit } from '../../shared/contract'
import { ROLE } from '../../shared/words'
import { roleNames } from '../../utils/member'
import { ActionButton, Notice, refusalNotice, SearchField, type NoticeMessage, useAction } from '../components'
import RoleAndNode, { type Placed } from './RoleAndNode'

interface Props {
  /** The node appointed at unless another is picked (the page's). */
  node: { id: string; name: string }
  onDone: () => Promise<unknown>
}

/** 任命: a member found by name or phone, a role and a node; the appointment takes effect on their next call. */
export default function AppointForm({ node, onDone }: Props) {
  const [hits, setHits] = useState<MemberHit[]>()
  const [searchMessage, setSearchMessage] = useState<NoticeMessage>()
  const [member, setMember] = useState<MemberHit>()
  const [placed, setPlaced] = useState<Placed>({ role: undefined, node })
  const action = useAction()

  const search = async (text: string) => {
    setHits(undefined)
    setSearchMessage(undefined)
    if (!text) return
    const reply = await call('org', 'searchMembers', { q: text })
    if (!reply.ok) return setSearchMessage(refusalNotice(reply))
    setHits(reply.data.members)
  }

  const appoint = () => {
    const { role } = placed
    if (!member || !role) return action.setMessage({ tone: 'error', text: '请先选择党员和职务' })
    void action.run(
      () => call('org', 'appoint', { memberId: member.id, orgId: placed.node.id, role }),
      async (made) => {
        await onDone()
        setMember(undefined)
        action.setMessage({
          tone: 'success',
          text: `已任命${made.name}为「${made.orgName}」${ROLE[made.role]}`,
          detail: '对方下次打开小程序时生效。',
        })
      },
    )
  }

  return (
    <View className='manage-appoint__form'>
      <Text className='manage-appoint__section-title'>任命党员</Text>
      {member ? (
        <View className='manage-appoint__chosen'>
          <Text className='manage-appoint__name'>{member.name}</Text>
          <Text className='manage-appoint__detail'>{`${member.branchName} · ${member.phone}`}</Text>
          <ActionButton size='small' variant='quiet' onClick={() => setMember(undefined)}>
            换一个人
          </ActionButton>
        </View>
      ) : (
        <>
          <SearchField onSearch={(text) => void search(text)} placeholder='姓名、手机号或手机号后4位' />
          {searchMessage && <Notice {...searchMessage} />}
          {hits?.length === 0 && <Text className='manage-appoint__help'>没有找到这位党员</Text>}
          {hits?.map((hit) => (
            <View key={hit.id} className='manage-appoint__hit' onClick={() => setMember(hit)}>
              <Text className='manage-appoint__name'>{hit.name}</Text>
              <Text className='manage-appoint__detail'>{`${hit.branchName} · ${hit.phone} · ${roleNames(hit.roles)}`}</Text>
            </View>
          ))}
        </>
      )}
      <RoleAndNode value={placed} onChange={setPlaced} />
      <ActionButton busy={action.busy} onClick={appoint}>
        {action.busy ? '请稍候…' : '任命'}
      </ActionButton>
      {action.message && <Notice {...action.message} />}
    </View>
  )
}
