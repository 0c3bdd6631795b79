import { Text, View } from '@tarojs/components'
import ChoiceChips from '../ChoiceChips'
import type { ManagedNode } from '../useManagedNodes'
import './index.scss'

export interface OrgPickerProps {
  nodes: ManagedNode[]
  value: string | undefined
  onChange: (id: string) => void
  label?: string
}

const defaultProps = { label: '单位' } satisfies Partial<OrgPickerProps>

/**
 * Which of the caller's organisations the page is about: chips when there are several, a plain
 * line when there is one (so the secretary still reads whose list it is). Class prefix `org-picker`.
 */
function OrgPicker(props: OrgPickerProps) {
  const { nodes, value, onChange, label } = { ...defaultProps, ...props }
  if (nodes.length === 0) return null
  return (
    <View className='org-picker'>
      <Text className='org-picker__label'>{label}</Text>
      {nodes.length === 1 ? (
        <Text className='org-picker__single'>{nodes[0].name}</Text>
      ) : (
        <ChoiceChips options={nodes.map((n) => ({ value: n.id, label: n.name }))} value={value} onChange={onChange} />
      )}
    </View>
  )
}

OrgPicker.displayName = 'OrgPicker'

export default OrgPicker
