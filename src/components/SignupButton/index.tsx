import { Button, Text, View } from '@tarojs/components'
import type { SignupAction } from '../../utils/signup'
import './index.scss'

export interface SignupButtonProps {
  action: SignupAction
  /** A request is on its way: the button says so and taps are ignored. */
  busy?: boolean
  onPress: (kind: Exclude<SignupAction['kind'], 'closed'>) => void
}

const defaultProps = {
  busy: false,
} satisfies Partial<SignupButtonProps>

/**
 * The lecture page's one big button: 报名 / 加入候补 (red), 取消报名 (outlined, so it is not pressed by
 * habit), or, when nothing can be done, the reason in its place. No `disabled` prop: the platforms'
 * disabled look has too little contrast, and Taro h5 treats disabled={false} as disabled.
 * Class prefix `signup-button`.
 */
function SignupButton(props: SignupButtonProps) {
  const { action, busy, onPress } = { ...defaultProps, ...props }

  if (action.kind === 'closed') {
    return (
      <View className='signup-button signup-button--closed' aria-disabled='true'>
        <Text className='signup-button__closed-text'>{action.label}</Text>
      </View>
    )
  }

  const kind = action.kind
  return (
    <Button
      className={`signup-button signup-button--${kind}${busy ? ' signup-button--busy' : ''}`}
      aria-busy={busy}
      onClick={() => {
        if (!busy) onPress(kind)
      }}
    >
      {busy ? '正在提交…' : action.label}
    </Button>
  )
}

SignupButton.displayName = 'SignupButton'

export default SignupButton
