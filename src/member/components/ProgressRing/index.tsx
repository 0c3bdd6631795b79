import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface ProgressRingProps {
  /** 0…1 (more is shown full). */
  share: number
  /** What the ring says to a screen reader ("已完成 18.5 / 32 学时"). */
  label: string
  /** Shown in the middle. */
  children?: ReactNode
}

/**
 * A progress ring in CSS only (no canvas, no chart library), the same in WeChat and the browser: two
 * halves, each a clipped ring with two coloured sides, turned in from the hidden side by the share.
 * Class prefix `progress-ring`.
 */
function ProgressRing({ share, label, children }: ProgressRingProps) {
  const p = Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0))
  // Each coloured half-ring starts turned away (-135deg) and turns 360deg per whole share.
  const right = -135 + 360 * Math.min(p, 0.5)
  const left = -135 + 360 * Math.max(p - 0.5, 0)
  return (
    <View className='progress-ring' role='img' aria-label={label}>
      <View className='progress-ring__half progress-ring__half--right'>
        <View className='progress-ring__bar progress-ring__bar--right' style={{ transform: `rotate(${right}deg)` }} />
      </View>
      <View className='progress-ring__half progress-ring__half--left'>
        <View className='progress-ring__bar progress-ring__bar--left' style={{ transform: `rotate(${left}deg)` }} />
      </View>
      <View className='progress-ring__inner'>{children}</View>
    </View>
  )
}

ProgressRing.displayName = 'ProgressRing'

export default ProgressRing
