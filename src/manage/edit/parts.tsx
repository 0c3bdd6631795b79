/** The small pieces the lecture form's sections share. */
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ActionButton, ChoiceChips } from '../components'
import FormField from '../components/FormField'
import { formatPickedDate } from '../../shared/chinaTime'
import { YES_NO_OPTIONS } from '../utils/labels'
import type { LectureFormState } from './useLectureForm'

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

/** A small quiet button in a field's hint (我本人主讲, 恢复默认). */
export function HintButton(props: { className: string; onClick: () => void; children: ReactNode }) {
  return (
    <ActionButton size='small' variant='quiet' className={props.className} onClick={props.onClick}>
      {props.children}
    </ActionButton>
  )
}

/** The form's 是 / 否 fields: the question, and the hint under it for each answer. */
const YES_NO_FIELDS = {
  openToAll: { label: '全市开放', yes: '全市的党员都能看到并报名。', no: '只有主办单位及其下级组织的党员能看到。' },
  approvalRequired: {
    label: '需要审核',
    yes: '党员报名后，要您在名单里点「通过」才算报上。',
    no: '党员报名即报上，满员后进入候补。',
  },
  signupRequired: {
    label: '须报名才能签到',
    yes: '只有报上名的党员能签到。',
    no: '没有报名的党员也能到场签到（如全体党员大会）。',
  },
} as const

/** A 是 / 否 choice whose hint says what the chosen answer means. */
export function YesNoField({ lecture, field }: { lecture: LectureFormState; field: keyof typeof YES_NO_FIELDS }) {
  const { label, yes, no } = YES_NO_FIELDS[field]
  const value = lecture.form[field]
  return (
    <FormField label={label} hint={value ? yes : no}>
      <ChoiceChips options={YES_NO_OPTIONS} value={value} onChange={(v) => lecture.change({ [field]: v })} />
    </FormField>
  )
}
