/**
 * The lecture form as the page holds it (text fields as typed, date and time as picked) and its
 * way to the contract's `lectureInput`. Validation is the contract's own schema, so the form and
 * the server refuse the same things; this file only turns zod's issues into one Chinese line per
 * field.
 */
import { lectureInput, type LectureDetail, type LectureInput } from '../../shared/contract'
import type { CheckinLevel, HourBucket, SpeakerRole } from '../../shared/model'
import { defaultCreditHours } from '../../shared/studyHours'
import type { ThemeCode } from '../../shared/themes'
import { chinaIso, chinaParts, minutesBetween } from '../../shared/chinaTime'

export interface StopForm {
  name: string
  address: string
  lat: string
  lng: string
}

export interface LectureForm {
  title: string
  theme: ThemeCode
  summary: string
  lecturerName: string
  lecturerTitle: string
  /** Kept from a loaded lecture (e.g. made from a member's proposal) while the name is unchanged. */
  lecturerMemberId?: string
  /** Picked from the 师资库 (kept while the name is unchanged, as the member lecturer is). */
  lecturerProfileId?: string
  speakerRole: SpeakerRole
  hostOrgId: string
  coHostOrgIds: string[]
  openToAll: boolean
  address: string
  /** The venue's map point, optional (L2 and L3 check-in use it). */
  venueLat: string
  venueLng: string
  radiusM: number
  stops: StopForm[]
  startDate: string
  startTime: string
  endDate: string
  endTime: string
  deadlineDate: string
  deadlineTime: string
  capacity: string
  approvalRequired: boolean
  cancelPolicy: 'untilDeadline' | 'untilStart'
  /** '' = the default from the duration (src/shared/studyHours.ts). */
  hours: string
  bucket: HourBucket
  checkinLevel: CheckinLevel
  /** Only members with a confirmed sign-up may check in. */
  signupRequired: boolean
  coverFileId?: string
  /** The year's key topic (点题) it answers (components/TopicPicker). */
  topicId?: string
}

/** Field key (zod path joined by dots) → the Chinese line shown under that field. */
export type FieldErrors = Record<string, string>

export const MAX_STOPS = 10

export function emptyStop(): StopForm {
  return { name: '', address: '', lat: '', lng: '' }
}

export function emptyForm(hostOrgId: string): LectureForm {
  return {
    title: '',
    theme: 'standard',
    summary: '',
    lecturerName: '',
    lecturerTitle: '',
    speakerRole: 'secretary',
    hostOrgId,
    coHostOrgIds: [],
    openToAll: false,
    address: '',
    venueLat: '',
    venueLng: '',
    radiusM: 200,
    stops: [],
    startDate: '',
    startTime: '',
    endDate: '',
    endTime: '',
    deadlineDate: '',
    deadlineTime: '',
    capacity: '',
    approvalRequired: false,
    cancelPolicy: 'untilDeadline',
    hours: '',
    bucket: 'collective',
    checkinLevel: 'L1',
    signupRequired: true,
  }
}

const numberText = (n: number | undefined) => (n === undefined ? '' : String(n))

export function formFromDetail(d: LectureDetail): LectureForm {
  const start = chinaParts(d.startAt)
  const end = chinaParts(d.endAt)
  const deadline = chinaParts(d.signupDeadline)
  const minutes = minutesBetween(d.startAt, d.endAt)
  // Hours equal to the default are shown as "default", so that they follow a change of the times.
  const isDefault = minutes !== undefined && d.credit.hours === defaultCreditHours(d.theme, minutes)
  return {
    title: d.title,
    theme: d.theme,
    summary: d.summary,
    lecturerName: d.lecturer.name,
    lecturerTitle: d.lecturer.title ?? '',
    lecturerMemberId: d.lecturer.memberId,
    lecturerProfileId: d.lecturer.profileId,
    speakerRole: d.speakerRole,
    hostOrgId: d.hostOrgId,
    coHostOrgIds: d.coHostOrgIds,
    openToAll: d.openToAll,
    address: d.venue.address,
    venueLat: numberText(d.venue.lat),
    venueLng: numberText(d.venue.lng),
    radiusM: d.venue.radiusM,
    stops: d.venue.stops.map((s) => ({ name: s.name, address: s.address, lat: String(s.lat), lng: String(s.lng) })),
    startDate: start?.date ?? '',
    startTime: start?.time ?? '',
    endDate: end?.date ?? '',
    endTime: end?.time ?? '',
    deadlineDate: deadline?.date ?? '',
    deadlineTime: deadline?.time ?? '',
    capacity: String(d.capacity),
    approvalRequired: d.approvalRequired,
    cancelPolicy: d.cancelPolicy,
    hours: isDefault ? '' : String(d.credit.hours),
    bucket: d.credit.bucket,
    checkinLevel: d.checkinLevel,
    signupRequired: d.signupRequired,
    coverFileId: d.coverFileId,
    topicId: d.topicId,
  }
}

