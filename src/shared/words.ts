/**
 * The one word list: the Chinese a member or a secretary reads for each state and code (sign-ups,
 * check-ins, lectures, proposals, roles, study hours, roster imports), on pages, in exports and in
 * messages. Type-only imports: a page that needs a word does not pull the zod schemas in with it.
 */
import type { AttendanceState, ImportReport, ProposalStatus } from './contract'
import type {
  CheckinLevel,
  CheckinMethod,
  HourBucket,
  HourSource,
  LectureStatus,
  OrgKind,
  Role,
  SignupState,
  TopicDoc,
  TransferDoc,
} from './model'

export const LECTURE_STATUS: Record<LectureStatus, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
  finished: '已结束',
}

export const SIGNUP_STATUS: Record<SignupState, string> = {
  confirmed: '已报名',
  pending: '待审核',
  waitlisted: '候补',
  declined: '未通过',
  cancelled: '已取消',
}

/** The order in which a roster's counts are read out. */
export const SIGNUP_STATUS_ORDER: SignupState[] = ['confirmed', 'pending', 'waitlisted', 'declined', 'cancelled']

/** "候补第2位": a place on the waitlist (1 = next). */
export const waitlistPlace = (position: number) => `${SIGNUP_STATUS.waitlisted}第${position}位`

/** A member's attendance: `pending` is an offline scan the secretary has not confirmed yet. */
export const CHECKIN_STATE: Record<AttendanceState, string> = {
  in: '已签到',
  out: '已签退',
  pending: '待确认',
  refused: '不予确认',
  undone: '已撤销',
  none: '未签到',
}

/** How a member was checked in, as the check-in screen lists it. */
export const CHECKIN_METHOD: Record<CheckinMethod, string> = {
  qr: '扫码',
  typed: '输码',
  manual: '代签',
  memberCode: '党员码',
}

/** What the member must do at each level (domain.md "Check-in"). */
export const LEVEL_WORDS: Record<CheckinLevel, string> = {
  L0: '在签到时间内点“签到”即可',
  L1: '扫描现场屏幕上的二维码，或输入二维码下方的6位数字',
  L2: '扫码签到，并且要在党课地点附近（需要获取您的位置）',
  L3: '扫码签到，离开时再扫码签退，按实际参加的时长计学时（需要获取您的位置）',
}

/** A proposal in the secretary's list. */
export const PROPOSAL_STATUS: Record<ProposalStatus, string> = {
  pending: '待处理',
  accepted: '已采纳',
  declined: '未采纳',
}

/** A key topic's (点题) state on the lists. */
export const TOPIC_STATUS: Record<TopicDoc['status'], string> = {
  draft: '草稿',
  published: '已发布',
  withdrawn: '已撤回',
}

/** A pending proposal as the member who made it reads it: whom they wait for. */
export const PROPOSAL_PENDING_FOR_MEMBER = '等待书记审核'

/** Roles in a list of members (the secretary's pages). */
export const ROLE: Record<Role, string> = {
  member: '党员',
  secretary: '支部书记',
  committee: '支部委员',
  admin: '管理员',
  judge: '评审专家',
}

/** A member's own roles on "我的", where an administrator is told which office they administer for. */
export const OWN_ROLE: Record<Role, string> = { ...ROLE, admin: '组织管理员' }

/** The study-hour buckets of domain.md. */
export const HOUR_BUCKET: Record<HourBucket, string> = {
  training: '集中培训',
  collective: '集体学习',
  lecturing: '讲授',
  online: '线上学习',
}

/** Where a ledger entry's hours came from. */
export const HOUR_SOURCE: Record<HourSource, string> = {
  attendance: '参加党课',
  lecturing: '讲授党课',
  adjustment: '补录调整',
  reversal: '撤销签到',
}

type ImportResult = ImportReport['rows'][number]['result']

/** One row of a roster import. */
export const IMPORT_RESULT: Record<ImportResult, string> = {
  created: '新增',
  updated: '更新',
  unchanged: '未变',
  error: '错误',
}

/** A node's kind as the organisation tree and its Excel file name it (the file also accepts 街道/镇 and 区/县). */
export const ORG_KIND: Record<OrgKind, string> = {
  city: '市',
  district: '区县',
  committee: '工委',
  street: '街道（镇）',
  partyCommittee: '党委',
  branch: '支部',
}

/** A transfer (组织关系转接) as both branches read it. */
export const TRANSFER_STATUS: Record<TransferDoc['status'], string> = {
  pending: '等待接收',
  accepted: '已接收',
  declined: '未接收',
  withdrawn: '已撤回',
}

/** The four things a member rates (评党课), in the order the page asks them. */
export const RATING_CRITERION: Record<'overall' | 'content' | 'delivery' | 'gain', string> = {
  overall: '总体评价',
  content: '内容',
  delivery: '讲授',
  gain: '收获',
}

/** Under each criterion but the overall one, what it asks in plain words. */
export const RATING_QUESTION: Record<'content' | 'delivery' | 'gain', string> = {
  content: '内容好不好',
  delivery: '讲得清楚不清楚',
  gain: '您有没有收获',
}

/** A score in words, under its number (1–5). */
export const SCORE_WORDS = ['', '很差', '较差', '一般', '较好', '很好'] as const
