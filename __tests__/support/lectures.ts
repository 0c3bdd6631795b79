/** Lectures as the functions answer them (lists, lecture.detail), for page and unit tests; a test overrides what it asserts. */
import type { LectureDetail, LectureSummary } from '../../src/shared/contract'

/** A published lecture of 城关村党支部 (b-1) in the far future, as lists show it. */
export function lectureSummary(over: Partial<LectureSummary> = {}): LectureSummary {
  return {
    id: 'l1',
    title: '学习二十届四中全会精神',
    theme: 'village',
    lecturerName: '王建国',
    hostOrgName: '城关村党支部',
    startAt: '2099-11-28T14:30:00+08:00',
    endAt: '2099-11-28T16:00:00+08:00',
    address: '城关村党群服务中心二楼',
    capacity: 40,
    seatsLeft: 28,
    hours: 1.5,
    status: 'published',
    ...over,
  }
}

/** The venue of a walking lecture: two stops in order, as lecture.detail answers them. */
export const walkingVenue = (): LectureDetail['venue'] => ({
  address: '解放阁',
  radiusM: 200,
  stops: [
    { name: '解放阁', address: '黑虎泉西路1号', lat: 36.66, lng: 117.03 },
    { name: '济南战役纪念馆', address: '英雄山路18号', lat: 36.64, lng: 117.01 },
  ],
})

/** lecture.detail of that lecture: open to all, no stops, L1 check-in, sign-up required, not managed by the caller. */
export function lectureDetail(over: Partial<LectureDetail> = {}): LectureDetail {
  const summary = lectureSummary(over)
  return {
    ...summary,
    summary: '',
    lecturer: { name: summary.lecturerName },
    speakerRole: 'expert',
    hostOrgId: 'b-1',
    coHostOrgIds: [],
    openToAll: true,
    venue: { address: summary.address, radiusM: 200, stops: [] },
    signupDeadline: '2099-11-27T18:00:00+08:00',
    approvalRequired: false,
    cancelPolicy: 'untilDeadline',
    credit: { hours: summary.hours, bucket: 'collective' },
    checkinLevel: 'L1',
    signupRequired: true,
    waiting: 0,
    canManage: false,
    ...over,
  }
}

/** What the edit page sends to lecture.save for a one-hour lecture of 甲社区 (br-a), before it is parsed. */
export const lectureToSave = (over: Record<string, unknown> = {}) => ({
  title: '新时代党员家风建设',
  theme: 'standard',
  lecturer: { name: '王建华' },
  speakerRole: 'secretary',
  hostOrgId: 'br-a',
  venue: { address: '甲社区党群服务中心' },
  startAt: '2026-12-01T09:00:00+08:00',
  endAt: '2026-12-01T10:00:00+08:00',
  signupDeadline: '2026-12-01T08:00:00+08:00',
  capacity: 40,
  ...over,
})
