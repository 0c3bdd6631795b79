import TextField from '../TextField'

export interface NameAndPhoneProps {
  /** The page's block: the fields get `<block>__field`. */
  block: string
  name: string
  phone: string
  namePlaceholder: string
  errors: { name?: string; phone?: string }
  onName: (value: string) => void
  onPhone: (value: string) => void
}

/** 姓名 and 手机号 as the roster holds them: binding by name and phone, and the first administrator's claim. */
export default function NameAndPhone({
  block,
  name,
  phone,
  namePlaceholder,
  errors,
  onName,
  onPhone,
}: NameAndPhoneProps) {
  return (
    <>
      <TextField
        className={`${block}__field`}
        label='姓名'
        maxlength={20}
        value={name}
        placeholder={namePlaceholder}
        error={errors.name}
        onInput={onName}
      />
      <TextField
        className={`${block}__field`}
        label='手机号'
        type='number'
        maxlength={11}
        value={phone}
        placeholder='11位手机号'
        error={errors.phone}
        onInput={onPhone}
      />
    </>
  )
}
