/**
 * Shared by the rating-view tests: the check-in fixtures' tree and people, plus the administrators of the
 * first district and of the city (those who see raters' names), lectures of HOST that ended an hour ago with
 * LECTURER as their member lecturer, and ratings given through rating.rate by members who checked in.
 */
import { bindingFor } from '../../cloudfunctions/_shared/actor'
import { main } from '../../cloudfunctions/rating/main'
import type { CheckinDoc, LectureDoc, MemberDoc } from '../../src/shared/model'
import { caller } from '../support/caller'
import type { TestCloud } from '../support/emulator'
import { addLecture, LECTURER, MINUTE, memberIdOf, ORGS } from './checkin.fixtures'

export const ADMIN_DISTRICT = 'wx-adm-d1'
export const ADMIN_CITY = 'wx-adm-city'

export const { call, ok } = caller(main)

/** The district and city administrators, straight into the database. */
export async function addNamedAdmins(cloud: TestCloud) {
  const people: [string, string, string][] = [
    ['adm-d1', '一区管理员', 'ck-d1'],
    ['adm-city', '市管理员', 'ck-city'],
  ]
  const b2 = ORGS.find((o) => o._id === 'ck-b2')!
  for (const [id, name, adminOrgId] of people) {
    const m: MemberDoc = {
      _id: id,
      name,
      branchId: 'ck-b2',
      roles: ['member', 'admin'],
      adminOrgId,
      phone: `139${String(id.length).padStart(8, '0')}${id.length}`.slice(0, 11),
      inviteCode: `RV-${id}`,
    }
    await cloud.db.collection('members').add(m)
    await cloud.db.collection('bindings').add(bindingFor(`wx-${id}`, m, b2, new Date()))
  }
}

let n = 0
/** A lecture of HOST by LECTURER that ended an hour ago. */
export const endedLecture = (cloud: TestCloud, over: Partial<LectureDoc> = {}) =>
  addLecture(cloud, `rv-${++n}`, {
    title: `评价查看 ${n}`,
    startAt: new Date(Date.now() - 2 * 60 * MINUTE),
    endAt: new Date(Date.now() - 60 * MINUTE),
    lecturer: { name: '张主讲', memberId: memberIdOf(LECTURER) },
    ...over,
  })

/** Each member checks in (straight into the database) and rates through rating.rate with these comments. */
export async function rateAs(cloud: TestCloud, lecture: LectureDoc, raters: string[], comments: string[]) {
  for (const [i, openid] of raters.entries()) {
    const memberId = memberIdOf(openid)
    const at = new Date(lecture.startAt)
    const record: CheckinDoc = {
      _id: `${lecture._id}:${memberId}`,
      lectureId: lecture._id,
      memberId,
      memberName: memberId,
      branchId: lecture.hostOrgId,
      status: 'in',
      round: 1,
      checkedInAt: at,
      method: 'qr',
      hours: 1,
      updatedAt: at,
    }
    await cloud.db.collection('checkins').add(record)
    const score = (i % 5) + 1
    await ok(
      'rate',
      {
        lectureId: lecture._id,
        overall: score,
        content: 4,
        delivery: 3,
        gain: 5,
        comment: comments[i] ?? '',
      },
      openid,
    )
  }
}
