import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../api/client'
import type { LecturerSummary } from '../../shared/contract'
import { ActionButton, Notice, refusalNotice, type NoticeMessage } from '../components'

/**
 * A pool lecturer of another node is put on a lecture by invitation (lecturer.invite): once the lecture is
 * saved, 发出邀请 sends it; a bound lecturer answers on their 我的, an outsider's answer the secretary records.
 */
export default function PoolInvite({ lecturer, lectureId }: { lecturer: LecturerSummary; lectureId?: string }) {
  const [sent, setSent] = useState<NoticeMessage>()
  const [busy, setBusy] = useState(false)
  const invite = async () => {
    if (!lectureId || busy) return
    setBusy(true)
    const reply = await call('lecturer', 'invite', { lectureId, lecturerId: lecturer.id })
    setBusy(false)
    const answer = lecturer.memberId ? '对方会在“我的”里答复' : '请联系对方后在邀请记录里登记答复'
    setSent(
      reply.ok
        ? { tone: 'success', text: `已邀请${lecturer.name}，${answer}` }
        : refusalNotice(reply, '没有发出邀请：'),
    )
  }
  return (
    <View className='manage-edit__invite'>
      <Text className='manage-edit__invite-text'>
        {`${lecturer.name}不是您所管理组织的主讲人，需要发出讲课邀请。${lectureId ? '' : '请先保存草稿，再发出邀请。'}`}
      </Text>
      {lectureId && !sent && (
        <ActionButton size='small' busy={busy} onClick={() => void invite()}>
          发出讲课邀请
        </ActionButton>
      )}
      {sent && <Notice tone={sent.tone} text={sent.text} detail={sent.detail} />}
    </View>
  )
}
