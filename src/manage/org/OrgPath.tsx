import { Text, View } from '@tarojs/components'
import type { OrgChildren } from '../../shared/contract'
import { ORG_KIND } from '../../shared/words'

/**
 * Where the page stands: the way down from the caller's own node (each a tap that goes back up to it),
 * then this node in large type with its kind, its code and whether it was closed.
 */
export default function OrgPath({ at, onGo }: { at: OrgChildren; onGo: (id: string) => void }) {
  const { node, ancestors } = at
  return (
    <View className='manage-org__head'>
      {ancestors.length > 0 && (
        <View className='manage-org__path'>
          {ancestors.map((a) => (
            <View
              key={a.id}
              className='manage-org__crumb'
              hoverClass='manage-org__crumb--pressed'
              onClick={() => onGo(a.id)}
            >
              <Text className='manage-org__crumb-text'>{`${a.name} ›`}</Text>
            </View>
          ))}
        </View>
      )}
      <Text className='manage-org__title'>{node.name}</Text>
      <View className='manage-org__meta'>
        <Text className='manage-org__kind'>{ORG_KIND[node.kind]}</Text>
        {node.code && <Text className='manage-org__code'>{`组织代码 ${node.code}`}</Text>}
        {node.closed && <Text className='manage-org__closed'>已撤销</Text>}
      </View>
    </View>
  )
}
