/**
 * Chinese words for the codes the secretary's pages show. Type-only imports: a page that needs a
 * label does not pull the zod schemas in with it.
 */
import type { ImportReport, SignupStatus } from '../../shared/contract'
import type { CheckinLevel, CheckinMethod, LectureStatus, Role, SpeakerRole } from '../../shared/model'
import { BUCKET_NAMES } from '../../shared/studyHours'

export interface Option<T> {
  value: T
  label: string
  /** One line under the label (what the choice means). */
  description?: string
}

export const LECTURE_STATUS: Record<LectureStatus, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
  finished: '已结束',
}

export const SIGNUP_STATUS: Record<SignupStatus, string> = {
  confirmed: '已报名',
  pending: '待审核',
  waitlisted: '候补',
  declined: '未通过',
  cancelled: '已取消',
}

/** The order in which a roster's counts are read out. */
export const SIGNUP_STATUS_ORDER: SignupStatus[] = ['confirmed', 'pending', 'waitlisted', 'declined', 'cancelled']

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

/** How a member was checked in, as the check-in screen lists it. */
export const CHECKIN_METHOD: Record<CheckinMethod, string> = {
  qr: '扫码',
  typed: '输码',
  manual: '代签',
  memberCode: '党员码',
}

export const CANCEL_POLICY_OPTIONS: Option<'untilDeadline' | 'untilStart'>[] = [
  { value: 'untilDeadline', label: '截止前可取消', description: '报名截止以后，党员不能自己取消报名' },
  { value: 'untilStart', label: '开始前可取消', description: '党课开始以前，党员都可以自己取消报名' },
]

export const HOUR_BUCKET = BUCKET_NAMES

export const ROLE: Record<Role, string> = {
  member: '党员',
  secretary: '支部书记',
  committee: '支部委员',
  admin: '管理员',
  judge: '评审专家',
}

export type ImportResult = ImportReport['rows'][number]['result']

export const IMPORT_RESULT: Record<ImportResult, string> = {
  created: '新增',
  updated: '更新',
  unchanged: '未变',
  error: '错误',
}

export const YES_NO_OPTIONS: Option<boolean>[] = [
  { value: false, label: '否' },
  { value: true, label: '是' },
]
