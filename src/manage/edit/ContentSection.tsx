import { Input, Textarea } from '@tarojs/components'
import { chinaYear } from '../../shared/chinaTime'
import { THEMES } from '../../shared/themes'
import { ChoiceChips } from '../components'
import CoverPicker from '../components/CoverPicker'
import FormField, { PLACEHOLDER_STYLE } from '../components/FormField'
import type { Option } from '../utils/labels'
import { emptyStop, type LectureForm } from '../utils/lectureForm'
import { Section } from './parts'
import type { LectureFormState } from './useLectureForm'
import TopicPicker from '../../components/TopicPicker'

const THEME_OPTIONS: Option<LectureForm['theme']>[] = THEMES.map((t) => ({ value: t.code, label: t.name }))

/** 党课内容: title, theme, summary and cover. */
export default function ContentSection({ lecture }: { lecture: LectureFormState }) {
  const { form, errors, change, input } = lecture
  return (
    <Section title='党课内容'>
      <FormField label='标题' error={errors.title}>
        <Input {...input('title', 'title')} maxlength={60} placeholder='如：学习二十届四中全会精神' />
      </FormField>
      <FormField label='主题' error={errors.theme} hint={THEMES.find((t) => t.code === form.theme)?.meaning}>
        <ChoiceChips
          options={THEME_OPTIONS}
          value={form.theme}
          onChange={(theme) =>
            change(
              // a walking lecture needs at least two stops: offer the two empty ones to fill in
              {
                theme,
                stops: theme === 'walking' && form.stops.length === 0 ? [emptyStop(), emptyStop()] : form.stops,
              },
              'theme',
              'venue.stops',
              'credit.hours',
            )
          }
        />
      </FormField>
      <FormField label='简介' optional error={errors.summary}>
        <Textarea
          id='field-summary'
          className='form-field__textarea'
          value={form.summary}
          maxlength={2000}
          placeholder='讲什么，适合谁来听'
          placeholderStyle={PLACEHOLDER_STYLE}
          onInput={(e) => change({ summary: e.detail.value }, 'summary')}
        />
      </FormField>
      <FormField label='重点选题' optional error={errors.topicId} hint='本年度市里和本区县发布的重点选题。'>
        <TopicPicker
          year={Number(form.startDate.slice(0, 4)) || chinaYear(Date.now())}
          orgId={form.hostOrgId}
          value={form.topicId}
          onChange={(topic) => change({ topicId: topic?.id }, 'topicId')}
        />
      </FormField>
      <FormField label='封面图片' optional error={errors.coverFileId} hint='JPG 或 PNG，不超过2MB。'>
        <CoverPicker
          cover={form.coverFileId ? { fileId: form.coverFileId, url: lecture.coverUrl } : undefined}
          onChange={lecture.setCover}
        />
      </FormField>
    </Section>
  )
}
