import { Input, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import { topicInput, type TopicView } from '../../shared/contract/topic'
import { TOPIC_DEPARTMENTS, TOPIC_LIMITS } from '../../shared/topicRules'
import { useFormSubmit } from '../../utils/useFormSubmit'
import { ActionButton, ChoiceChips, Notice, refusalNotice } from '../components'
import FormField, { PLACEHOLDER_STYLE } from '../components/FormField'

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
  const [title, setTitle] = useState(topic?.title ?? '')
  const [description, setDescription] = useState(topic?.description ?? '')
  const [department, setDepartment] = useState(topic?.department ?? '')
  const { errors, busy, refused, submit } = useFormSubmit()
  const save = () =>
    submit(
      topicInput.safeParse({ title, description, department }),
      (input) => call('topic', 'save', topic ? { id: topic.id, topic: input } : { year, topic: input }),
      onSaved,
    )
  return (
    <View className='manage-topics__form'>
      <FormField label='选题' error={errors.title}>
        <Input
          id='field-topic-title'
          className='form-field__input'
          value={title}
          maxlength={TOPIC_LIMITS.title}
          placeholder='如：大党学习的力量'
          placeholderStyle={PLACEHOLDER_STYLE}
          onInput={(e) => setTitle(e.detail.value)}
        />
      </FormField>
      <FormField label='说明' optional error={errors.description}>
        <Textarea
          id='field-topic-description'
          className='form-field__textarea'
          value={description}
          maxlength={TOPIC_LIMITS.description}
          placeholder='这个选题讲什么，希望谁来讲'
          placeholderStyle={PLACEHOLDER_STYLE}
          onInput={(e) => setDescription(e.detail.value)}
        />
      </FormField>
      <FormField label='提出部门' error={errors.department} hint='点选一个，或在下面填写其他部门。'>
        <ChoiceChips options={DEPARTMENTS} value={department} onChange={setDepartment} />
        <Input
          id='field-topic-department'
          className='form-field__input'
          value={department}
          maxlength={TOPIC_LIMITS.department}
          placeholder='其他部门'
          placeholderStyle={PLACEHOLDER_STYLE}
          onInput={(e) => setDepartment(e.detail.value)}
        />
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
