import { Image, Text, View } from '@tarojs/components'
import { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import { useRef } from 'react'
import { call } from '../../api/client'
import PageState, { usePageLoad } from '../../components/PageState'
import './index.scss'

/** Fetch the next code this long before the current one runs out (a slow network must not show a dead code). */
const EARLY_MS = 20_000
const MIN_WAIT_MS = 5_000

/**
 * 我的党员码: for a member who cannot scan (no camera, old phone), a personal code that the secretary
 * scans. It changes every few minutes (a photo of it soon stops working); the page fetches the next one
 * before the current one runs out, while it is shown.
 */
export default function MyCode() {
  const page = usePageLoad(() => call('checkin', 'myCode', {}), [], 'manual')
  const timer = useRef<ReturnType<typeof setTimeout>>()

  const stop = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = undefined
  }

  /** Ask for the code (quiet: keeping the one shown), then for the next one before it runs out. */
  const fetchCode = async (quiet: boolean) => {
    stop()
    const reply = await (quiet ? page.quietReload() : page.reload())
    if (!reply) return
    // Refused in place: keep the code on screen and try again soon (it stays valid a while after its slot).
    const wait = reply.ok ? Math.max(MIN_WAIT_MS, reply.data.refreshInMs - EARLY_MS) : quiet ? MIN_WAIT_MS : undefined
    if (wait !== undefined) timer.current = setTimeout(() => void fetchCode(true), wait)
  }

  useDidShow(() => void fetchCode(page.phase === 'ready'))
  useDidHide(stop)
  useUnload(stop)

  if (page.phase !== 'ready') {
    return (
      <PageState className='mycode' phase={page.phase} refusal={page.refusal} onRetry={() => void fetchCode(false)} />
    )
  }

  const code = page.data
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
