import { Notice } from '../components'
import DateTimeField from '../components/DateTimeField'
import FormField from '../components/FormField'
import { chinaDate } from '../../shared/chinaTime'
import { FixedTime, Section } from './parts'
import type { LectureFormState } from './useLectureForm'

/** Time fields: a change of one can settle the order rules that name another. */
const TIME_KEYS = ['startAt', 'endAt', 'signupDeadline', 'credit.hours']

/** The contract's time fields, and the form's date and time fields each is picked in. */
const PICKED = {
  startAt: ['startDate', 'startTime'],
  endAt: ['endDate', 'endTime'],
  signupDeadline: ['deadlineDate', 'deadlineTime'],
} as const

interface TimeFieldProps {
  lecture: LectureFormState
  /** The contract's field: the id of the pickers and the key of the field's error. */
  id: keyof typeof PICKED
  label: string
  hint?: string
  /** The first day the date picker offers. */
  start: string
  /** Shown as text, no longer to change. */
  locked?: boolean
}

function TimeField({ lecture, id, label, hint, start, locked = false }: TimeFieldProps) {
  const { form, errors, change } = lecture
  const [dateKey, timeKey] = PICKED[id]
  return (
    <FormField label={label} error={errors[id]} hint={hint}>
      {locked ? (
        <FixedTime date={form[dateKey]} time={form[timeKey]} />
      ) : (
        <DateTimeField
          id={id}
          date={form[dateKey]}
          time={form[timeKey]}
          start={start}
          onChange={(date, time) => change({ [dateKey]: date, [timeKey]: time }, ...TIME_KEYS)}
        />
      )}
    </FormField>
  )
}

/** 时间: start, end (fixed once check-in has opened) and the sign-up deadline. */
export default function ScheduleSection({ lecture }: { lecture: LectureFormState }) {
  const { form, locked } = lecture
  const today = chinaDate(new Date())
  return (
    <Section title='时间'>
      {locked && (
        <Notice
          text='签到已经开始，时间、学时和签到方式不能再修改。'
          detail='其他内容仍可修改；如要改期，请取消后重新发布。'
        />
      )}
      <TimeField lecture={lecture} id='startAt' label='开始' start={today} locked={locked} />
      <TimeField lecture={lecture} id='endAt' label='结束' start={form.startDate || today} locked={locked} />
      <TimeField
        lecture={lecture}
        id='signupDeadline'
        label='报名截止'
        hint='截止以后不能再报名，须不晚于开始时间。'
        start={today}
      />
    </Section>
  )
}
