/**
 * The choices of the secretary's forms, with what each means. The words for states and codes are in
 * src/shared/words.ts. Type-only imports: no schema comes along.
 */
import type { CheckinLevel, SpeakerRole } from '../../shared/model'

export interface Option<T> {
  value: T
  label: string
  /** One line under the label (what the choice means). */
  description?: string
}

export const SPEAKER_ROLE_OPTIONS: Option<SpeakerRole>[] = [
  { value: 'secretary', label: '书记' },
  { value: 'committee', label: '委员' },
  { value: 'member', label: '普通党员' },
  { value: 'expert', label: '专家' },
  { value: 'model', label: '先进典型' },
]

export const CHECKIN_LEVEL_OPTIONS: Option<CheckinLevel>[] = [
  { value: 'L0', label: 'L0 按时签到', description: '仅限签到时间：在规定时间内签到即可' },
  { value: 'L1', label: 'L1 扫动态码', description: '在L0基础上加动态二维码：到现场扫码签到' },
  { value: 'L2', label: 'L2 核对位置', description: '在L1基础上加位置范围：须在地点附近签到' },
  { value: 'L3', label: 'L3 签到签退', description: '在L2基础上加签退：按实到时长计学时' },
]

export const CANCEL_POLICY_OPTIONS: Option<'untilDeadline' | 'untilStart'>[] = [
  { value: 'untilDeadline', label: '截止前可取消', description: '报名截止以后，党员不能自己取消报名' },
  { value: 'untilStart', label: '开始前可取消', description: '党课开始以前，党员都可以自己取消报名' },
]

export const YES_NO_OPTIONS: Option<boolean>[] = [
  { value: false, label: '否' },
  { value: true, label: '是' },
]
