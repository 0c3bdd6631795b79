import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import type { LecturerProfile, TopicChoice } from '../../shared/contract'
import { chinaYear } from '../../shared/chinaTime'
import { LECTURER_LIMITS as L } from '../../shared/lecturerRules'
import { THEMES, type ThemeCode } from '../../shared/themes'
import {
  ActionButton,
  ChoiceChips,
  Notice,
  PageState,
  refusalNotice,
  usePageLoad,
  type NoticeMessage,
} from '../components'
import CoverPicker, { type Cover } from '../components/CoverPicker'
import FormField, { PLACEHOLDER_STYLE } from '../components/FormField'
import { OUTSIDER_ROLES, type OutsiderRole } from './AddLecturer'
import './EditLecturer.scss'

/** Adds or takes out one value of a list (a chip toggled). */
const toggled = <T,>(list: readonly T[], value: T) =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value]

/** Several of a few, each a chip that reads filled when chosen (ChoiceChips picks one). */
function Toggles<T extends string>(props: {
  options: { value: T; label: string }[]
  value: T[]
  onChange: (v: T[]) => void
}) {
  return (
    <View className='choice-chips'>
      {props.options.map((o) => {
        const on = props.value.includes(o.value)
        return (
          <View
            key={o.value}
            className={`choice-chips__chip${on ? ' choice-chips__chip--active' : ''}`}
            role='checkbox'
            aria-checked={on}
            onClick={() => props.onChange(toggled(props.value, o.value))}
          >
            <Text className='choice-chips__label'>{o.label}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** A one-line field of the profile, its length limited as the contract limits it. */
function TextField(props: {
  field: 'name' | 'unit' | 'title'
  label: string
  optional?: boolean
  value: string
  onChange: (value: string) => void
}) {
  return (
    <FormField label={props.label} optional={props.optional}>
      <Input
        id={`lecturer-${props.field}`}
        className='form-field__input'
        value={props.value}
        maxlength={L[props.field]}
        onInput={(e) => props.onChange(e.detail.value)}
      />
    </FormField>
  )
}

/**
 * 编辑 a profile, every field (lecturer.edit): a bound member's name and role follow the roster, so only an
 * outsider's are editable. The photo is uploaded under lecturer-photos/ and checked (lecturer.checkPhoto)
 * before the form is sent. Topics: this year's published ones; those kept from another year stay.
 * Reads: the profile and the year's topics (2 calls). Class prefix `edit-lecturer`.
 */
export default function EditLecturer({ id, onSaved, onBack }: { id: string; onSaved: () => void; onBack: () => void }) {
  const profile = usePageLoad(() => call('lecturer', 'profile', { id }), [id], 'mount')
  const topics = usePageLoad(() => call('topic', 'choices', { year: chinaYear(Date.now()) }), [], 'mount')
  if (profile.phase !== 'ready') {
    return <PageState phase={profile.phase} refusal={profile.refusal} onRetry={() => void profile.reload()} />
  }
  return <Form profile={profile.data} topics={topics.data?.items ?? []} onSaved={onSaved} onBack={onBack} />
}

function Form(props: { profile: LecturerProfile; topics: TopicChoice[]; onSaved: () => void; onBack: () => void }) {
  const { profile: p, topics } = props
  const outsider = !p.memberId
  const [name, setName] = useState(p.name)
  const [role, setRole] = useState(p.speakerRole as OutsiderRole)
  const [unit, setUnit] = useState(p.unit)
  const [title, setTitle] = useState(p.title)
  const [themes, setThemes] = useState<ThemeCode[]>(p.themes)
  const [topicIds, setTopicIds] = useState(p.topicIds)
  const [intro, setIntro] = useState(p.intro)
  const [photo, setPhoto] = useState<Cover | undefined>(
    p.photoFileId ? { fileId: p.photoFileId, url: p.photoUrl } : undefined,
  )
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<NoticeMessage>()
  const kept = topicIds.filter((t) => !topics.some((c) => c.id === t)).length

  const save = async () => {
    if (busy) return
    setBusy(true)
    const reply = await call('lecturer', 'edit', {
      id: p.id,
      ...(outsider && { name, speakerRole: role }),
      unit,
      title,
      themes,
      topicIds,
      intro,
      ...(photo && { photoFileId: photo.fileId }),
    })
    setBusy(false)
    if (!reply.ok) return setOutcome(refusalNotice(reply, '没有保存：'))
    props.onSaved()
  }

  return (
    <View className='edit-lecturer'>
      {outsider && <TextField field='name' label='姓名' value={name} onChange={setName} />}
      {outsider && (
        <FormField label='身份'>
          <ChoiceChips options={OUTSIDER_ROLES} value={role} onChange={setRole} />
        </FormField>
      )}
      {!outsider && <Text className='edit-lecturer__note'>党员主讲人的姓名和身份以党员名册为准</Text>}
      <TextField field='unit' label='工作单位' optional value={unit} onChange={setUnit} />
      <TextField field='title' label='职务或称号' optional value={title} onChange={setTitle} />
      <FormField label='擅长的党课类型' optional>
        <Toggles options={THEMES.map((t) => ({ value: t.code, label: t.name }))} value={themes} onChange={setThemes} />
      </FormField>
      <FormField
        label='擅长的重点选题'
        optional
        hint={kept ? `另有${kept}个往年的选题，保留不变` : `最多选${L.topics}个`}
      >
        {topics.length ? (
          <Toggles
            options={topics.map((t) => ({ value: t.id, label: t.title }))}
            value={topicIds}
            onChange={setTopicIds}
          />
        ) : (
          <Text className='edit-lecturer__note'>今年还没有发布重点选题</Text>
        )}
      </FormField>
      <FormField label='个人介绍' optional>
        <Textarea
          id='lecturer-intro'
          className='form-field__input edit-lecturer__intro'
          value={intro}
          maxlength={L.intro}
          placeholder='讲过什么、擅长讲什么'
          placeholderStyle={PLACEHOLDER_STYLE}
          onInput={(e) => setIntro(e.detail.value)}
        />
      </FormField>
      <FormField label='照片' optional hint='JPG 或 PNG，不超过2MB。'>
        <CoverPicker kind='lecturerPhoto' cover={photo} onChange={setPhoto} />
      </FormField>
      <View className='edit-lecturer__actions'>
        <ActionButton className='edit-lecturer__action' busy={busy} onClick={() => void save()}>
          {busy ? '请稍候…' : '保存'}
        </ActionButton>
        <ActionButton className='edit-lecturer__action' variant='quiet' onClick={props.onBack}>
          返回
        </ActionButton>
      </View>
      {outcome && <Notice tone={outcome.tone} text={outcome.text} detail={outcome.detail} />}
    </View>
  )
}
