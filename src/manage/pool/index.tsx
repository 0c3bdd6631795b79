import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import type { LecturerSummary } from '../../shared/contract'
import { THEMES, type ThemeCode } from '../../shared/themes'
import { routes } from '../../utils/routes'
import {
  ActionButton,
  ChoiceChips,
  LecturerRow,
  Notice,
  PageState,
  ReasonForm,
  SearchField,
  useManagedNodes,
  usePageLoad,
} from '../components'
import type { Option } from '../utils/labels'
import AddLecturer from './AddLecturer'
import DistrictFilter from './DistrictFilter'
import EditLecturer from './EditLecturer'
import SentInvitations from './SentInvitations'
import TopicFilter from './TopicFilter'
import './index.scss'

type Sort = 'rating' | 'given'
const SORTS: Option<Sort>[] = [
  { value: 'rating', label: '按评分' },
  { value: 'given', label: '按讲课场次' },
]
const THEME_FILTER: Option<ThemeCode | 'all'>[] = [
  { value: 'all', label: '全部类型' },
  ...THEMES.map((t) => ({ value: t.code, label: t.name })),
]
type Show = 'pool' | 'sent'
const SHOW: Option<Show>[] = [
  { value: 'pool', label: '师资库' },
  { value: 'sent', label: '发出的邀请' },
]
const removeProblem = (reason: string) => (reason.length < 2 ? '请填写移出的原因，至少2个字' : undefined)

/**
 * 师资库: the pool searched by name, filtered by theme, key topic (and, for administrators, by district), sorted by average rating or lectures given; an
 * administrator adds (入库), edits (编辑: every field and the photo) and removes (移出, with a reason) the lecturers of their subtree. Those who manage
 * a node also see the invitations it sent (发出的邀请).
 */
export default function ManagePool() {
  const nodes = useManagedNodes()
  const [q, setQ] = useState('')
  const [theme, setTheme] = useState<ThemeCode | 'all'>('all')
  const [sort, setSort] = useState<Sort>('rating')
  const [district, setDistrict] = useState('all')
  const [topic, setTopic] = useState('all')
  const [show, setShow] = useState<Show>('pool')
  const [removing, setRemoving] = useState<string>()
  const [editing, setEditing] = useState<string>()
  const [error, setError] = useState<string>()
  const list = usePageLoad(
    () =>
      call('lecturer', 'search', {
        q: q || undefined,
        theme: theme === 'all' ? undefined : theme,
        districtId: district === 'all' ? undefined : district,
        topicId: topic === 'all' ? undefined : topic,
        sort,
        pageSize: 50,
      }),
    [q, theme, district, topic, sort],
    'mount',
  )
  const admin = nodes.phase === 'ready' && nodes.roles.includes('admin')
  const manages = nodes.phase === 'ready' && nodes.nodes.length > 0

  const remove = async (p: LecturerSummary, reason: string) => {
    const reply = await call('lecturer', 'remove', { id: p.id, reason })
    if (!reply.ok) return setError(reply.message)
    setRemoving(undefined)
    await list.quietReload()
  }

  return (
    <View className='manage-pool'>
      {manages && <ChoiceChips className='manage-pool__show' options={SHOW} value={show} onChange={setShow} />}
      {show === 'sent' ? <SentInvitations managed={nodes} /> : pool()}
    </View>
  )

  function pool() {
    return (
      <>
        <View className='manage-pool__filters'>
          <SearchField placeholder='输入主讲人姓名' maxLength={20} onSearch={setQ} />
          <ChoiceChips options={THEME_FILTER} value={theme} onChange={setTheme} />
          <TopicFilter value={topic} onChange={setTopic} />
          {admin && <DistrictFilter value={district} onChange={setDistrict} />}
          <ChoiceChips options={SORTS} value={sort} onChange={setSort} />
        </View>
        {admin && <AddLecturer managed={nodes} onAdded={() => void list.quietReload()} />}
        <View className='manage-pool__body'>
          {list.phase !== 'ready' && (
            <PageState phase={list.phase} refusal={list.refusal} onRetry={() => void list.reload()} />
          )}
          {list.phase === 'ready' && list.data.items.length === 0 && (
            <PageState phase='empty' empty='没有符合条件的主讲人' />
          )}
          {list.phase === 'ready' && <Text className='manage-pool__count'>{`共 ${list.data.total} 位主讲人`}</Text>}
          {list.phase === 'ready' &&
            list.data.items.map((p) => (
              <LecturerRow key={p.id} lecturer={p}>
                <ActionButton
                  className='lecturer-row__action'
                  size='small'
                  variant='plain'
                  onClick={() => void Taro.navigateTo({ url: routes.lecturer(p.id) })}
                >
                  查看
                </ActionButton>
                {p.canManage && editing !== p.id && (
                  <ActionButton
                    className='lecturer-row__action'
                    size='small'
                    variant='plain'
                    onClick={() => setEditing(p.id)}
                  >
                    编辑
                  </ActionButton>
                )}
                {editing === p.id && (
                  <EditLecturer
                    id={p.id}
                    onSaved={() => {
                      setEditing(undefined)
                      void list.quietReload()
                    }}
                    onBack={() => setEditing(undefined)}
                  />
                )}
                {p.canManage && removing !== p.id && (
                  <ActionButton
                    className='lecturer-row__action'
                    size='small'
                    variant='quiet'
                    onClick={() => setRemoving(p.id)}
                  >
                    移出师资库
                  </ActionButton>
                )}
                {removing === p.id && (
                  <ReasonForm
                    label={`移出${p.name}的原因`}
                    placeholder='如：已调离，不再承担讲课'
                    confirmText='确认移出'
                    validate={removeProblem}
                    onConfirm={(reason) => void remove(p, reason)}
                    onBack={() => setRemoving(undefined)}
                  />
                )}
              </LecturerRow>
            ))}
          {error && <Notice tone='error' text={error} />}
        </View>
      </>
    )
  }
}
