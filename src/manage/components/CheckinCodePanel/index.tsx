import { Image, Text, View } from '@tarojs/components'
import type { LiveCheckin } from '../../../shared/contract'
import { CODE_SLOT_MS, OPENS_BEFORE_MS } from '../../../shared/checkinRules'
import { formatDateTime } from '../../../shared/chinaTime'
import './index.scss'

export interface CheckinCodePanelProps {
  live: LiveCheckin
  /** The code `live` carries: 签到码 or (L3) 签退码. */
  purpose: 'in' | 'out'
  /** When `live` arrived and what time it is now, on this device's clock. */
  receivedAt: number
  now: number
  /** The last poll failed (the screen shows the reply before it). */
  failing: boolean
}

/** "123456" → "123 456": two groups read out more easily in a hall. */
const spaced = (typed: string) => `${typed.slice(0, 3)} ${typed.slice(3)}`

/**
 * What the hall sees: the QR code and its six digits with a countdown; or, without a code, why
 * (L0 needs none; the lecture is over; before or after the window, when it opens or closed).
 * A code stays valid for one slot after the next one begins (src/shared/checkinRules.ts): past
 * that, while the network is out, the old code is marked 已过期 so nobody keeps scanning it.
 * Class prefix `checkin-code`.
 */
function CheckinCodePanel(props: CheckinCodePanelProps) {
  const { live, purpose, receivedAt, now, failing } = props
  const word = purpose === 'out' ? '签退' : '签到'

  if (live.level === 'L0') {
    return (
      <Explained
        text='本场为「按时签到」，不需要签到码'
        detail={`党员在 ${formatDateTime(live.opensAt)} 至 ${formatDateTime(live.closesAt)} 之间，打开党课页面点「签到」即可。`}
      />
    )
  }
  const { code } = live
  if (!code) {
    // a finished lecture keeps its code until the window closes (latecomers, L3 check-out)
    if (live.finished)
      return <Explained text='党课已结束' detail={`签到时间到 ${formatDateTime(live.closesAt)} 为止。`} />
    // live.opensAt is check-in's; check-out (checkinRules.ts checkoutWindow) opens when the lecture starts
    const opens = Date.parse(live.opensAt) + (purpose === 'out' ? OPENS_BEFORE_MS : 0)
    if (now < opens) {
      const at = formatDateTime(new Date(opens).toISOString())
      return <Explained text={`${word}还没有开始`} detail={`${at} 开始，届时这里显示${word}码。`} />
    }
    if (now >= Date.parse(live.closesAt)) {
      return <Explained text={`${word}已经结束`} detail={`已于 ${formatDateTime(live.closesAt)} 结束。`} />
    }
    return <Explained text={`现在没有${word}码`} detail='请稍候，正在获取。' />
  }

  const nextIn = receivedAt + code.refreshInMs - now
  const expired = nextIn + CODE_SLOT_MS < 0
  let status = `每${CODE_SLOT_MS / 1000}秒自动更新 · ${Math.max(0, Math.ceil(nextIn / 1000))}秒后换新码`
  if (expired) status = '此码已过期，党员扫不上：网络恢复后会显示新码'
  else if (nextIn < 0 || failing) status = '正在获取新码…'
  return (
    <View className={`checkin-code${expired ? ' checkin-code--expired' : ''}`}>
      <Image className='checkin-code__qr' src={code.image} mode='scaleToFill' ariaLabel={`${word}二维码`} />
      <Text className='checkin-code__label'>{`${word}码${expired ? '（已过期）' : ''}`}</Text>
      <Text className='checkin-code__digits'>{spaced(code.typed)}</Text>
      <Text className={`checkin-code__status${expired ? ' checkin-code__status--expired' : ''}`}>{status}</Text>
    </View>
  )
}

function Explained(props: { text: string; detail?: string }) {
  return (
    <View className='checkin-code checkin-code--none'>
      <Text className='checkin-code__none'>{props.text}</Text>
      {props.detail && <Text className='checkin-code__detail'>{props.detail}</Text>}
    </View>
  )
}

CheckinCodePanel.displayName = 'CheckinCodePanel'

export default CheckinCodePanel
