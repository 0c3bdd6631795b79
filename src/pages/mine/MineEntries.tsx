import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { canScan, scanQr } from '../../api/scanner'
import { lectureIdOfQr } from '../../shared/checkinRules'
import type { Me } from '../../shared/contract'
import { manageEntries } from '../../utils/member'
import { routes } from '../../utils/routes'
import { go } from './go'

/**
 * 扫码签到 from "我的": scan the lecture's code and open its check-in page with it (the page sends it at
 * once). A printed mini-program code names a page of this app: open that page.
 */
async function scanToCheckIn() {
  const scanned = await scanQr()
  if (!scanned.ok) return
  if (scanned.path) {
    go(`/${scanned.path.replace(/^\//, '')}`)
    return
  }
  const lectureId = lectureIdOfQr(scanned.text)
  if (lectureId) go(routes.checkin(lectureId, scanned.text))
  else
    void Taro.showModal({
      title: '不是签到码',
      content: '这不是党课的签到二维码。请扫描党课现场屏幕上的签到码。',
      showCancel: false,
      confirmText: '知道了',
    })
}

/** Check-in, study hours and the member's own data: what every bound member may open. */
export function CheckinEntries() {
  const entries = [
    ...(canScan() ? [{ title: '扫码签到', run: () => void scanToCheckIn() }] : []),
    { title: '我的学时', run: () => go(routes.hours) },
    { title: '我讲的党课', run: () => go(routes.given) },
    { title: '我的党员码', run: () => go(routes.myCode) },
    { title: '我的数据', run: () => go(routes.myData) },
    { title: '隐私政策', run: () => go(routes.privacy) },
  ]
  return (
    <View className='mine__section'>
      <Text className='mine__section-title'>签到与学时</Text>
      {entries.map((e) => (
        <View key={e.title} className='mine__entry' hoverClass='mine__row--pressed' onClick={e.run}>
          <Text className='mine__entry-text'>{e.title}</Text>
          <Text className='mine__entry-arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}

/** 支部工作: the secretary's pages, for those who manage (nothing for the others). */
export function ManageEntries({ member }: { member: NonNullable<Me['member']> }) {
  const entries = manageEntries(member)
  if (entries.length === 0) return null
  return (
    <View className='mine__section'>
      <Text className='mine__section-title'>支部工作</Text>
      {entries.map((e) => (
        <View key={e.url} className='mine__entry' hoverClass='mine__row--pressed' onClick={() => go(e.url)}>
          <Text className='mine__entry-text'>{e.title}</Text>
          <Text className='mine__entry-arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}
