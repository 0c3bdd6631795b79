/**
 * What the finished lectures left behind, as the functions would have written it: confirmed sign-ups (and the
 * lecture's counters to match), a check-in record for most of the bound members who came, the attendance
 * credit of each (`att:<lectureId>:<memberId>:1`, in the China year of the check-in), the lecturing credit of
 * lecturers who are members (`lect:<lectureId>:<memberId>`, when the secretary closed the lecture), and some
 * hours of last year, entered by secretaries as adjustments, so that "earlier years" shows something.
 */
import { distanceM } from '../../src/shared/checkinRules'
import { signupId } from '../../src/shared/signupRules'
import { hoursYear } from '../../src/shared/studyHours'
import type { CheckinDoc, LectureDoc, LedgerEntryDoc, MemberDoc, OrgDoc, SignupDoc } from '../../src/shared/model'
import { mulberry32, type Rng } from './prng'

const MINUTE = 60_000
/** Share of those who could come who signed up, and of those signed up who checked in. */
const SIGNUP_SHARE = 0.8
const CHECKIN_SHARE = 0.85
/** A lecture without sign-up (micro lectures): share of those who could see it who checked in. */
const WALK_IN_SHARE = 0.5
const LAST_YEAR_MEMBERS = 30

const LAST_YEAR_REASONS: [string, LedgerEntryDoc['bucket'], number[]][] = [
  ['补录：区委党校党员集中轮训', 'training', [4, 6, 8]],
  ['补录：支部“三会一课”集体学习', 'collective', [2, 3, 4]],
  ['补录：主题党日集中学习', 'collective', [1, 1.5, 2]],
  ['补录：“灯塔在线”网上专题学习', 'online', [2, 4]],
]

export interface History {
  signups: SignupDoc[]
  checkins: CheckinDoc[]
  ledger: LedgerEntryDoc[]
}

/**
 * Fills in the finished lectures of `lectures` (their counters and finishedAt change in place) and answers
 * the documents they left. `bound`: members with a WeChat identity (only they can have scanned a code).
 */
export function buildHistory(
  now: Date,
  lectures: LectureDoc[],
  members: MemberDoc[],
  orgs: OrgDoc[],
  bound: Set<string>,
  /** A branch whose bound members all get hours of last year (the demo's). */
  featuredBranchId: string,
): History {
  const rng = mulberry32(0x5eed0003)
  const paths = new Map(orgs.map((o) => [o._id, new Set([...o.path, o._id])]))
  const out: History = { signups: [], checkins: [], ledger: [] }
  for (const lecture of lectures) {
    if (lecture.status !== 'finished') continue
    // Closed by the secretary (checkin.finish) a little after the end.
    lecture.finishedAt = new Date(Math.min(lecture.endAt.getTime() + rng.int(5, 30) * MINUTE, now.getTime()))
    if (lecture.updatedAt < lecture.finishedAt) lecture.updatedAt = lecture.finishedAt
    // Bound members (sign-up and scanning need a WeChat identity) who could see it through the tree: its
    // host or a co-host is their branch or above it.
    const could = members.filter((m) => {
      const mine = paths.get(m.branchId)!
      const hosts = [lecture.hostOrgId, ...lecture.coHostOrgIds]
      return bound.has(m._id) && m._id !== lecture.lecturer.memberId && hosts.some((id) => mine.has(id))
    })
    let came: MemberDoc[]
    if (lecture.signupRequired) {
      const signedUp = could.filter(() => rng.next() < SIGNUP_SHARE).slice(0, lecture.capacity)
      out.signups.push(...signedUp.map((m, i) => signup(lecture, m, i + 1, rng)))
      lecture.signedUp = lecture.tickets = signedUp.length
      lecture.seatsFree = lecture.capacity - signedUp.length
      came = signedUp.filter(() => rng.next() < CHECKIN_SHARE)
    } else {
      came = could.filter(() => rng.next() < WALK_IN_SHARE)
    }
    for (const m of came) {
      const checkin = checkinOf(lecture, m, rng)
      out.checkins.push(checkin)
      out.ledger.push(credit(`att:${lecture._id}:${m._id}:1`, m._id, lecture, 'attendance', checkin.checkedInAt))
    }
    const lecturer = lecture.lecturer.memberId
    if (lecturer) {
      out.ledger.push(credit(`lect:${lecture._id}:${lecturer}`, lecturer, lecture, 'lecturing', lecture.finishedAt))
    }
  }
  out.ledger.push(...lastYear(now, members, bound, featuredBranchId, rng))
  return out
}