/** A typed number; '' and text that is not a number become NaN, which the schema refuses. */
function requiredNumber(text: string): number {
  const t = text.trim()
  return t === '' ? NaN : Number(t)
}

function optionalNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : requiredNumber(text)
}

export function formToInput(f: LectureForm): LectureInput {
  const lecturerTitle = f.lecturerTitle.trim()
  const hours = f.hours.trim()
  return {
    title: f.title,
    theme: f.theme,
    summary: f.summary,
    lecturer: {
      name: f.lecturerName,
      ...(lecturerTitle ? { title: lecturerTitle } : {}),
      ...(f.lecturerMemberId ? { memberId: f.lecturerMemberId } : {}),
      ...(f.lecturerProfileId ? { profileId: f.lecturerProfileId } : {}),
    },
    speakerRole: f.speakerRole,
    hostOrgId: f.hostOrgId,
    coHostOrgIds: f.coHostOrgIds,
    openToAll: f.openToAll,
    venue: {
      address: f.address,
      lat: optionalNumber(f.venueLat),
      lng: optionalNumber(f.venueLng),
      radiusM: f.radiusM,
      // Stops belong to walking lectures only; another theme keeps them on the form but does not send them.
      stops:
        f.theme === 'walking'
          ? f.stops.map((s) => ({
              name: s.name,
              address: s.address,
              lat: requiredNumber(s.lat),
              lng: requiredNumber(s.lng),
            }))
          : [],
    },
    startAt: chinaIso(f.startDate, f.startTime),
    endAt: chinaIso(f.endDate, f.endTime),
    signupDeadline: chinaIso(f.deadlineDate, f.deadlineTime),
    capacity: requiredNumber(f.capacity),
    approvalRequired: f.approvalRequired,
    cancelPolicy: f.cancelPolicy,
    ...(hours ? { credit: { hours: requiredNumber(hours), bucket: f.bucket } } : {}),
    checkinLevel: f.checkinLevel,
    signupRequired: f.signupRequired,
    ...(f.coverFileId ? { coverFileId: f.coverFileId } : {}),
    ...(f.topicId ? { topicId: f.topicId } : {}),
  }
}

/** The default study hours for the chosen theme and times; undefined until both times are set. */
export function defaultHours(f: LectureForm): number | undefined {
  const minutes = minutesBetween(chinaIso(f.startDate, f.startTime), chinaIso(f.endDate, f.endTime))
  return minutes === undefined ? undefined : defaultCreditHours(f.theme, minutes)
}

/**
 * What to say under a field when zod's own message is a generic one ("无效输入：期望 数字…",
 * "数值过小：期望 string >=1 字符"), which means little to a secretary. Keys are field keys with
 * a stop's index written as `*`.
 */
const FIELD_HINTS: Record<string, string> = {
  title: '标题为2到60个字',
  theme: '请选择主题',
  summary: '简介最多2000个字',
  'lecturer.name': '请填写主讲人，最多20个字',
  'lecturer.title': '职务或称号最多40个字',
  speakerRole: '请选择讲师身份',
  hostOrgId: '请选择主办单位',
  coHostOrgIds: '联办单位最多10个',
  'venue.address': '请填写地点，2到100个字',
  'venue.lat': '纬度是-90到90之间的数字，如 36.6512',
  'venue.lng': '经度是-180到180之间的数字，如 117.1201',
  'venue.stops': '最多10个站点',
  'venue.stops.*.name': '请填写站点名称，最多40个字',
  'venue.stops.*.address': '请填写站点地址，最多100个字',
  'venue.stops.*.lat': '请填写纬度，-90到90之间的数字，如 36.6512',
  'venue.stops.*.lng': '请填写经度，-180到180之间的数字，如 117.1201',
  startAt: '请选择开始的日期和时间',
  endAt: '请选择结束的日期和时间',
  signupDeadline: '请选择报名截止的日期和时间',
  capacity: '请填写人数上限，1到5000之间的整数',
  cancelPolicy: '请选择取消规则',
  'credit.hours': '学时是0到8之间的数字，按0.5递增',
  checkinLevel: '请选择签到方式',
}

/** zod's Chinese locale (src/shared/contract/common.ts) starts its generic messages with these words. */
const GENERIC_MESSAGE = /^(无效|数值过[大小]|出现未知)/

export function fieldKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.')
}

/** `hints`: another form's lines for generic messages (default: the lecture form's). */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  hints: Record<string, string> = FIELD_HINTS,
): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const key = fieldKey(issue.path)
    if (errors[key]) continue // the first problem of a field is enough to fix it
    const hint = hints[key.replace(/\.\d+\./, '.*.')]
    errors[key] = GENERIC_MESSAGE.test(issue.message) ? (hint ?? '请检查这一项') : issue.message
  }
  return errors
}

export type Validation = { ok: true; input: LectureInput } | { ok: false; errors: FieldErrors }

export function validateForm(f: LectureForm): Validation {
  const result = lectureInput.safeParse(formToInput(f))
  return result.success ? { ok: true, input: result.data } : { ok: false, errors: fieldErrors(result.error.issues) }
}
