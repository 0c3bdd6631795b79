import { useState } from 'react'
import { ChoiceChips, NodeSearch, pickerSearches } from '../components'
import FormField from '../components/FormField'
import { Fixed, Section, YesNoField } from './parts'
import type { LectureFormState } from './useLectureForm'

/**
 * 主办与开放: the host (fixed when the caller manages one node; found by name when they manage many) and who
 * may see the lecture.
 */
export default function HostSection({ lecture }: { lecture: LectureFormState }) {
  const { form, errors, change, self } = lecture
  /** A host found by name joins the ones member.me listed. */
  const [hosts, setHosts] = useState(lecture.hosts)
  const chooseHost = (hostOrgId: string) => change({ hostOrgId }, 'hostOrgId', 'coHostOrgIds')
  const search = pickerSearches(hosts.length, self.managesMore)
  return (
    <Section title='主办与开放'>
      <FormField label='主办单位' error={errors.hostOrgId ?? errors.coHostOrgIds}>
        {hosts.length === 1 || search ? (
          <Fixed>{hosts.find((o) => o.value === form.hostOrgId)?.label ?? hosts[0].label}</Fixed>
        ) : (
          <ChoiceChips options={hosts} value={form.hostOrgId} onChange={chooseHost} />
        )}
        {search && (
          <NodeSearch
            key={form.hostOrgId}
            accept={(node) => !node.closed}
            onPick={(node) => {
              if (!hosts.some((o) => o.value === node.id)) setHosts([...hosts, { value: node.id, label: node.name }])
              chooseHost(node.id)
            }}
            placeholder='输入组织名称搜索'
          />
        )}
      </FormField>
      <YesNoField lecture={lecture} field='openToAll' />
    </Section>
  )
}
