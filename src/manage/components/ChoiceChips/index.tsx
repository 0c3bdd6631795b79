import { Text, View } from '@tarojs/components'
import type { Option } from '../../utils/labels'
import './index.scss'

export interface ChoiceChipsProps<T extends string | boolean> {
  options: Option<T>[]
  value: T | undefined
  onChange: (value: T) => void
  /** One choice per line, with its description under the label (for choices that need explaining). */
  column?: boolean
  className?: string
}

/**
 * Pick one of a few: large chips instead of radio buttons or a switch, so that a choice is a plain
 * word to tap and the chosen one reads as filled red. Class prefix `choice-chips`.
 */
function ChoiceChips<T extends string | boolean>(props: ChoiceChipsProps<T>) {
  const { options, value, onChange, column = false, className } = props
  return (
    <View className={`choice-chips${column ? ' choice-chips--column' : ''}${className ? ` ${className}` : ''}`}>
      {options.map((option) => {
        const active = option.value === value
        return (
          <View
            key={String(option.value)}
            className={`choice-chips__chip${active ? ' choice-chips__chip--active' : ''}`}
            onClick={() => onChange(option.value)}
          >
            <Text className='choice-chips__label'>{option.label}</Text>
            {column && option.description && <Text className='choice-chips__description'>{option.description}</Text>}
          </View>
        )
      })}
    </View>
  )
}

ChoiceChips.displayName = 'ChoiceChips'

export default ChoiceChips
