/**
 * Rules for posting and running lectures, pure so that they can be tested without a database: what a
 * saved lecture stores, when it may be edited, published or cancelled, what a duplicate or an accepted
 * proposal becomes, and the China-time calendar the list filters use. Refusals are thrown as AppError.
 */
import type { z } from 'zod'
import type { lectureInput } from './contract/lecture'
import { AppError } from './errors'
import { isUploadOf } from './files'
import type { LectureDoc, LectureStatus, LngLat, OrgDoc, ProposalDoc, Role, SpeakerRole, VenueGeo } from './model'
import { checkinWindow, distanceM, venuePoints } from './checkinRules'
import { chinaClock, chinaTime } from './chinaTime'
import { defaultCreditHours } from './studyHours'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** The lecture form as the server has it after parsing (defaults filled in). */
export type LectureValues = z.output<typeof lectureInput>

/** Everything of a lecture that the form decides; the rest (counters, status, audit) the server keeps. */
export type LectureFields = Omit<
  LectureDoc,
  | '_id'
  | 'signedUp'
  | 'seatsFree'
  | 'countersAt'
  | 'waiting'
  | 'tickets'
  | 'status'
  | 'cancelReason'
  | 'createdBy'
  | 'createdAt'
  | 'updatedAt'
>

export type NewLecture = Omit<LectureDoc, '_id'>

/** What a lecture stores from the form, with the host's name and ancestors copied from its org. */
export function lectureFields(values: LectureValues, host: Pick<OrgDoc, '_id' | 'name' | 'path'>): LectureFields {
  const startAt = new Date(values.startAt)
  const endAt = new Date(values.endAt)
  const minutes = (endAt.getTime() - startAt.getTime()) / MINUTE
  const { address, lat, lng, radiusM, stops } = values.venue
  const fields: LectureFields = {
    title: values.title,
    theme: values.theme,
    summary: values.summary,
    lecturer: compact({
      name: values.lecturer.name,
      title: values.lecturer.title,
      memberId: values.lecturer.memberId,
      profileId: values.lecturer.profileId,
    }),
    speakerRole: values.speakerRole,
    hostOrgId: host._id,
    hostOrgName: host.name,
    hostPath: host.path,
    coHostOrgIds: values.coHostOrgIds,
    openToAll: values.openToAll,
    venue: withGeo(compact({ address, lat, lng, radiusM, stops })),
    startAt,
    endAt,
    signupDeadline: new Date(values.signupDeadline),
    capacity: values.capacity,
    approvalRequired: values.approvalRequired,
    cancelPolicy: values.cancelPolicy,
    credit: values.credit ?? { hours: defaultCreditHours(values.theme, minutes), bucket: 'collective' },
    checkinLevel: values.checkinLevel,
    signupRequired: values.signupRequired,
  }
  if (values.coverFileId) fields.coverFileId = values.coverFileId
  return fields
}

/** A lecture as first saved: a draft with no sign-ups yet, every seat free. */
export function newLecture(fields: LectureFields, createdBy: string, now: Date): NewLecture {
  return {
    ...fields,
    signedUp: 0,
    seatsFree: fields.capacity,
    waiting: 0,
    tickets: 0,
    status: 'draft',
    createdBy,
    createdAt: now,
    updatedAt: now,
  }
}

/** Co-host ids that are not organisations, explained for the person filling in the form. */
export function missingOrgsProblem(wanted: string[], found: string[]): string | undefined {
  const known = new Set(found)
  const missing = wanted.filter((id) => !known.has(id))
  return missing.length ? `联办单位不存在：${missing.join('、')}` : undefined
}

/** Only drafts and published lectures can be changed; a cancelled or finished one is history. */
export function assertEditable(status: LectureStatus): void {
  if (status === 'cancelled') throw new AppError('INVALID_STATE', '已取消的党课不能修改')
  if (status === 'finished') throw new AppError('INVALID_STATE', '已结束的党课不能修改')
}

/** Seats already given cannot be taken back by lowering the capacity. */
export function assertCapacityFits(capacity: number, signedUp: number): void {
  if (capacity < signedUp) {
    throw new AppError('INVALID_INPUT', `人数上限不能少于已报名的${signedUp}人`)
  }
}

/**
 * What decides a published lecture's study hours: its times, its hours and bucket, how members check in, who
 * lectures (the lecturing credit) and who may attend (whom a secretary may check in by hand).
 */
type HoursDeciding = Pick<
  LectureDoc,
  | 'startAt'
  | 'endAt'
  | 'credit'
  | 'checkinLevel'
  | 'lecturer'
  | 'hostOrgId'
  | 'coHostOrgIds'
  | 'openToAll'
  | 'signupRequired'
>

