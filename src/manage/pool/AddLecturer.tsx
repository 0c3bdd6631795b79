import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import type { MemberHit } from '../../shared/contract'
import {
  ActionButton,
  ChoiceChips,
  Notice,
  OrgPicker,
  refusalNotice,
  SearchField,
  type NoticeMessage,
} from '../components'
import FormField from '../components/FormField'
import type { useManagedNodes } from '../components'
import type { Option } from '../utils/labels'

type Kind = 'member' | 'outsider'
export type OutsiderRole = 'expert' | 'model' | 'member'
const KINDS: Option<Kind>[] = [
  { value: 'member', label: '本系统党员' },
  { value: 'outsider', label: '外来主讲人' },
]
/** An outsider's role, as 入库 and 编辑 offer it. */
export const OUTSIDER_ROLES: Option<OutsiderRole>[] = [
  { value: 'expert', label: '专家学者' },
  { value: 'model', label: '先进模范' },
  { value: 'member', label: '老党员' },
]

/**
 * 入库: a member found by name (their roster name and branch), or an outsider kept at the chosen node.
 * The server checks that the administrator keeps that branch or node.
 */
export default function AddLecturer(props: { managed: ReturnType<typeof useManagedNodes>; onAdded: () => void }) {
  const [open, setOpen] = useState(false)
  const [kind, setKind] = useState<Kind>('member')
  const [hits, setHits] = useState<MemberHit[]>()
  const [name, setName] = useState('')
  const [title, setTitle] = useState('')
  const [role, setRole] = useState<OutsiderRole>('expert')
  const [outcome, setOutcome] = useState<NoticeMessage>()

  const find = async (q: string) => {
    if (!q) return
    const reply = await call('org', 'searchMembers', { q })
    if (!reply.ok) return setOutcome(refusalNotice(reply))
    setHits(reply.data.members.filter((m) => !m.outsider))
  }
  const add = async (payload: Parameters<typeof call<'lecturer', 'add'>>[2], who: string) => {
    const reply = await call('lecturer', 'add', payload)
    if (!reply.ok) return setOutcome(refusalNotice(reply, '没有加入：'))
    setOutcome({ tone: 'success', text: `${who}已加入师资库` })
    props.onAdded()
  }

  if (!open) {
    return (
      <View className='manage-pool__add'>
        <ActionButton onClick={() => setOpen(true)}>加入师资库</ActionButton>
      </View>
    )
  }
  return (
    <View className='manage-pool__add'>
      <ChoiceChips options={KINDS} value={kind} onChange={setKind} />
      {kind === 'member' && (
        <>
          <SearchField placeholder='党员姓名或手机号' maxLength={20} onSearch={(q) => void find(q)} />
          {hits?.map((m) => (
            <View key={m.id} className='manage-pool__hit'>
              <FormField label={`${m.name} · ${m.branchName}`}>
                <ActionButton size='small' onClick={() => void add({ memberId: m.id }, m.name)}>
                  加入
                </ActionButton>
              </FormField>
            </View>
          ))}
        </>
      )}
      {kind === 'outsider' && (
        <>
          <OrgPicker label='归属组织' managed={props.managed} />
          <FormField label='姓名'>
            <Input className='form-field__input' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
          </FormField>
          <FormField label='职务或称号' optional>
            <Input
              className='form-field__input'
              value={title}
              maxlength={40}
              onInput={(e) => setTitle(e.detail.value)}
            />
          </FormField>
          <FormField label='身份'>
            <ChoiceChips options={OUTSIDER_ROLES} value={role} onChange={setRole} />
          </FormField>
          <ActionButton
            onClick={() =>
              void add({ name, title, speakerRole: role, orgId: props.managed.selectedId ?? '' }, name || '主讲人')
            }
          >
            加入师资库
          </ActionButton>
        </>
      )}
      {outcome && <Notice tone={outcome.tone} text={outcome.text} detail={outcome.detail} />}
    </View>
  )
}
