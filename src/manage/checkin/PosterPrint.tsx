import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import type { PosterCode } from '../../shared/contract'
import { ActionButton, Notice } from '../components'
import { chinaParts, formatDateTime } from '../../shared/chinaTime'
import './poster.scss'

const SCAN_LINE = '微信扫一扫，打开党课页面签到'

/** "11月28日 14:00 至 15:30" (or both dates when it ends on another day). */
function timeLine(p: PosterCode): string {
  const start = chinaParts(p.startAt)
  const end = chinaParts(p.endAt)
  const until = start && end && start.date === end.date ? end.time : formatDateTime(p.endAt)
  return `${formatDateTime(p.startAt)} 至 ${until}`
}

/** WeChat cannot preview a data URL: the code goes to a file first; long-press it there to save or send it. */
async function previewInWeapp(image: string): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/dangke-poster-code.png`
  await new Promise((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: image.slice(image.indexOf(',') + 1),
      encoding: 'base64',
      success: resolve,
      fail: reject,
    }),
  )
  await Taro.previewImage({ urls: [filePath] })
}

/**
 * 打印签到海报: asks for the lecture's printed code (checkin.posterCode) and shows the poster full screen —
 * title, time, place, the code and how to scan it. In a browser 打印 prints only the poster (poster.scss
 * @media print); in WeChat 保存小程序码 opens the code as an image to long-press and save, for printing
 * elsewhere. Class prefix `poster`.
 */
export default function PosterPrint(props: { lectureId: string }) {
  const [busy, setBusy] = useState(false)
  const [poster, setPoster] = useState<PosterCode>()
  const [error, setError] = useState<{ text: string; detail?: string }>()
  const weapp = process.env.TARO_ENV === 'weapp'

  const open = async () => {
    if (busy) return
    setBusy(true)
    setError(undefined)
    try {
      const reply = await call('checkin', 'posterCode', { lectureId: props.lectureId })
      if (!reply.ok) return setError({ text: `没有生成签到海报：${reply.message}`, detail: reply.explanation })
      setPoster(reply.data)
    } finally {
      setBusy(false)
    }
  }

  const save = async () => {
    if (!poster) return
    try {
      await previewInWeapp(poster.image)
    } catch (_err) {
      setError({ text: '没有打开小程序码图片，请稍后再试' })
    }
  }

  if (!poster) {
    return (
      <View className='poster-entry'>
        <ActionButton variant='plain' busy={busy} onClick={() => void open()}>
          {busy ? '请稍候…' : '打印签到海报'}
        </ActionButton>
        {error && <Notice tone='error' text={error.text} detail={error.detail} />}
      </View>
    )
  }

  return (
    <View className='poster'>
      <View className='poster__sheet'>
        <Text className='poster__heading'>党课签到</Text>
        <Text className='poster__title'>{poster.lectureTitle}</Text>
        <Text className='poster__line'>{`时间：${timeLine(poster)}`}</Text>
        <Text className='poster__line'>{`地点：${poster.address}`}</Text>
        <Image className='poster__code' src={poster.image} mode='aspectFit' />
        <Text className='poster__scan'>{SCAN_LINE}</Text>
        {poster.kind === 'local' && (
          <Text className='poster__note'>（本地演示：这是网页版党课页面的二维码，正式小程序中为小程序码）</Text>
        )}
      </View>
      <View className='poster__actions'>
        {weapp ? (
          <ActionButton className='poster__action' onClick={() => void save()}>
            保存小程序码
          </ActionButton>
        ) : (
          <ActionButton className='poster__action' onClick={() => window.print()}>
            打印
          </ActionButton>
        )}
        <ActionButton className='poster__action' variant='quiet' onClick={() => setPoster(undefined)}>
          返回签到屏幕
        </ActionButton>
      </View>
      {error && <Notice tone='error' text={error.text} detail={error.detail} />}
    </View>
  )
}
