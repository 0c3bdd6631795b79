import { Button } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface ActionButtonProps {
  children: ReactNode
  onClick?: () => void
  /** primary: red with white text; plain: red outline; quiet: dark text, grey outline. */
  variant?: 'primary' | 'plain' | 'quiet'
  size?: 'normal' | 'small'
  /** A request is running: the button looks busy and ignores taps. */
  busy?: boolean
  /** As wide as its container. */
  block?: boolean
  className?: string
  id?: string
}

const defaultProps = {
  variant: 'primary',
  size: 'normal',
  busy: false,
  block: false,
} satisfies Partial<ActionButtonProps>

/**
 * The button of the manage pages. No `disabled` prop (see src/pages/index: the platforms' disabled
 * looks have too little contrast, and Taro h5 treats disabled={false} as disabled); a busy button
 * ignores taps instead. Class prefix `action-button`.
 */
function ActionButton(props: ActionButtonProps) {
  const { children, onClick, variant, size, busy, block, className, id } = { ...defaultProps, ...props }
  const classes = [
    'action-button',
    `action-button--${variant}`,
    `action-button--${size}`,
    block ? 'action-button--block' : '',
    busy ? 'action-button--busy' : '',
    className ?? '',
  ]
  return (
    <Button id={id} className={classes.filter(Boolean).join(' ')} onClick={() => !busy && onClick?.()}>
      {children}
    </Button>
  )
}

ActionButton.displayName = 'ActionButton'

export default ActionButton
