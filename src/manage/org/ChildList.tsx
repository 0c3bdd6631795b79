import { Text, View } from '@tarojs/components'
import type { OrgNodeView } from '../../shared/contract'
import { ORG_KIND } from '../../shared/words'
import { PageState } from '../components'

/** The nodes right under this one, as large rows: a tap goes down to one. */
export default function ChildList({ nodes, onGo }: { nodes: OrgNodeView[]; onGo: (id: string) => void }) {
  return (
    <View className='manage-org__list'>
      <Text className='manage-org__list-title'>{`下级组织（${nodes.length}个）`}</Text>
      {nodes.length === 0 && <PageState phase='empty' empty='没有下级组织' />}
      {nodes.map((child) => (
        <View
          key={child.id}
          className='manage-org__child'
          hoverClass='manage-org__child--pressed'
          onClick={() => onGo(child.id)}
        >
          <View className='manage-org__child-main'>
            <Text className='manage-org__child-name'>{child.name}</Text>
            <Text className='manage-org__child-note'>
              {`${ORG_KIND[child.kind]} · 下级 ${child.children} 个${child.code ? ` · ${child.code}` : ''}`}
            </Text>
          </View>
          {child.closed && <Text className='manage-org__closed'>已撤销</Text>}
          <Text className='manage-org__arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}
