/** lecture: browse (members) and manage (secretaries, administrators). */
import * as z from 'zod'
import type { CheckinLevel, HourBucket, LectureStatus, SpeakerRole } from '../model'
import { THEME_CODES, type ThemeCode } from '../themes'
import type { MyCheckin } from './checkin'
import { id, isoDate, lectureCursor, pageSize, procedure, uploadedFileId } from './common'
import { location } from './location'

export const SPEAKER_ROLES = ['secretary', 'committee', 'member', 'expert', 'model'] as const
export const HOUR_BUCKETS = ['training', 'collective', 'lecturing', 'online'] as const
export const CHECKIN_LEVELS = ['L0', 'L1', 'L2', 'L3'] as const
export const CANCEL_POLICIES = ['untilDeadline', 'untilStart'] as const

const stop = z.object({
  name: z.string().trim().min(1).max(40),
  address: z.string().trim().min(1).max(100),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
})

/** What a secretary fills in to post a lecture: validated in the form and again on the server. */
export const lectureInput = z
  .object({
    title: z.string().trim().min(2, '标题至少2个字').max(60, '标题最多60个字'),
    theme: z.enum(THEME_CODES),
    summary: z.string().trim().max(2000).default(''),
    lecturer: z.object({
      name: z.string().trim().min(1, '请填写主讲人').max(20),
      title: z.string().trim().max(40).optional(),
      memberId: id.optional(),
      /** Picked from the 师资库: lecture.save checks the profile is still in the pool (LECTURER_REMOVED). */
      profileId: id.optional(),
    }),
    speakerRole: z.enum(SPEAKER_ROLES),
    hostOrgId: id,
    coHostOrgIds: z.array(id).max(10).default([]),
    openToAll: z.boolean().default(false),
    venue: z.object({
      address: z.string().trim().min(2, '请填写地点').max(100),
      lat: z.number().min(-90).max(90).optional(),
      lng: z.number().min(-180).max(180).optional(),
      radiusM: z.number().int().min(50).max(3000).default(200),
      stops: z.array(stop).max(10).default([]),
    }),
    startAt: isoDate,
    endAt: isoDate,
    signupDeadline: isoDate,
    capacity: z.number().int().min(1, '人数至少为1').max(5000),
    approvalRequired: z.boolean().default(false),
    cancelPolicy: z.enum(CANCEL_POLICIES).default('untilDeadline'),
    /** Absent: the default from the duration (src/shared/studyHours.ts). */
    credit: z
      .object({
        hours: z
          .number()
          .min(0)
          .max(8)
          .refine((h) => Number.isInteger(h * 2), '学时须为0.5的整数倍'),
        bucket: z.enum(HOUR_BUCKETS),
      })
      .optional(),
    checkinLevel: z.enum(CHECKIN_LEVELS).default('L1'),
    /** Check-in only for members with a confirmed sign-up. */
    signupRequired: z.boolean().default(true),
    /** A picture uploaded as a cover (lecture.checkCover checked its bytes; save checks them again). */
    coverFileId: uploadedFileId('cover').optional(),
    /** One of the year's key topics (点题) the lecture answers: published, of its year, in its host's scope. */
    topicId: id.optional(),
  })
  .refine((l) => Date.parse(l.endAt) > Date.parse(l.startAt), { message: '结束时间须晚于开始时间', path: ['endAt'] })
  .refine((l) => Date.parse(l.signupDeadline) <= Date.parse(l.startAt), {
    message: '报名截止须不晚于开始时间',
    path: ['signupDeadline'],
  })
  .refine((l) => l.theme !== 'walking' || l.venue.stops.length >= 2, {
    message: '行走党课至少要有两个站点',
    path: ['venue', 'stops'],
  })
  .refine(
    (l) =>
      l.checkinLevel === 'L0' ||
      l.checkinLevel === 'L1' ||
      l.theme === 'walking' ||
      (l.venue.lat !== undefined && l.venue.lng !== undefined),
    { message: '定位签到须填写地点的经纬度', path: ['venue', 'lat'] },
  )
  .refine((l) => !l.coHostOrgIds.includes(l.hostOrgId), { message: '联办单位不能是主办单位', path: ['coHostOrgIds'] })

export type LectureInput = z.input<typeof lectureInput>

export const LIST_FILTERS = ['upcoming', 'thisWeek', 'myBranch', 'openToAll'] as const

export interface LectureSummary {
  id: string
  title: string
  theme: ThemeCode
  lecturerName: string
  hostOrgName: string
  /** ISO 8601 */
  startAt: string
  endAt: string
  address: string
  capacity: number
  seatsLeft: number
  hours: number
  status: LectureStatus
}

