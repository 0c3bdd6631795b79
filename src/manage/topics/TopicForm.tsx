import { Input, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import { topicInput, type TopicView } from '../../shared/contract/topic'
import { TOPIC_DEPARTMENTS, TOPIC_LIMITS } from '../../shared/topicRules'
import { useFormSubmit } from '../../utils/useFormSubmit'
import { ActionButton, ChoiceChips, Notice, refusalNotice } from '../components'
import FormField, { PLACEHOLDER_STYLE } from '../components/FormField'

type Field = keyof typeof TOPIC_LIMITS

const DEPARTMENTS = TOPIC_DEPARTMENTS.map((d) => ({ value: d as string, label: d }))

export interface TopicFormProps {
  year: number
  /** The topic edited; absent: a new one. */
  topic?: TopicView
  onSaved: (topic: TopicView) => void
  onCancel: () => void
}

/**
 * One topic of the list: title, a short description and the department that asked for it (one of the
 * source document's, or typed). Checked with the contract's schema here and again on the server.
 */
export default function TopicForm({ year, topic, onSaved, onCancel }: TopicFormProps) {
  const [fields, setFields] = useState({
    title: topic?.title ?? '',
    description: topic?.description ?? '',
    department: topic?.department ?? '',
  })
  const { errors, busy, refused, submit } = useFormSubmit()
  const save = () =>
    submit(
      topicInput.safeParse(fields),
      (input) => call('topic', 'save', topic ? { id: topic.id, topic: input } : { year, topic: input }),
      onSaved,
    )
  const set = (key: Field) => (value: string) => setFields((f) => ({ ...f, [key]: value }))
  /** The props of a field's Input or Textarea. */
  const text = (key: Field, className: string, placeholder: string) => ({
    id: `field-topic-${key}`,
    className,
    value: fields[key],
    maxlength: TOPIC_LIMITS[key],
    placeholder,
    placeholderStyle: PLACEHOLDER_STYLE,
    onInput: (e: { detail: { value: string } }) => set(key)(e.detail.value),
  })
  return (
    <View className='manage-topics__form'>
      <FormField label='选题' error={errors.title}>
        <Input {...text('title', 'form-field__input', '如：大党学习的力量')} />
      </FormField>
      <FormField label='说明' optional error={errors.description}>
        <Textarea {...text('description', 'form-field__textarea', '这个选题讲什么，希望谁来讲')} />
      </FormField>
      <FormField label='提出部门' error={errors.department} hint='点选一个，或在下面填写其他部门。'>
        <ChoiceChips options={DEPARTMENTS} value={fields.department} onChange={set('department')} />
        <Input {...text('department', 'form-field__input', '其他部门')} />
      </FormField>
      {refused && <Notice {...refusalNotice(refused, '没有保存成功：')} />}
      <View className='manage-topics__buttons'>
        <ActionButton busy={busy} onClick={() => void save()}>
          {busy ? '正在保存…' : '保存草稿'}
        </ActionButton>
        <ActionButton variant='quiet' onClick={onCancel}>
          取消
        </ActionButton>
      </View>
    </View>
  )
}
