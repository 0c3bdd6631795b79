import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { contract } from '../../shared/contract'
import type { HourBucket } from '../../shared/model'
import { ChoiceChips, ReasonForm } from '../components'
import { PLACEHOLDER_STYLE } from '../components/FormField'
import { HOUR_BUCKET } from '../../shared/words'
import type { Option } from '../utils/labels'

export interface Adjustment {
  hours: number
  bucket: HourBucket
  reason: string
}

export interface AdjustFormProps {
  name: string
  busy: boolean
  /** A refusal from the server. */
  error?: string
  onConfirm: (adjustment: Adjustment) => void
  onBack: () => void
}

const SIGNS: Option<'add' | 'subtract'>[] = [
  { value: 'add', label: '补录（增加）' },
  { value: 'subtract', label: '扣减' },
]
const BUCKETS = Object.entries(HOUR_BUCKET).map(([value, label]) => ({ value: value as HourBucket, label }))
const hoursRule = contract.hours.adjust.input.shape.hours

/**
 * 补录学时: hours up or down in steps of 0.5, the bucket they count in, and why (the ledger keeps
 * the reason and who wrote it). The hours are checked with the contract's own rule before sending.
 * Styles: the hours page's (.manage-hours__adjust…).
 */
export default function AdjustForm(props: AdjustFormProps) {
  const { name, busy, error, onConfirm, onBack } = props
  const [sign, setSign] = useState<'add' | 'subtract'>('add')
  const [text, setText] = useState('')
  const [bucket, setBucket] = useState<HourBucket>('collective')
  const hours = (sign === 'add' ? 1 : -1) * Number(text.trim() || NaN)

  const hoursProblem = () => {
    const parsed = hoursRule.safeParse(hours)
    return parsed.success ? undefined : '学时是0.5到50之间的数，按0.5递增，如 1.5'
  }

  return (
    <View className='manage-hours__adjust'>
      <ChoiceChips options={SIGNS} value={sign} onChange={setSign} />
      <Text className='manage-hours__adjust-label'>学时</Text>
      <Input
        id='adjust-hours'
        className='manage-hours__adjust-input'
        type='digit'
        value={text}
        maxlength={4}
        placeholder='如 1.5'
        placeholderStyle={PLACEHOLDER_STYLE}
        onInput={(e) => setText(e.detail.value)}
      />
      <Text className='manage-hours__adjust-label'>计入</Text>
      <ChoiceChips options={BUCKETS} value={bucket} onChange={setBucket} />
      <ReasonForm
        id='adjust-reason'
        label={`${sign === 'add' ? '为' : '扣减'}${name}${sign === 'add' ? '补录' : ''}学时的原因（记入学时记录）`}
        placeholder='如：参加区委党校培训，有结业证书'
        confirmText={sign === 'add' ? '确认补录' : '确认扣减'}
        validate={(reason) =>
          hoursProblem() ?? contract.hours.adjust.input.shape.reason.safeParse(reason).error?.issues[0]?.message
        }
        busy={busy}
        error={error}
        onConfirm={(reason) => onConfirm({ hours, bucket, reason })}
        onBack={onBack}
      />
    </View>
  )
}
