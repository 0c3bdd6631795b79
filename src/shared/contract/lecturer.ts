/** lecturer: the lecturer pool: profiles, added and removed by administrators, edited by their member, searched; invitations to lecture */
import * as z from 'zod'
import { LECTURER_LIMITS as L } from '../lecturerRules'
import type { InvitationDoc, LecturerDoc } from '../model'
import type { RatingAverages } from '../ratingRules'
import { THEME_CODES } from '../themes'
import { id, pageSize, procedure, uploadedFileId } from './common'

/** A name search: no control characters (the text travels as a BSON regex, see lecture.list's `q`). */
const searchText = z
  .string()
  .trim()
  .max(20)
  .regex(/^[^\u0000-\u001f\u007f]*$/, '搜索内容含有无法识别的字符') // eslint-disable-line no-control-regex
const reason = z.string().trim().min(2, '请填写原因').max(L.reason)

/** What the bound member edits of their own profile (and administrators with the rest). */
const specialties = {
  intro: z.string().trim().max(L.intro, `介绍最多${L.intro}个字`).default(''),
  themes: z.array(z.enum(THEME_CODES)).max(THEME_CODES.length).default([]),
  topicIds: z.array(id).max(L.topics).default([]),
}
/** Everything an administrator fills in; a bound member's name and node come from the roster. */
const profileFields = {
  unit: z.string().trim().max(L.unit).default(''),
  title: z.string().trim().max(L.title).default(''),
  photoFileId: uploadedFileId('lecturerPhoto').optional(),
  ...specialties,
}
/** Outsiders lecture as an expert, a model worker, or an old member no longer on a branch's roll ('member'). */
export const OUTSIDER_ROLES = ['expert', 'model', 'member'] as const
const outsider = {
  name: z.string().trim().min(1, '请填写姓名').max(L.name),
  speakerRole: z.enum(OUTSIDER_ROLES),
  /** The node the outsider is kept under: the administrator's own or one below it. */
  orgId: id,
}

export const LECTURER_SORTS = ['rating', 'given'] as const

export interface LecturerSummary extends Pick<
  LecturerDoc,
  'name' | 'unit' | 'title' | 'speakerRole' | 'memberId' | 'themes' | 'topicIds' | 'orgId' | 'districtId' | 'status'
> {
  id: string
  /** Lectures given (held, hosted anywhere) with this profile named. */
  given: number
  ratingCount: number
  /** Undefined under 3 ratings: the page says 评价人数不足. */
  rating?: RatingAverages
  /** The caller manages this profile (edit, remove). */
  canManage: boolean
  /** The lecturer is of another node than the caller's: put on a lecture by invitation. */
  needsInvitation: boolean
}

export interface LecturerProfile extends LecturerSummary {
  intro: string
  photoUrl?: string
  photoFileId?: string
  /** Shown to those who manage it. */
  removedReason?: string
  /** The caller is the bound member: 编辑我的介绍. */
  isMine: boolean
  /** The caller manages some node's lectures and this active lecturer is of another node: 邀请讲课. */
  canInvite: boolean
  lectures: {
    id: string
    title: string
    startAt: string
    hostOrgName: string
    ratingCount: number
    rating?: RatingAverages
  }[]
  /** 获奖: the selection campaign (issue 9) fills it; none yet. */
  awards: { title: string; year: number }[]
}

export type InvitationView = Omit<InvitationDoc, '_id' | 'lectureStartAt' | 'createdAt' | 'decidedAt' | 'by'> & {
  id: string
  lectureStartAt: string
  createdAt: string
  decidedAt?: string
}

export const lecturerProcedures = {
  search: procedure<{ items: LecturerSummary[]; total: number }>()(
    z.object({
      q: searchText.optional(),
      theme: z.enum(THEME_CODES).optional(),
      topicId: id.optional(),
      districtId: id.optional(),
      sort: z.enum(LECTURER_SORTS).default('rating'),
      /** Offset paging: the pool is searched whole (see search.ts), so a page is a slice. */
      offset: z.number().int().min(0).max(1000).default(0),
      pageSize,
    }),
  ),
  profile: procedure<LecturerProfile>()(z.object({ id })),
  /** 入库: a bound member (their roster's name and branch) or an outsider. */
  add: procedure<{ id: string }>()(
    z.union([z.strictObject({ memberId: id, ...profileFields }), z.strictObject({ ...outsider, ...profileFields })]),
  ),
  /** An administrator edits every field (a bound member's name follows the roster). */
  edit: procedure<{ id: string }>()(
    z.strictObject({
      id,
      name: outsider.name.optional(),
      speakerRole: outsider.speakerRole.optional(),
      ...profileFields,
    }),
  ),
  /** The bound member edits their own introduction and specialties. */
  editMine: procedure<{ id: string }>()(z.strictObject(specialties)),
  remove: procedure<{ id: string }>()(z.strictObject({ id, reason })),
  /** A photo the page uploaded under lecturer-photos/: checked to be a JPEG or PNG of at most 2 MB. */
  checkPhoto: procedure<{ fileId: string; url: string }>()(z.strictObject({ fileId: uploadedFileId('lecturerPhoto') })),
  invite: procedure<InvitationView>()(z.strictObject({ lectureId: id, lecturerId: id })),
  /** The bound lecturer answers their own invitation. */
  answer: procedure<InvitationView>()(
    z.discriminatedUnion('decision', [
      z.strictObject({ id, decision: z.literal('accept') }),
      z.strictObject({ id, decision: z.literal('decline'), reason }),
    ]),
  ),
  /** The inviting side records an outsider's answer, or withdraws an invitation. */
  record: procedure<InvitationView>()(
    z.discriminatedUnion('decision', [
      z.strictObject({ id, decision: z.literal('accept') }),
      z.strictObject({ id, decision: z.literal('decline'), reason }),
      z.strictObject({ id, decision: z.literal('withdraw') }),
    ]),
  ),
  /** `mine`: the caller's invitations (pending first); `sent`: those a node sent, newest first. */
  invitations: procedure<{ items: InvitationView[] }>()(
    z.discriminatedUnion('box', [
      z.strictObject({ box: z.literal('mine') }),
      z.strictObject({ box: z.literal('sent'), orgId: id }),
    ]),
  ),
}
