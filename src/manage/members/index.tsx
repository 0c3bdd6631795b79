import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { call } from '../../api/client'
import PrivacySheet from '../../components/PrivacySheet'
import Taro from '@tarojs/taro'
import {
  ActionButton,
  ManagedNodesView,
  OrgPicker,
  PageState,
  useFileImport,
  usePageLoad,
  useManagedNodes,
} from '../components'
import ImportSection from './ImportSection'
import RosterList from './RosterList'
import { pageUrl } from '../utils/route'
import './index.scss'

/**
 * 支部名册: the branch's members with their binding state and invite code (large, to read out or
 * copy to a member), unbinding (a member's phone changed), and importing the roster from Excel/CSV.
 * Loaded on mount, not on every show: picking a file from a chat hides and shows the page.
 */
export default function ManageMembers() {
  const nodes = useManagedNodes(true)
  const branchId = nodes.selectedId
  const roster = usePageLoad(() => (branchId ? call('member', 'roster', { branchId }) : undefined), [branchId], 'mount')
  const importing = useFileImport(
    'roster',
    branchId ? (fileId) => call('member', 'importRoster', { branchId, fileId }) : undefined,
    roster.quietReload,
  )
  const { reset } = importing

  // another branch: nothing left over from the last one's import
  useEffect(() => reset(), [branchId, reset])

  const members = roster.phase === 'ready' ? roster.data.members : []
  const onRolls = members.filter((m) => !m.inactive)
  const bound = onRolls.filter((m) => m.bound).length
  return (
    <View className='manage-members'>
      <ManagedNodesView nodes={nodes} empty='名册由党支部管理，您管理的组织中没有党支部。'>
        <OrgPicker label='党支部' managed={nodes} />
        <ImportSection roster={importing} />
        <ActionButton
          variant='quiet'
          className='manage-members__transfers'
          onClick={() => void Taro.navigateTo({ url: pageUrl('transfers') })}
        >
          组织关系转接（接收、撤回）
        </ActionButton>
        <View className='manage-members__body'>
          {roster.phase === 'ready' && (
            <Text className='manage-members__summary'>
              {`${roster.data.branch.name} 共 ${onRolls.length} 人，已绑定 ${bound} 人，未绑定 ${onRolls.length - bound} 人`}
            </Text>
          )}
          {members.length === 0 && (
            <PageState
              phase={roster.phase === 'ready' ? 'empty' : roster.phase}
              refusal={roster.refusal}
              empty='名册里还没有党员，请先导入名册'
              onRetry={() => void roster.reload()}
            />
          )}
          <RosterList members={members} refresh={roster.quietReload} admin={nodes.roles.includes('admin')} />
        </View>
      </ManagedNodesView>
      <PrivacySheet />
    </View>
  )
}
