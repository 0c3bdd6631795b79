import { Image, Text, View } from '@tarojs/components'
import { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { call } from '../../api/client'
import PageState from '../../components/PageState'
import type { MemberCode } from '../../shared/contract/checkin'
import type { Refusal } from '../../shared/errors'
import './index.scss'

type Load = { phase: 'loading' } | { phase: 'ready'; code: MemberCode } | { phase: 'refused'; refusal: Refusal }

/** Fetch the next code this long before the current one runs out (a slow network must not show a dead code). */
const EARLY_MS = 20_000
const MIN_WAIT_MS = 5_000

/**
 * 我的党员码: for a member who cannot scan (no camera, old phone), a personal code that the secretary
 * scans. It changes every few minutes (a photo of it soon stops working); the page fetches the next one
 * before the current one runs out, while it is shown.
 */
export default function MyCode() {
  const [load, setLoad] = useState<Load>({ phase: 'loading' })
  const timer = useRef<ReturnType<typeof setTimeout>>()

  const stop = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = undefined
  }

  const fetchCode = useCallback(async (quiet: boolean) => {
    stop()
    if (!quiet) setLoad({ phase: 'loading' })
    const reply = await call('checkin', 'myCode', {})
    if (reply.ok) {
      setLoad({ phase: 'ready', code: reply.data })
      timer.current = setTimeout(() => void fetchCode(true), Math.max(MIN_WAIT_MS, reply.data.refreshInMs - EARLY_MS))
    } else if (!quiet) {
      setLoad({ phase: 'refused', refusal: reply })
    } else {
      // Keep the code on screen and try again soon (it stays valid a while after its slot).
      timer.current = setTimeout(() => void fetchCode(true), MIN_WAIT_MS)
    }
  }, [])

  useDidShow(() => void fetchCode(load.phase === 'ready'))
  useDidHide(stop)
  useUnload(stop)

  if (load.phase !== 'ready') {
    return (
      <PageState
        className='mycode'
        phase={load.phase === 'loading' ? 'loading' : 'refused'}
        refusal={load.phase === 'refused' ? load.refusal : undefined}
        onRetry={() => void fetchCode(false)}
      />
    )
  }

  const { code } = load
  return (
    <View className='mycode'>
      <View className='mycode__card'>
        <Text className='mycode__name'>{code.name}</Text>
        <Image className='mycode__image' src={code.image} aria-label={`${code.name}的党员码`} />
        <Text className='mycode__note'>请出示给支部书记扫码签到</Text>
        <Text className='mycode__hint'>党员码每隔几分钟自动更新，截图或照片过一会儿就不能用了。</Text>
      </View>
    </View>
  )
}
