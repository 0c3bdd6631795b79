import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { AGREE_BUTTON_ID, canOpenContract, type ConsentAsk, onConsentAsked, openContract } from '../../api/privacy'
import { routes } from '../../utils/routes'
import './index.scss'

/** What each privacy API uses, for a member who wants to know before agreeing. */
const USES: Record<string, string> = {
  getLocation: '获取您的位置：签到时核对您是否在党课现场（只保存离现场的距离），找附近的党课时按远近排列（不保存）',
  chooseImage: '读取您选中的一张照片，作为党课的封面',
  chooseMessageFile: '读取您在聊天中选中的名册表格',
  saveImageToPhotosAlbum: '把学时记录图片保存到您的相册',
}

/**
 * The consent sheet (src/api/privacy.ts): shown when WeChat (or, in a browser, the location) asks before a
 * privacy API, with 同意 (open-type agreePrivacyAuthorization), 拒绝, and the guide and 隐私政策 to read.
 * Every page that calls a privacy API renders one. Class prefix `privacy-sheet`.
 */
function PrivacySheet() {
  const [ask, setAsk] = useState<ConsentAsk>()
  // A second ask while one is shown replaces it: the first is answered (refused), never left waiting.
  const shown = useRef<ConsentAsk>()
  useEffect(
    () =>
      onConsentAsked((next) => {
        shown.current?.answer(false)
        shown.current = next
        setAsk(next)
      }),
    [],
  )
  if (!ask) return null

  const answer = (agreed: boolean) => {
    shown.current = undefined
    setAsk(undefined)
    ask.answer(agreed)
  }
  const use = USES[ask.referrer.replace(/^wx\./, '')]
  const weapp = process.env.TARO_ENV === 'weapp'

  return (
    <View className='privacy-sheet' role='dialog' aria-label='隐私保护提示'>
      <View className='privacy-sheet__panel'>
        <Text className='privacy-sheet__title'>请您先同意隐私保护指引</Text>
        <Text className='privacy-sheet__text'>
          {use ? `小程序要${use}。` : '小程序要使用您的个人信息。'}您同意后才会使用，拒绝也不影响其他功能。
        </Text>
        {canOpenContract() && (
          <Text className='privacy-sheet__link' onClick={openContract}>
            查看《用户隐私保护指引》
          </Text>
        )}
        <Text className='privacy-sheet__link' onClick={() => void Taro.navigateTo({ url: routes.privacy })}>
          查看《隐私政策》
        </Text>
        <Button
          id={AGREE_BUTTON_ID}
          className='privacy-sheet__agree'
          openType={weapp ? 'agreePrivacyAuthorization' : undefined}
          onAgreePrivacyAuthorization={() => answer(true)}
          onClick={weapp ? undefined : () => answer(true)}
        >
          同意
        </Button>
        <Button className='privacy-sheet__refuse' onClick={() => answer(false)}>
          拒绝
        </Button>
      </View>
    </View>
  )
}

PrivacySheet.displayName = 'PrivacySheet'

export default PrivacySheet