/** The part of HoursDeciding besides the times, comparable as text. */
const creditTerms = (l: HoursDeciding) =>
  JSON.stringify([
    l.credit.hours,
    l.credit.bucket,
    l.checkinLevel,
    l.lecturer.memberId ?? null,
    l.hostOrgId,
    [...l.coHostOrgIds].sort(),
    l.openToAll,
    l.signupRequired,
  ])

/**
 * A published lecture is a promise of hours: its times never move into the past (a lecture "held" last
 * year that never happened), and once its check-in window opened, none of what decides its hours changes
 * (members were checked in on them; a lecturer swapped or the audience widened afterwards would credit anew). A draft is free: publishing checks its times.
 * The server applies this with the lecture as stored and writes on condition that it is still so.
 */
export function assertScheduleChange(
  stored: Pick<LectureDoc, 'status'> & HoursDeciding,
  next: HoursDeciding,
  now: Date,
): void {
  if (stored.status !== 'published') return
  const timesMoved =
    stored.startAt.getTime() !== next.startAt.getTime() || stored.endAt.getTime() !== next.endAt.getTime()
  const changed = timesMoved || creditTerms(stored) !== creditTerms(next)
  if (changed && now.getTime() >= checkinWindow(stored).opensAt.getTime()) {
    throw new AppError('INVALID_STATE', '签到已经开始，党课的时间、学时、签到方式、主讲人和开放范围不能再修改')
  }
  if (timesMoved && next.startAt.getTime() <= now.getTime()) {
    throw new AppError('INVALID_INPUT', '已发布的党课，开始时间不能改到现在以前')
  }
}

/** A draft may be published while members can still sign up for it. */
export function assertPublishable(
  lecture: Pick<LectureDoc, 'status' | 'startAt' | 'signupDeadline' | 'theme' | 'venue'>,
  now: Date,
): void {
  if (lecture.status !== 'draft') throw new AppError('INVALID_STATE', '只有草稿可以发布')
  if (lecture.startAt <= now) throw new AppError('INVALID_STATE', '开始时间已过，请修改时间后再发布')
  if (lecture.signupDeadline <= now) throw new AppError('INVALID_STATE', '报名截止时间已过，请修改后再发布')
  if (lecture.theme === 'walking' && lecture.venue.stops.length < 2) {
    throw new AppError('INVALID_STATE', '行走党课至少要有两个站点，请编辑后再发布')
  }
}

/** A published lecture may be cancelled until it ends. */
export function assertCancellable(lecture: Pick<LectureDoc, 'status' | 'endAt'>, now: Date): void {
  if (lecture.status !== 'published') throw new AppError('INVALID_STATE', '只有已发布的党课可以取消')
  if (lecture.endAt <= now) throw new AppError('INVALID_STATE', '党课已经结束，不能取消')
}

/** Where a lecture shows on a secretary's "my lectures" page. */
export function managedScopeOf(
  lecture: Pick<LectureDoc, 'status' | 'endAt'>,
  now: Date,
): 'drafts' | 'upcoming' | 'past' {
  if (lecture.status === 'draft') return 'drafts'
  return lecture.status === 'published' && lecture.endAt > now ? 'upcoming' : 'past'
}

/**
 * A new draft with the same content. A lecture that has already started moves to the same weekday and
 * time of next week (China time); a future one keeps its dates. Sign-ups are not copied.
 */
export function duplicateLecture(original: LectureDoc, createdBy: string, now: Date): NewLecture {
  const shift =
    original.startAt <= now ? sameTimeNextWeek(original.startAt, now).getTime() - original.startAt.getTime() : 0
  const moved = (d: Date) => new Date(d.getTime() + shift)
  const fields: LectureFields = {
    title: original.title,
    theme: original.theme,
    summary: original.summary,
    lecturer: { ...original.lecturer },
    speakerRole: original.speakerRole,
    hostOrgId: original.hostOrgId,
    hostOrgName: original.hostOrgName,
    hostPath: [...original.hostPath],
    coHostOrgIds: [...original.coHostOrgIds],
    openToAll: original.openToAll,
    venue: withGeo({ ...original.venue, stops: original.venue.stops.map((s) => ({ ...s })) }),
    startAt: moved(original.startAt),
    endAt: moved(original.endAt),
    signupDeadline: moved(original.signupDeadline),
    capacity: original.capacity,
    approvalRequired: original.approvalRequired,
    cancelPolicy: original.cancelPolicy,
    credit: { ...original.credit },
    checkinLevel: original.checkinLevel,
    signupRequired: original.signupRequired,
  }
  if (original.coverFileId && isUploadOf('cover', original.coverFileId)) fields.coverFileId = original.coverFileId
  return newLecture(fields, createdBy, now)
}

