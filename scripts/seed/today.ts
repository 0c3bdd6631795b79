/**
 * The lecture of the demo: one happening right after the local system starts, so that a person can open its
 * check-in screen as the host branch's secretary and check in as one of its members. It starts about 20
 * minutes after `now` (check-in opens 30 minutes before the start, so it is open at once) and lasts 90
 * minutes; sign-up closed before `now`, with every bound member of the branch signed up (an unbound one can
 * only be checked in by the secretary). The secretary gives the lecture.
 */
import { chinaTime } from '../../src/shared/chinaTime'
import { signupId } from '../../src/shared/signupRules'
import { defaultCreditHours } from '../../src/shared/studyHours'
import { withGeo } from '../../src/shared/lectureRules'
import type { LectureDoc, MemberDoc, SignupDoc } from '../../src/shared/model'
import type { Host } from './orgs'

export const TODAY_LECTURE_ID = 'lec-today'
/** 北王庄村党支部 (章丘区明水街道): six members, five of them bound, who attended earlier lectures too. */
export const TODAY_BRANCH_ID = 'br-zhangqiu-bwz'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const LENGTH_MINUTES = 90

/** `now` + 20 minutes, up to the next five minutes (a time people would announce). */
export function todayStart(now: Date): Date {
  const five = 5 * MINUTE
  return new Date(Math.ceil((now.getTime() + 20 * MINUTE) / five) * five)
}

export function buildTodayLecture(
  now: Date,
  hosts: Host[],
  members: MemberDoc[],
  bound: Set<string>,
): { lecture: LectureDoc; signups: SignupDoc[] } {
  const host = hosts.find((h) => h.id === TODAY_BRANCH_ID)
  const own = members.filter((m) => m.branchId === TODAY_BRANCH_ID)
  const secretary = own.find((m) => m.roles.includes('secretary'))
  if (!host || !secretary) throw new Error(`seed: ${TODAY_BRANCH_ID} has no host or secretary`)
  const startAt = todayStart(now)
  const createdAt = chinaTime(now, -3, 9, 30)
  const signupDeadline = new Date(startAt.getTime() - 2 * HOUR)
  // Every bound member but the lecturer signs up, one every two hours after posting.
  const audience = own.filter((m) => m !== secretary && bound.has(m._id))
  const lecture: LectureDoc = {
    _id: TODAY_LECTURE_ID,
    title: '今日党课：党员带头，建设和美乡村',
    theme: 'village',
    summary: '村党支部书记在村党群服务中心讲村里这些年的变化和今年的几件大事。到场后扫描大屏幕上的二维码签到。',
    lecturer: { name: secretary.name, memberId: secretary._id },
    speakerRole: 'secretary',
    hostOrgId: host.id,
    hostOrgName: host.name,
    hostPath: host.path,
    coHostOrgIds: [],
    openToAll: false,
    venue: withGeo({ address: host.area + host.place, lat: host.lat, lng: host.lng, radiusM: 300, stops: [] }),
    startAt,
    endAt: new Date(startAt.getTime() + LENGTH_MINUTES * MINUTE),
    signupDeadline,
    capacity: 30,
    signedUp: audience.length,
    seatsFree: 30 - audience.length,
    waiting: 0,
    tickets: audience.length,
    approvalRequired: false,
    cancelPolicy: 'untilDeadline',
    credit: { hours: defaultCreditHours('village', LENGTH_MINUTES), bucket: 'collective' },
    checkinLevel: 'L1',
    signupRequired: true,
    status: 'published',
    createdAt,
    updatedAt: createdAt,
  }
  const signups = audience.map((m, i): SignupDoc => {
    const at = new Date(Math.min(createdAt.getTime() + (i + 1) * 2 * HOUR, signupDeadline.getTime() - MINUTE))
    return {
      _id: signupId(TODAY_LECTURE_ID, m._id),
      lectureId: TODAY_LECTURE_ID,
      memberId: m._id,
      memberName: m.name,
      branchId: m.branchId,
      status: 'confirmed',
      ticket: i + 1,
      createdAt: at,
      updatedAt: at,
    }
  })
  return { lecture, signups }
}
