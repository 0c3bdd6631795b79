import { Text, View } from '@tarojs/components'
import type { AppointRole, OrgNodeView } from '../../shared/contract'
import { APPOINTABLE_KINDS } from '../../shared/rights'
import { ORG_KIND, ROLE } from '../../shared/words'
import { ChoiceChips, NodeSearch } from '../components'

export interface Placed {
  role: AppointRole | undefined
  node: { id: string; name: string }
}

const ROLES: { value: AppointRole; label: string; description: string }[] = [
  { value: 'admin', label: ROLE.admin, description: '管理这个组织和它下面的组织、党员与党课' },
  { value: 'judge', label: ROLE.judge, description: '评审这个组织范围内的党课' },
]

/** Which role and at which node: the role as two explained chips, the node the page's by default, another found by name. */
export default function RoleAndNode({ value, onChange }: { value: Placed; onChange: (placed: Placed) => void }) {
  const appointable = (n: OrgNodeView) => APPOINTABLE_KINDS.includes(n.kind) && !n.closed
  return (
    <View className='manage-appoint__placed'>
      <Text className='manage-appoint__label'>职务</Text>
      <ChoiceChips column options={ROLES} value={value.role} onChange={(role) => onChange({ ...value, role })} />
      <Text className='manage-appoint__label'>{`任职组织：${value.node.name}`}</Text>
      <NodeSearch
        accept={appointable}
        onPick={(node) => onChange({ ...value, node })}
        placeholder='换一个组织：输入名称搜索'
        none={`没有找到可以任命的组织（可任命：${APPOINTABLE_KINDS.map((k) => ORG_KIND[k]).join('、')}）`}
      />
    </View>
  )
}
