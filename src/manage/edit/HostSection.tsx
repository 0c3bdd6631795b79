import { ChoiceChips } from '../components'
import FormField from '../components/FormField'
import { Fixed, Section, YesNoField } from './parts'
import type { LectureFormState } from './useLectureForm'

/** 主办与开放: the host (fixed when the caller manages one node) and who may see the lecture. */
export default function HostSection({ lecture }: { lecture: LectureFormState }) {
  const { form, errors, change, hosts } = lecture
  return (
    <Section title='主办与开放'>
      <FormField label='主办单位' error={errors.hostOrgId ?? errors.coHostOrgIds}>
        {hosts.length === 1 ? (
          <Fixed>{hosts[0].label}</Fixed>
        ) : (
          <ChoiceChips
            options={hosts}
            value={form.hostOrgId}
            onChange={(hostOrgId) => change({ hostOrgId }, 'hostOrgId', 'coHostOrgIds')}
          />
        )}
      </FormField>
      <YesNoField lecture={lecture} field='openToAll' />
    </Section>
  )
}
