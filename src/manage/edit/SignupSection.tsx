import { Input } from '@tarojs/components'
import { ChoiceChips } from '../components'
import FormField from '../components/FormField'
import { CANCEL_POLICY_OPTIONS } from '../utils/labels'
import { Section, YesNoField } from './parts'
import type { LectureFormState } from './useLectureForm'

/** 报名: capacity, approval and until when a member may cancel. */
export default function SignupSection({ lecture }: { lecture: LectureFormState }) {
  const { form, errors, change, input } = lecture
  return (
    <Section title='报名'>
      <FormField label='人数上限' error={errors.capacity}>
        <Input {...input('capacity', 'capacity')} type='number' maxlength={4} placeholder='如：40' />
      </FormField>
      <YesNoField lecture={lecture} field='approvalRequired' />
      <FormField label='取消规则' error={errors.cancelPolicy}>
        <ChoiceChips
          column
          options={CANCEL_POLICY_OPTIONS}
          value={form.cancelPolicy}
          onChange={(cancelPolicy) => change({ cancelPolicy }, 'cancelPolicy')}
        />
      </FormField>
    </Section>
  )
}