function signup(lecture: LectureDoc, m: MemberDoc, ticket: number, rng: Rng): SignupDoc {
  // Between posting and the deadline, in arrival (ticket) order.
  const from = lecture.createdAt.getTime()
  const span = Math.max(0, lecture.signupDeadline.getTime() - from - MINUTE)
  const at = new Date(from + Math.round(span * Math.min(1, (ticket - rng.next()) / (lecture.capacity + 1))))
  return {
    _id: signupId(lecture._id, m._id),
    lectureId: lecture._id,
    memberId: m._id,
    memberName: m.name,
    branchId: m.branchId,
    status: 'confirmed',
    ticket,
    createdAt: at,
    updatedAt: at,
  }
}

/** A scan of the lecture's code 0-25 minutes before the start (check-in opens 30 minutes before). */
function checkinOf(lecture: LectureDoc, m: MemberDoc, rng: Rng): CheckinDoc {
  const at = new Date(lecture.startAt.getTime() - rng.int(0, 25 * 60) * 1000)
  const doc: CheckinDoc = {
    _id: signupId(lecture._id, m._id),
    lectureId: lecture._id,
    memberId: m._id,
    memberName: m.name,
    branchId: m.branchId,
    status: 'in',
    round: 1,
    checkedInAt: at,
    method: 'qr',
    hours: lecture.credit.hours,
    updatedAt: at,
  }
  const { venue } = lecture
  if (lecture.checkinLevel === 'L2' && venue.lat !== undefined && venue.lng !== undefined) {
    // Within some tens of metres of the venue (the first stop of a walking lecture), as a phone reports it.
    const near = (x: number) => +(x + (rng.next() - 0.5) * 0.0008).toFixed(6)
    const here = { lat: near(venue.lat), lng: near(venue.lng) }
    const distance = Math.round(distanceM({ lat: venue.lat, lng: venue.lng }, here))
    doc.location = { accuracy: rng.int(10, 40), distanceM: distance }
  }
  return doc
}

function credit(
  _id: string,
  memberId: string,
  lecture: LectureDoc,
  source: 'attendance' | 'lecturing',
  at: Date,
): LedgerEntryDoc {
  return {
    _id,
    memberId,
    year: hoursYear(at),
    hours: lecture.credit.hours,
    bucket: source === 'lecturing' ? 'lecturing' : lecture.credit.bucket,
    source,
    title: lecture.title,
    lectureId: lecture._id,
    at,
  }
}

/**
 * One to three entries of last year, entered by the branch secretary (a secretary's own by the city
 * administrator), for the bound members of the featured branch and others spread over the list.
 */
function lastYear(
  now: Date,
  members: MemberDoc[],
  bound: Set<string>,
  featuredBranchId: string,
  rng: Rng,
): LedgerEntryDoc[] {
  const year = hoursYear(now) - 1
  const cityAdmin = members.find((m) => m.adminOrgId === 'org-jinan')
  if (!cityAdmin) throw new Error('seed: no administrator of the city')
  const secretaryOf = new Map(members.filter((m) => m.roles.includes('secretary')).map((m) => [m.branchId, m._id]))
  const featured = members.filter((m) => bound.has(m._id) && m.branchId === featuredBranchId)
  const others = members.filter((m) => bound.has(m._id) && m.branchId !== featuredBranchId)
  const spread = LAST_YEAR_MEMBERS - featured.length
  const chosen = [
    ...featured,
    ...Array.from({ length: spread }, (_, k) => others[Math.floor((k * others.length) / spread)]),
  ]
  const entries: LedgerEntryDoc[] = []
  for (const m of chosen) {
    const secretary = secretaryOf.get(m.branchId)!
    const by = secretary === m._id ? cityAdmin._id : secretary
    for (let n = 1, count = rng.int(1, 3); n <= count; n++) {
      const [reason, bucket, hours] = rng.pick(LAST_YEAR_REASONS)
      // 10:00 China time on a day of last year's second half.
      const at = new Date(Date.UTC(year, rng.int(6, 11), rng.int(1, 28), 2))
      entries.push({
        _id: `seed-adj-${m._id}-${n}`,
        memberId: m._id,
        year,
        hours: rng.pick(hours),
        bucket,
        source: 'adjustment',
        title: reason,
        reason,
        by,
        at,
      })
    }
  }
  return entries
}
