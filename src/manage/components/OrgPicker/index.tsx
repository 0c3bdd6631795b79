import { Text, View } from '@tarojs/components'
import ChoiceChips from '../ChoiceChips'
import NodeSearch from '../NodeSearch'
import { pickerSearches, type useManagedNodes } from '../useManagedNodes'
import './index.scss'

export interface OrgPickerProps {
  managed: ReturnType<typeof useManagedNodes>
  label?: string
}

const defaultProps = { label: '单位' } satisfies Partial<OrgPickerProps>

/**
 * Which of the caller's organisations the page is about: chips when there are several, a plain
 * line when there is one (so the secretary still reads whose list it is). An administrator of many
 * (pickerSearches) reads the chosen one and finds another by name. Class prefix `org-picker`.
 */
function OrgPicker(props: OrgPickerProps) {
  const { managed, label } = { ...defaultProps, ...props }
  const { nodes, selectedId, select, branchesOnly } = managed
  if (nodes.length === 0) return null
  const search = pickerSearches(nodes.length, managed.more)
  const chosen = nodes.find((n) => n.id === selectedId)
  return (
    <View className='org-picker'>
      <Text className='org-picker__label'>{label}</Text>
      {nodes.length === 1 || search ? (
        <Text className='org-picker__single'>{(chosen ?? nodes[0]).name}</Text>
      ) : (
        <ChoiceChips
          options={nodes.map((n) => ({ value: n.id, label: n.name }))}
          value={selectedId}
          onChange={(id) => select(nodes.find((n) => n.id === id)!)}
        />
      )}
      {search && (
        <NodeSearch
          // a new search field once a node is chosen: the results it came from are done with
          key={selectedId}
          kind={branchesOnly ? 'branch' : undefined}
          accept={(node) => !branchesOnly || node.kind === 'branch'}
          onPick={({ id, name, kind }) => select({ id, name, kind })}
          placeholder={branchesOnly ? '输入支部名称搜索' : '输入组织名称搜索'}
        />
      )}
    </View>
  )
}

OrgPicker.displayName = 'OrgPicker'

export default OrgPicker
