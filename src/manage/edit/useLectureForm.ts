/**
 * The lecture form's state and its two actions: check on the page with the contract's `lectureInput`
 * (each field's error under it), then lecture.save; 保存并发布 saves and then publishes.
 */
import { useRef, useState } from 'react'
import { call } from '../../api/client'
import { speakerRoleOf } from '../../shared/lectureRules'
import type { LectureStatus } from '../../shared/model'
import { refusalNotice, type NoticeMessage } from '../components'
import { PLACEHOLDER_STYLE } from '../components/FormField'
import { validateForm, type FieldErrors, type LectureForm } from '../utils/lectureForm'
import type { EditorStart } from './loadEditor'
import type { PoolPick } from './PoolPicker'

/** The errors without those of the given fields (and of their parts, e.g. each stop's). */
function without(errors: FieldErrors, keys: string[]): FieldErrors {
  const kept = Object.entries(errors).filter(([key]) => !keys.some((k) => key === k || key.startsWith(`${k}.`)))
  return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept)
}

/** The fields typed as text (the props of their Input come from one place). */
type TextKey = 'title' | 'lecturerName' | 'lecturerTitle' | 'address' | 'venueLat' | 'venueLng' | 'capacity' | 'hours'

export function useLectureForm(start: EditorStart) {
  const [lectureId, setLectureId] = useState(start.lectureId)
  const [form, setForm] = useState<LectureForm>(start.form)
  const [status, setStatus] = useState<LectureStatus | undefined>(start.status)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [outcome, setOutcome] = useState<NoticeMessage>()
  const [saving, setSaving] = useState<'draft' | 'publish'>()
  /** A URL to show the cover: the detail's, then the one of a picture just uploaded. */
  const [coverUrl, setCoverUrl] = useState(start.coverUrl)
  /**
   * The member lecturer as loaded or chosen with 我本人主讲: kept while the name stays, so that they earn
   * the lecturing credit; another name is an invited lecturer.
   */
  const lecturer = useRef(start.lecturer)

  /** Change fields, and clear the errors of the fields named. */
  const change = (patch: Partial<LectureForm>, ...keys: string[]) => {
    setForm((f) => ({ ...f, ...patch }))
    if (keys.length > 0) setErrors((e) => without(e, keys))
  }

  /** The props of a text field's Input; `errorKey` names the error its typing clears. */
  const input = (key: TextKey, errorKey: string) => ({
    id: `field-${key}`,
    className: 'form-field__input',
    value: form[key],
    placeholderStyle: PLACEHOLDER_STYLE,
    onInput: (e: { detail: { value: string } }) => change({ [key]: e.detail.value }, errorKey),
  })

  const renameLecturer = (name: string) => {
    const same = name.trim() === lecturer.current.name
    const kept: Partial<EditorStart['lecturer']> = same ? lecturer.current : {}
    change({ lecturerName: name, lecturerMemberId: kept.memberId, lecturerProfileId: kept.profileId }, 'lecturer.name')
  }

  const lectureBySelf = () => {
    const { self } = start
    lecturer.current = { name: self.name, memberId: self.id }
    change(
      {
        lecturerName: self.name,
        lecturerMemberId: self.id,
        lecturerProfileId: undefined,
        speakerRole: speakerRoleOf(self.roles),
      },
      'lecturer.name',
      'speakerRole',
    )
  }

  /** 从师资库选择: name, title, role and profile; the member (their lecturing credit) only when named, not invited. */
  const pickFromPool = (p: PoolPick) => {
    const memberId = p.needsInvitation ? undefined : p.memberId
    lecturer.current = { name: p.name, memberId, profileId: p.id }
    const patch = { lecturerName: p.name, lecturerTitle: p.title, lecturerMemberId: memberId, lecturerProfileId: p.id }
    change({ ...patch, speakerRole: p.speakerRole }, 'lecturer.name', 'lecturer.title', 'speakerRole')
  }

  const setCover = (cover: { fileId: string; url?: string } | undefined) => {
    setCoverUrl(cover?.url)
    change({ coverFileId: cover?.fileId }, 'coverFileId')
  }

  const save = async (publish: boolean) => {
    if (saving) return
    const checked = validateForm(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      const count = Object.keys(checked.errors).length
      setOutcome({ tone: 'error', text: `有 ${count} 处需要修改，请看红字提示` })
      return
    }
    setErrors({})
    setOutcome(undefined)
    setSaving(publish ? 'publish' : 'draft')
    try {
      const lecture = checked.input
      const saved = await call('lecture', 'save', lectureId ? { id: lectureId, lecture } : { lecture })
      if (!saved.ok) return setOutcome(refusalNotice(saved, '没有保存成功：'))
      const id = saved.data.id
      setLectureId(id) // a second save edits this lecture instead of posting another
      if (status === 'published') {
        setOutcome({ tone: 'success', text: '已保存修改，报名的党员会看到新的内容' })
        return
      }
      setStatus('draft')
      if (!publish) {
        setOutcome({ tone: 'success', text: '草稿已保存，党员还看不到。准备好后点「保存并发布」' })
        return
      }
      const published = await call('lecture', 'publish', { id })
      if (!published.ok) return setOutcome(refusalNotice(published, '草稿已保存，但没有发布成功：'))
      setStatus('published')
      setOutcome({ tone: 'success', text: '已发布，党员现在可以看到并报名了' })
    } finally {
      setSaving(undefined)
    }
  }

  return {
    ...start,
    lectureId,
    form,
    status,
    errors,
    outcome,
    saving,
    coverUrl,
    change,
    input,
    renameLecturer,
    lectureBySelf,
    pickFromPool,
    setCover,
    save,
  }
}

/** What each section of the form is given. */
export type LectureFormState = ReturnType<typeof useLectureForm>
