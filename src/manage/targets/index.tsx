import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { call } from '../../api/client'
import { contract } from '../../shared/contract'
import type { Refusal } from '../../shared/errors'
import { hoursYear } from '../../shared/studyHours'
import { ActionButton, ChoiceChips, Notice, PageState, usePageLoad } from '../components'
import FormField, { PLACEHOLDER_STYLE } from '../components/FormField'
import { fieldErrors, type FieldErrors } from '../utils/lectureForm'
import './index.scss'

type Role = 'member' | 'officer'

const FIELDS: { key: Role; label: string }[] = [
  { key: 'member', label: '普通党员' },
  { key: 'officer', label: '支部书记、支部委员' },
]

/** What to say under a field when zod's message is a generic one (empty, not a number, out of range). */
const HINTS: Record<Role, string> = {
  member: '学时是0到200之间的数，按0.5递增，如 32',
  officer: '学时是0到200之间的数，按0.5递增，如 56',
}

const STEP = 0.5
const MAX = 200

/** '' and words are not 0: the schema must see them as missing, not as a target of 0. */
const toNumber = (text: string) => (text.trim() === '' ? NaN : Number(text.trim()))

/** One half up or down from what is typed (from the saved value if it is not a number). */
function stepped(text: string, fallback: number, delta: number): string {
  const n = toNumber(text)
  const from = Number.isFinite(n) ? Math.round(n / STEP) * STEP : fallback
  return String(Math.min(MAX, Math.max(0, from + delta)))
}

interface Outcome {
  tone: 'error' | 'success'
  text: string
  detail?: string
}

/** FORBIDDEN here has one reason: targets are the city's, so say whose they are. */
function refused(reply: Refusal): Outcome {
  const detail =
    reply.code === 'FORBIDDEN'
      ? '学时标准全市统一，只有市委组织部的管理员可以修改。您可以在这里查看，如需调整请联系市委组织部。'
      : reply.explanation
  return { tone: 'error', text: `没有保存成功：${reply.message}`, detail }
}

/**
 * 学时标准: a year's study-hour targets for ordinary members and for branch officers, this year or
 * the next. Anyone may look; a city administrator may change them (the server decides, FORBIDDEN
 * for the others). Checked on the page with the contract's own schema before sending.
 */
export default function ManageTargets() {
  const currentYear = hoursYear(new Date())
  const [year, setYear] = useState(currentYear)
  const [form, setForm] = useState<Record<Role, string>>({ member: '', officer: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [outcome, setOutcome] = useState<Outcome>()
  const [saving, setSaving] = useState(false)
  /** The year's targets as saved (only the latest year asked for: a fast switch must not show the other year's). */
  const page = usePageLoad(() => call('hours', 'targets', { year }), [year], 'mount')
  const saved = page.data

  // What is saved fills the form (loaded, or just saved).
  useEffect(() => {
    if (saved) setForm({ member: String(saved.member), officer: String(saved.officer) })
  }, [saved])

  const change = (key: Role, text: string) => {
    setForm((f) => ({ ...f, [key]: text }))
    setErrors((e) => ({ ...e, [key]: '' }))
  }

  const save = async () => {
    if (saving) return
    const checked = contract.hours.setTargets.input.safeParse({
      year,
      member: toNumber(form.member),
      officer: toNumber(form.officer),
    })
    if (!checked.success) {
      setErrors(fieldErrors(checked.error.issues, HINTS))
      setOutcome({ tone: 'error', text: '请按红字提示修改后再保存' })
      return
    }
    setErrors({})
    setOutcome(undefined)
    setSaving(true)
    try {
      const reply = await call('hours', 'setTargets', checked.data)
      if (!reply.ok) return setOutcome(refused(reply))
      const t = reply.data
      page.update(() => t)
      setOutcome({
        tone: 'success',
        text: `已保存${t.year}年学时标准：普通党员 ${t.member} 学时，支部书记、支部委员 ${t.officer} 学时`,
      })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='manage-targets'>
      <View className='manage-targets__head'>
        <Text className='manage-targets__title'>学时标准</Text>
        <ChoiceChips
          options={[currentYear, currentYear + 1].map((y) => ({ value: String(y), label: `${y}年` }))}
          value={String(year)}
          onChange={(y) => {
            setYear(Number(y))
            setErrors({})
            setOutcome(undefined)
          }}
        />
        <Text className='manage-targets__basis'>
          依据《中国共产党党员教育管理工作条例》每名党员每年集中学习培训不少于32学时，支部书记和委员不少于56学时；各地可按新的规划调整
        </Text>
      </View>

      {page.phase !== 'ready' && (
        <PageState phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
      )}
      {saved && (
        <View className='manage-targets__body'>
          <Text className='manage-targets__current'>
            {`${saved.year}年现行标准：普通党员 ${saved.member} 学时，支部书记、支部委员 ${saved.officer} 学时`}
          </Text>
          {FIELDS.map(({ key, label }) => (
            <FormField key={key} label={`${label}（学时）`} error={errors[key] || undefined}>
              <View className='manage-targets__stepper'>
                <ActionButton
                  size='small'
                  variant='quiet'
                  className='manage-targets__step'
                  onClick={() => change(key, stepped(form[key], saved[key], -STEP))}
                >
                  减0.5
                </ActionButton>
                <Input
                  id={`target-${key}`}
                  className='form-field__input manage-targets__input'
                  type='digit'
                  value={form[key]}
                  maxlength={5}
                  placeholderStyle={PLACEHOLDER_STYLE}
                  onInput={(e) => change(key, e.detail.value)}
                />
                <ActionButton
                  size='small'
                  variant='quiet'
                  className='manage-targets__step'
                  onClick={() => change(key, stepped(form[key], saved[key], STEP))}
                >
                  加0.5
                </ActionButton>
              </View>
            </FormField>
          ))}
          {outcome && <Notice tone={outcome.tone} text={outcome.text} detail={outcome.detail} />}
          <ActionButton block busy={saving} className='manage-targets__save' onClick={() => void save()}>
            {saving ? '正在保存…' : '保存'}
          </ActionButton>
        </View>
      )}
    </View>
  )
}
