import { View } from '@tarojs/components'
import { ActionButton } from '../components'

interface Props {
  /** The form's verb: 新增, 改名. */
  label: string
  busy: boolean
  onSubmit: () => void
  onBack: () => void
}

/** A tree form's two buttons: its verb (请稍候… while busy) and 返回. */
export default function SubmitOrBack({ label, busy, onSubmit, onBack }: Props) {
  return (
    <View className='manage-org__actions'>
      <ActionButton size='small' busy={busy} className='manage-org__action' onClick={onSubmit}>
        {busy ? '请稍候…' : label}
      </ActionButton>
      <ActionButton size='small' variant='quiet' className='manage-org__action' onClick={onBack}>
        返回
      </ActionButton>
    </View>
  )
}