export interface LectureList {
  items: LectureSummary[]
  /** Pass as `after` to load the next page; absent on the last page. */
  next?: { startAt: string; id: string }
}

/** A lecture of 附近的党课: how far its venue is (a walking lecture: its nearest stop, named). */
export interface NearbyLecture extends LectureSummary {
  /** Metres, as the database measured them (great circle). */
  distanceM: number
  /** A walking lecture's stop nearest to the member, when that stop is what `distanceM` measures to. */
  nearestStop?: string
}

export type SignupStatus = 'confirmed' | 'waitlisted' | 'pending' | 'declined' | 'cancelled'

export interface LectureDetail extends LectureSummary {
  summary: string
  lecturer: { name: string; title?: string; memberId?: string; profileId?: string }
  speakerRole: SpeakerRole
  hostOrgId: string
  coHostOrgIds: string[]
  openToAll: boolean
  venue: { address: string; lat?: number; lng?: number; radiusM: number; stops: z.infer<typeof stop>[] }
  signupDeadline: string
  approvalRequired: boolean
  cancelPolicy: (typeof CANCEL_POLICIES)[number]
  credit: { hours: number; bucket: HourBucket }
  checkinLevel: CheckinLevel
  signupRequired: boolean
  /** The stored cover (for the edit form); `coverUrl` is a temporary URL to show it. */
  coverFileId?: string
  coverUrl?: string
  /** The key topic (点题) it answers: its page is member/topic. */
  topicId?: string
  topicTitle?: string
  cancelReason?: string
  waiting: number
  /** The caller's own sign-up, if any; `position` is their place on the waitlist (1 = next). */
  mySignup?: { status: SignupStatus; position?: number; reason?: string }
  /** The caller's own check-in (once check-in has opened): in, out, or held for the secretary (待确认). */
  myCheckin?: MyCheckin
  /**
   * Rating (评价), for a caller who attended (check-in credited) once the lecture has ended: whether they
   * rated, and whether and until when the window is open (issue 8).
   */
  myRating?: { rated: boolean; open: boolean; closesAt: string }
  /** The caller may edit, publish, cancel and see the roster. */
  canManage: boolean
}

export const lectureProcedures = {
  list: procedure<LectureList>()(
    z.object({
      theme: z.enum(THEME_CODES).optional(),
      filter: z.enum(LIST_FILTERS).default('upcoming'),
      /**
       * Title or lecturer contains this text. No control characters: the search travels as a BSON regex,
       * which cannot hold a NUL (the SDK throws before sending), and none is typed by a person anyway.
       */
      q: z
        .string()
        .trim()
        .max(30)
        .regex(/^[^\u0000-\u001f\u007f]*$/, '搜索内容含有无法识别的字符') // eslint-disable-line no-control-regex
        .optional(),
      after: lectureCursor.optional(),
      pageSize,
    }),
  ),
  /**
   * 附近的党课: what `list` shows (published, not ended, visible to the caller), nearest first, up to `limit`;
   * lectures whose venue has no coordinates are not among them. The place is used for this query only.
   */
  nearby: procedure<{ items: NearbyLecture[] }>()(
    z.object({ lat: location.shape.lat, lng: location.shape.lng, limit: pageSize }),
  ),
  detail: procedure<LectureDetail>()(z.object({ id })),
  /** A secretary's or administrator's lectures of the nodes they manage. */
  managed: procedure<{ items: LectureSummary[] }>()(
    z.object({ scope: z.enum(['drafts', 'upcoming', 'past']), orgId: id.optional() }),
  ),
  /** Create (no id) or edit a draft or published lecture. */
  save: procedure<{ id: string }>()(z.object({ id: id.optional(), lecture: lectureInput })),
  publish: procedure<{ id: string }>()(z.object({ id })),
  cancel: procedure<{ id: string; notified: number }>()(
    z.object({ id, reason: z.string().trim().min(2, '请填写取消原因').max(200) }),
  ),
  duplicate: procedure<{ id: string }>()(z.object({ id })),
  /**
   * A picture the page uploaded under covers/ (phone → storage → file id): checked to be a JPEG or PNG of
   * at most 2 MB and answered with a URL to show it; `save` then takes its fileId. Strict: file bytes
   * never travel in a payload.
   */
  checkCover: procedure<{ fileId: string; url: string }>()(z.strictObject({ fileId: uploadedFileId('cover') })),
}
