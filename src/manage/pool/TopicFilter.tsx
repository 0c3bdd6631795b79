import { call } from '../../api/client'
import { ChoiceChips, usePageLoad } from '../components'

/**
 * The year's published key topics (点题) the pool can be filtered by (a lecturer's specialties): topic.list, 1 call;
 * nothing shown while the year has none.
 */
export default function TopicFilter({ value, onChange }: { value: string; onChange: (topicId: string) => void }) {
  const list = usePageLoad(() => call('topic', 'list', {}), [], 'mount')
  const topics = list.phase === 'ready' ? list.data.items.filter((t) => t.status === 'published') : []
  if (topics.length === 0) return null
  return (
    <ChoiceChips
      className='manage-pool__topics'
      options={[{ value: 'all', label: '全部选题' }, ...topics.map((t) => ({ value: t.id, label: t.title }))]}
      value={value}
      onChange={onChange}
    />
  )
}
