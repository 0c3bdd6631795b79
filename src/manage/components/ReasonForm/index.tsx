import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../ActionButton'
import ChoiceChips from '../ChoiceChips'
import { PLACEHOLDER_STYLE } from '../FormField'
import './index.scss'

export interface ReasonFormProps {
  /** The question, e.g. "取消的原因（党员会看到）". */
  label: string
  placeholder?: string
  confirmText: string
  /** Why the reason cannot be sent (e.g. too short); undefined when it can. */
  validate?: (reason: string) => string | undefined
  onConfirm: (reason: string) => void
  onBack: () => void
  busy?: boolean
  /** A refusal from the server, shown under the field. */
  error?: string
  id?: string
  /** Common reasons offered as chips above the field: a tap fills the field, which can still be edited. */
  presets?: string[]
}

/**
 * A reason asked for in place, under the item it is about (no pop-up that covers the list): one
 * line to type (or a preset to tap), a confirm and a back button. Class prefix `reason-form`.
 */
function ReasonForm(props: ReasonFormProps) {
  const { label, placeholder, confirmText, validate, onConfirm, onBack, busy = false, error, id, presets } = props
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string>()

  const confirm = () => {
    const trimmed = reason.trim()
    const found = validate?.(trimmed)
    setProblem(found)
    if (!found) onConfirm(trimmed)
  }

  const shown = problem ?? error
  return (
    <View className='reason-form'>
      <Text className='reason-form__label'>{label}</Text>
      {presets && presets.length > 0 && (
        <ChoiceChips
          className='reason-form__presets'
          options={presets.map((p) => ({ value: p, label: p }))}
          value={presets.includes(reason.trim()) ? reason.trim() : undefined}
          onChange={(preset) => {
            setReason(preset)
            setProblem(undefined)
          }}
        />
      )}
      <Input
        id={id}
        className='reason-form__input'
        value={reason}
        placeholder={placeholder}
        placeholderStyle={PLACEHOLDER_STYLE}
        maxlength={200}
        onInput={(e) => {
          setReason(e.detail.value)
          setProblem(undefined)
        }}
      />
      {shown && <Text className='reason-form__error'>{shown}</Text>}
      <View className='reason-form__actions'>
        <ActionButton size='small' busy={busy} onClick={confirm} className='reason-form__button'>
          {busy ? '正在提交…' : confirmText}
        </ActionButton>
        <ActionButton size='small' variant='quiet' onClick={onBack} className='reason-form__button'>
          返回
        </ActionButton>
      </View>
    </View>
  )
}

ReasonForm.displayName = 'ReasonForm'

export default ReasonForm
