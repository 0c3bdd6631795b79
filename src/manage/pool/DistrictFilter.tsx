import { call } from '../../api/client'
import type { OrgChildren } from '../../shared/contract'
import { ChoiceChips, usePageLoad } from '../components'
import type { Option } from '../utils/labels'

/**
 * The districts (second level of the tree, lecturerRules.districtOf) an administrator may filter the pool by:
 * the city's administrator chooses among the city's children, a district's administrator their own district.
 * org.children (1 call) reads only the caller's node and below, so others get no filter.
 */
export function districtOptions(tree: OrgChildren): Option<string>[] {
  const { node, children } = tree
  if (node.path.length === 0) return children.filter((c) => !c.closed).map((c) => ({ value: c.id, label: c.name }))
  if (node.path.length === 1) return [{ value: node.id, label: node.name }]
  return []
}

export default function DistrictFilter({ value, onChange }: { value: string; onChange: (districtId: string) => void }) {
  const tree = usePageLoad(() => call('org', 'children', {}), [], 'mount')
  const districts = tree.phase === 'ready' ? districtOptions(tree.data) : []
  if (districts.length === 0) return null
  return (
    <ChoiceChips
      className='manage-pool__districts'
      options={[{ value: 'all', label: '全部区县' }, ...districts]}
      value={value}
      onChange={onChange}
    />
  )
}
