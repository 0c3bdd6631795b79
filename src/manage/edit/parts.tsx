/** The small pieces the lecture form's sections share. */
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ChoiceChips } from '../components'
import FormField from '../components/FormField'
import { formatPickedDate } from '../utils/chinaTime'
import { YES_NO_OPTIONS } from '../utils/labels'

export function Section(props: { title: string; children: ReactNode }) {
  return (
    <View className='manage-edit__section'>
      <Text className='manage-edit__section-title'>{props.title}</Text>
      {props.children}
    </View>
  )
}

/** A value that may no longer change, shown as text where its control was. */
export function Fixed(props: { children: ReactNode }) {
  return <Text className='manage-edit__fixed'>{props.children}</Text>
}

/** A time that may no longer change, shown as text where its pickers were. */
export function FixedTime(props: { date: string; time: string }) {
  return <Fixed>{`${formatPickedDate(props.date)} ${props.time}`}</Fixed>
}

export interface YesNoFieldProps {
  label: string
  value: boolean
  /** The hint under the field: what 是 means, and what 否 means. */
  yes: string
  no: string
  onChange: (value: boolean) => void
}

/** A 是 / 否 choice whose hint says what the chosen answer means. */
export function YesNoField({ label, value, yes, no, onChange }: YesNoFieldProps) {
  return (
    <FormField label={label} hint={value ? yes : no}>
      <ChoiceChips options={YES_NO_OPTIONS} value={value} onChange={onChange} />
    </FormField>
  )
}
