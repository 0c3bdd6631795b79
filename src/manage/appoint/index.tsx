import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import { ChoiceChips, ManagedNodesView, PageState, usePageLoad, useManagedNodes } from '../components'
import AppointForm from './AppointForm'
import AppointmentList from './AppointmentList'
import AuditList from './AuditList'
import InviteForm from './InviteForm'
import './index.scss'

type Part = 'list' | 'appoint' | 'invite' | 'audit'

const PARTS: { value: Part; label: string }[] = [
  { value: 'list', label: '现任' },
  { value: 'appoint', label: '任命' },
  { value: 'invite', label: '邀请外部人员' },
  { value: 'audit', label: '操作记录' },
]

/**
 * 管理员与评审专家: the appointments at the administrator's node and below, appointing a member, inviting
 * an outsider with a code, and the audit of the subtree; one part at a time, chosen by large chips.
 */
export default function ManageAppoint() {
  const managed = useManagedNodes()
  // an administrator's own node is the one of their nodes that is not a branch (member.me lists it first)
  const top = managed.roles.includes('admin') ? managed.nodes.find((n) => n.kind !== 'branch') : undefined
  const [part, setPart] = useState<Part>('list')
  const page = usePageLoad(() => (top ? call('org', 'appointments', { orgId: top.id }) : undefined), [top?.id], 'mount')

  return (
    <View className='manage-appoint'>
      <ManagedNodesView nodes={managed} empty='只有组织管理员可以任命管理员和评审专家。'>
        {top ? (
          <>
            <View className='manage-appoint__head'>
              <Text className='manage-appoint__title'>{`${top.name} 及下级组织`}</Text>
              <ChoiceChips options={PARTS} value={part} onChange={setPart} />
            </View>
            {page.phase !== 'ready' ? (
              <PageState phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
            ) : (
              <View className='manage-appoint__body'>
                {part === 'list' && (
                  <AppointmentList appointments={page.data.appointments} refresh={page.quietReload} />
                )}
                {part === 'appoint' && <AppointForm node={page.data.node} onDone={page.quietReload} />}
                {part === 'invite' && <InviteForm node={page.data.node} onDone={page.quietReload} />}
                {part === 'audit' && <AuditList orgId={top.id} />}
              </View>
            )}
          </>
        ) : (
          <PageState phase='empty' empty='只有组织管理员可以任命管理员和评审专家。' />
        )}
      </ManagedNodesView>
    </View>
  )
}
