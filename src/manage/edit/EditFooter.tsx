import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ActionButton, Notice } from '../components'
import type { LectureFormState } from './useLectureForm'

/** The outcome of the last save, and the save buttons (none for a cancelled or finished lecture). */
export default function EditFooter({ lecture, closed }: { lecture: LectureFormState; closed: boolean }) {
  const { outcome, status, saving, save } = lecture
  const busy = saving !== undefined
  return (
    <View className='manage-edit__footer'>
      {outcome && (
        <Notice {...outcome}>
          {outcome.tone === 'success' && status === 'published' && (
            <ActionButton size='small' variant='plain' onClick={() => void Taro.navigateBack()}>
              返回我的党课
            </ActionButton>
          )}
        </Notice>
      )}
      {!closed && (
        <View className='manage-edit__buttons'>
          {status === 'published' ? (
            <ActionButton block busy={busy} onClick={() => void save(false)}>
              {saving ? '正在保存…' : '保存修改'}
            </ActionButton>
          ) : (
            <>
              <ActionButton
                variant='plain'
                className='manage-edit__button'
                busy={busy}
                onClick={() => void save(false)}
              >
                {saving === 'draft' ? '正在保存…' : '保存草稿'}
              </ActionButton>
              <ActionButton className='manage-edit__button' busy={busy} onClick={() => void save(true)}>
                {saving === 'publish' ? '正在发布…' : '保存并发布'}
              </ActionButton>
            </>
          )}
        </View>
      )}
    </View>
  )
}
