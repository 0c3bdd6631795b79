import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../api/client'
import type { LectureDetail, SignupStatus } from '../../shared/contract'
import type { Refusal } from '../../shared/errors'
import { signUpResultText } from '../../utils/signup'

/** What cancelling gives up, said before the member confirms. */
const CANCEL_WARNING: Partial<Record<SignupStatus, string>> = {
  confirmed: '取消后，您的座位会让给候补的党员。',
  waitlisted: '取消后，您将不再排队候补。',
  pending: '取消后，支部将不再审核您的报名。',
}

type SignupKind = 'signUp' | 'waitlist' | 'cancel'

/**
 * Signing up, joining the waitlist, cancelling (after the member confirms); then `reload` shows the lecture
 * as the server now has it. `refusal` is the last action's, shown above the button until the next action.
 */
export function useSignupAction(reload: () => Promise<unknown>) {
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<Refusal>()

  const act = async (kind: SignupKind, lecture: LectureDetail) => {
    if (busy) return
    if (kind === 'cancel') {
      const status = lecture.mySignup?.status
      const answer = await Taro.showModal({
        title: '取消报名',
        content: `确定要取消报名吗？${(status && CANCEL_WARNING[status]) ?? ''}`,
        confirmText: '取消报名',
        cancelText: '不取消',
        confirmColor: '#C40000',
      })
      if (!answer.confirm) return
    }
    setBusy(true)
    setRefusal(undefined)
    const reply =
      kind === 'cancel'
        ? await call('signup', 'cancel', { lectureId: lecture.id })
        : await call('signup', 'signUp', { lectureId: lecture.id })
    if (reply.ok) {
      void Taro.showToast({ title: kind === 'cancel' ? '已取消报名' : signUpResultText(reply.data), icon: 'none' })
    } else {
      setRefusal(reply)
    }
    // Seats, waitlist and the member's state as the server now has them (also after a refusal:
    // "报名已截止" or a full lecture means the page was out of date).
    await reload()
    setBusy(false)
  }

  return { act, busy, refusal }
}
