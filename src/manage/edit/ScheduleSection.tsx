import { Notice } from '../components'
import DateTimeField from '../components/DateTimeField'
import FormField from '../components/FormField'
import { chinaToday } from '../utils/chinaTime'
import { FixedTime, Section } from './parts'
import type { LectureFormState } from './useLectureForm'

/** Time fields: a change of one can settle the order rules that name another. */
const TIME_KEYS = ['startAt', 'endAt', 'signupDeadline', 'credit.hours']

/** 时间: start, end (fixed once check-in has opened) and the sign-up deadline. */
export default function ScheduleSection({ lecture }: { lecture: LectureFormState }) {
  const { form, errors, change, locked } = lecture
  const today = chinaToday(new Date())
  return (
    <Section title='时间'>
      {locked && (
        <Notice
          text='签到已经开始，时间、学时和签到方式不能再修改。'
          detail='其他内容仍可修改；如要改期，请取消后重新发布。'
        />
      )}
      <FormField label='开始' error={errors.startAt}>
        {locked ? (
          <FixedTime date={form.startDate} time={form.startTime} />
        ) : (
          <DateTimeField
            id='startAt'
            date={form.startDate}
            time={form.startTime}
            start={today}
            onChange={(startDate, startTime) => change({ startDate, startTime }, ...TIME_KEYS)}
          />
        )}
      </FormField>
      <FormField label='结束' error={errors.endAt}>
        {locked ? (
          <FixedTime date={form.endDate} time={form.endTime} />
        ) : (
          <DateTimeField
            id='endAt'
            date={form.endDate}
            time={form.endTime}
            start={form.startDate || today}
            onChange={(endDate, endTime) => change({ endDate, endTime }, ...TIME_KEYS)}
          />
        )}
      </FormField>
      <FormField label='报名截止' error={errors.signupDeadline} hint='截止以后不能再报名，须不晚于开始时间。'>
        <DateTimeField
          id='signupDeadline'
          date={form.deadlineDate}
          time={form.deadlineTime}
          start={today}
          onChange={(deadlineDate, deadlineTime) => change({ deadlineDate, deadlineTime }, ...TIME_KEYS)}
        />
      </FormField>
    </Section>
  )
}
