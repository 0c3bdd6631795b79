import { View } from '@tarojs/components'
import ActionButton from '../ActionButton'

export interface DecideButtonsProps {
  /** The class prefix of the list they stand in: `${block}__actions` holds `${block}__action` buttons. */
  block: string
  /** The yes word (通过, 采纳, 确认) and the no word (不通过 …). */
  yes: string
  no: string
  /** The yes request is running: its button says 请稍候… and ignores taps. */
  busy: boolean
  onYes: () => void
  /** Opens the reason form in place; the no request is sent from there. */
  onNo: () => void
}

/**
 * A pending row's decision: yes at once, no after a reason. The list styles the row (its own
 * `__actions` spacing), so this has no style sheet of its own.
 */
function DecideButtons({ block, yes, no, busy, onYes, onNo }: DecideButtonsProps) {
  return (
    <View className={`${block}__actions`}>
      <ActionButton size='small' className={`${block}__action`} busy={busy} onClick={onYes}>
        {busy ? '请稍候…' : yes}
      </ActionButton>
      <ActionButton size='small' variant='quiet' className={`${block}__action`} onClick={onNo}>
        {no}
      </ActionButton>
    </View>
  )
}

DecideButtons.displayName = 'DecideButtons'

export default DecideButtons