/** The weekday and China time of day of `at`, in the China week after the one `now` is in. */
export function sameTimeNextWeek(at: Date, now: Date): Date {
  const intoWeek = at.getTime() - chinaWeek(at).start.getTime()
  return new Date(chinaWeek(now).end.getTime() + intoWeek)
}

/** The China-time week (Monday 00:00 to the next Monday 00:00) that `now` is in. */
export function chinaWeek(now: Date): { start: Date; end: Date } {
  const sinceMonday = (chinaClock(now).getUTCDay() + 6) % 7
  const start = chinaTime(now, -sinceMonday, 0, 0).getTime()
  return { start: new Date(start), end: new Date(start + 7 * DAY) }
}

/** How a member lectures, from their roles (the highest office counts). */
export function speakerRoleOf(roles: Role[]): SpeakerRole {
  if (roles.includes('secretary')) return 'secretary'
  if (roles.includes('committee')) return 'committee'
  return 'member'
}

/** Placeholders the secretary edits before publishing an accepted proposal. */
export const PROPOSAL_DRAFT = { address: '地点待定', capacity: 30, minutes: 60 } as const

/**
 * The draft lecture an accepted proposal becomes: the member lectures at their own branch; the time is a
 * placeholder (a week from now, 14:30 to 15:30 China time), as are the place and the capacity.
 */
export function lectureFromProposal(
  proposal: Pick<ProposalDoc, 'memberId' | 'memberName' | 'theme' | 'title' | 'outline'>,
  branch: Pick<OrgDoc, '_id' | 'name' | 'path'>,
  lecturerRoles: Role[],
  decidedBy: string,
  now: Date,
): NewLecture {
  const startAt = chinaTime(now, 7, 14, 30)
  const endAt = new Date(startAt.getTime() + PROPOSAL_DRAFT.minutes * MINUTE)
  const fields: LectureFields = {
    title: proposal.title,
    theme: proposal.theme,
    summary: proposal.outline,
    lecturer: { name: proposal.memberName, memberId: proposal.memberId },
    speakerRole: speakerRoleOf(lecturerRoles),
    hostOrgId: branch._id,
    hostOrgName: branch.name,
    hostPath: branch.path,
    coHostOrgIds: [],
    openToAll: false,
    venue: { address: PROPOSAL_DRAFT.address, radiusM: 200, stops: [] },
    startAt,
    endAt,
    signupDeadline: new Date(startAt.getTime() - 2 * HOUR),
    capacity: PROPOSAL_DRAFT.capacity,
    approvalRequired: false,
    cancelPolicy: 'untilDeadline',
    credit: { hours: defaultCreditHours(proposal.theme, PROPOSAL_DRAFT.minutes), bucket: 'collective' },
    checkinLevel: 'L1',
    signupRequired: true,
  }
  return newLecture(fields, decidedBy, now)
}

type Venue = LectureDoc['venue']

/**
 * The venue's points as GeoJSON for 附近的党课: the points check-in measures to (checkinRules.venuePoints: a
 * walking lecture's stops, and the venue's own point), one a Point, several a MultiPoint; none, no geo.
 */
export function venueGeo(venue: Venue): VenueGeo | undefined {
  const seen = new Set<string>()
  const points: LngLat[] = []
  for (const p of venuePoints(venue)) {
    if (seen.has(`${p.lng},${p.lat}`)) continue // a walking lecture's meeting point is often its first stop
    seen.add(`${p.lng},${p.lat}`)
    points.push([p.lng, p.lat])
  }
  if (points.length === 0) return undefined
  return points.length === 1 ? { type: 'Point', coordinates: points[0] } : { type: 'MultiPoint', coordinates: points }
}

/** The venue with its geo derived again from its coordinates (a geo read back or left over is dropped). */
export function withGeo(venue: Venue): Venue {
  const { geo: _stale, ...rest } = venue
  const geo = venueGeo(rest)
  return geo ? { ...rest, geo } : rest
}

/**
 * The stop of a walking lecture nearest to `at`, named, unless the venue's own point is nearer still (then
 * the distance the database measured is to that point, which is not a stop).
 */
export function nearestStop(venue: Venue, at: { lat: number; lng: number }): string | undefined {
  let best: { name: string; m: number } | undefined
  for (const stop of venue.stops) {
    const m = distanceM(stop, at)
    if (!best || m < best.m) best = { name: stop.name, m }
  }
  const own =
    venue.lat !== undefined && venue.lng !== undefined ? distanceM({ lat: venue.lat, lng: venue.lng }, at) : Infinity
  return best && best.m <= own ? best.name : undefined
}

/** Text searched as it is typed: regular-expression characters lose their meaning. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

/** Drops undefined fields (the database would store them as null). */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}
