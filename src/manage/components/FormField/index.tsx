import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

/**
 * Placeholder text colour for Input and Textarea (weapp's `placeholderStyle`): #666666 on white is
 * 5.74:1, where the platforms' own placeholder grey is too pale to read. h5 gets it in the styles.
 */
export const PLACEHOLDER_STYLE = 'color: #666666'

export interface FormFieldProps {
  label: string
  children: ReactNode
  /** Marks the field "（选填）"; the others must be filled in. */
  optional?: boolean
  /** A line of help under the field. */
  hint?: ReactNode
  /** What is wrong with the field, in red under it. */
  error?: string
  className?: string
}

/** A labelled field of the lecture form, with its help and its error. Class prefix `form-field`. */
function FormField(props: FormFieldProps) {
  const { label, children, optional = false, hint, error, className } = props
  return (
    <View className={`form-field${error ? ' form-field--error' : ''}${className ? ` ${className}` : ''}`}>
      <View className='form-field__label'>
        <Text className='form-field__label-text'>{label}</Text>
        {optional && <Text className='form-field__optional'>（选填）</Text>}
      </View>
      {children}
      {hint && <View className='form-field__hint'>{hint}</View>}
      {error && <Text className='form-field__error'>{error}</Text>}
    </View>
  )
}

FormField.displayName = 'FormField'

export default FormField
