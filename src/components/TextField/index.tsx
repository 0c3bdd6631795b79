/**
 * A labelled text field as the member pages use it (binding, proposing): label, an optional hint, the
 * field (one line or several), an optional character count and the field's error under it.
 */
import { Input, Text, Textarea, View } from '@tarojs/components'
import './index.scss'

interface Props {
  label: string
  value: string
  onInput: (value: string) => void
  maxlength: number
  placeholder?: string
  hint?: string
  error?: string
  /** Several lines (a Textarea), with the count of characters under it. */
  multiline?: boolean
  /** The count's own words (e.g. characters left), instead of "n / max 字". */
  countText?: string
  type?: 'text' | 'number'
  /** Layout of the whole field (e.g. its margins on the page). */
  className?: string
  /** Extra look of the field itself (e.g. spaced-out letters for a code). */
  inputClassName?: string
}

export default function TextField(props: Props) {
  const { label, value, maxlength, placeholder, multiline } = props
  const common = {
    placeholderClass: 'text-field__placeholder',
    maxlength,
    value,
    placeholder,
    'aria-label': label,
    onInput: (e: { detail: { value: string } }) => props.onInput(e.detail.value),
  }
  return (
    <View className={`text-field${props.className ? ` ${props.className}` : ''}`}>
      <Text className='text-field__label'>{label}</Text>
      {props.hint && <Text className='text-field__hint'>{props.hint}</Text>}
      {multiline ? (
        <Textarea className='text-field__textarea' {...common} />
      ) : (
        <Input
          className={`text-field__input${props.inputClassName ? ` ${props.inputClassName}` : ''}`}
          type={props.type ?? 'text'}
          {...common}
        />
      )}
      {multiline && <Text className='text-field__count'>{props.countText ?? `${value.length} / ${maxlength} 字`}</Text>}
      {props.error && <Text className='text-field__error'>{props.error}</Text>}
    </View>
  )
}
