import { Input, Text } from '@tarojs/components'
import { ChoiceChips } from '../components'
import FormField from '../components/FormField'
import { HOUR_BUCKET } from '../../shared/words'
import { CHECKIN_LEVEL_OPTIONS } from '../utils/labels'
import { defaultHours } from '../utils/lectureForm'
import { Fixed, HintButton, Section, YesNoField } from './parts'
import type { LectureFormState } from './useLectureForm'

/** 学时与签到: the hours (default from the duration), the check-in level, and who may check in. */
export default function CreditSection({ lecture }: { lecture: LectureFormState }) {
  const { form, errors, change, input, locked } = lecture
  const hours = defaultHours(form)
  const hint = (
    <>
      <Text className='manage-edit__default-hours'>
        {hours === undefined
          ? '选好开始和结束时间后，这里显示默认学时。'
          : `按时长默认 ${hours} 学时，计入${HOUR_BUCKET[form.bucket]}。`}
      </Text>
      {form.hours !== '' && !locked && (
        <HintButton className='manage-edit__reset-hours' onClick={() => change({ hours: '' }, 'credit.hours')}>
          恢复默认
        </HintButton>
      )}
    </>
  )
  return (
    <Section title='学时与签到'>
      <FormField label='学时' error={errors['credit.hours']} hint={hint}>
        <Input
          {...input('hours', 'credit.hours')}
          type='digit'
          maxlength={3}
          disabled={locked}
          placeholder={hours === undefined ? '不填按默认' : `不填按默认 ${hours}`}
        />
      </FormField>
      <FormField label='签到方式' error={errors.checkinLevel}>
        {locked ? (
          <Fixed>{CHECKIN_LEVEL_OPTIONS.find((o) => o.value === form.checkinLevel)?.label}</Fixed>
        ) : (
          <ChoiceChips
            column
            options={CHECKIN_LEVEL_OPTIONS}
            value={form.checkinLevel}
            onChange={(checkinLevel) => change({ checkinLevel }, 'checkinLevel', 'venue.lat', 'venue.lng')}
          />
        )}
      </FormField>
      <YesNoField lecture={lecture} field='signupRequired' />
    </Section>
  )
}
