import { Button, Input, Text, View } from '@tarojs/components'
import { canScan } from '../../api/scanner'
import type { CheckinHow } from './useCheckinScan'

export interface CheckinActionsProps {
  /** 签到 or 签退 (at L3 after the check-in). */
  word: string
  /** L0: one button, no code. */
  plain: boolean
  typed: string
  onType: (digits: string) => void
  typedError?: string
  /** What the running check-in is doing, on its button. */
  busy?: string
  onCheckIn: (how: CheckinHow) => void
}

/** The ways to check in: one button at L0; else the scanner (WeChat) and the six typed digits. */
export default function CheckinActions({
  word,
  plain,
  typed,
  onType,
  typedError,
  busy,
  onCheckIn,
}: CheckinActionsProps) {
  if (plain) {
    return (
      <View className='checkin__actions'>
        <Button className='checkin__button checkin__button--big' onClick={() => onCheckIn('plain')}>
          {busy ?? word}
        </Button>
      </View>
    )
  }
  return (
    <View className='checkin__actions'>
      {canScan() && (
        <Button className='checkin__button checkin__button--big' onClick={() => onCheckIn('scan')}>
          {busy ?? `扫码${word}`}
        </Button>
      )}
      <Text className='checkin__label'>{`输入${word}码`}</Text>
      <Text className='checkin__hint'>现场屏幕上二维码下方的6位数字</Text>
      <Input
        className='checkin__code'
        placeholderClass='checkin__placeholder'
        type='number'
        maxlength={6}
        value={typed}
        placeholder='6位数字'
        aria-label={`输入${word}码`}
        onInput={(e) => onType(e.detail.value.replace(/\D/g, ''))}
        onConfirm={() => onCheckIn('typed')}
      />
      {typedError && <Text className='checkin__error'>{typedError}</Text>}
      <Button
        className={`checkin__button${canScan() ? ' checkin__button--plain' : ''}${busy ? ' checkin__button--busy' : ''}`}
        onClick={() => onCheckIn('typed')}
      >
        {busy ?? `提交${word}码`}
      </Button>
    </View>
  )
}
