/**
 * The rights matrix of giving a rating (rating.rate, rating.myRating, rating.pending): role × a lecture of the
 * caller's own node, of a node in the street administrator's subtree, of another district. No role rates
 * by office: only the caller's own credited check-in record counts, whoever they are, and a rating always
 * lands on the caller (identity from the platform; a memberId in the payload is ignored). Refused: nothing written.
 */
import { main } from '../../cloudfunctions/rating/main'
import type { CheckinDoc, LectureDoc, RatingDoc } from '../../src/shared/model'
import { caller } from '../support/caller'
import type { TestCloud } from '../support/emulator'
import {
  ADMIN_ABOVE,
  ADMIN_ELSEWHERE,
  addLecture,
  checkinCloudForFile,
  LECTURER,
  MINUTE,
  memberIdOf,
  ORGS,
  OTHER_SECRETARY,
  OUTSIDER,
  SECRETARY,
} from './checkin.fixtures'

let cloud: TestCloud
checkinCloudForFile('rr', 0, (c) => (cloud = c))
const { call } = caller(main)

const NODES = { own: 'ck-b1', subtree: 'ck-b2', other: 'ck-b3' } as const
type Node = keyof typeof NODES
const ROLES: Record<string, string> = {
  'plain member of own': LECTURER,
  'secretary of own': SECRETARY,
  'secretary of the subtree node': OTHER_SECRETARY,
  'street admin above own and subtree': ADMIN_ABOVE,
  'district admin of other': ADMIN_ELSEWHERE,
  'member of other': OUTSIDER,
}
const scores = { overall: 5, content: 4, delivery: 4, gain: 5, comment: '' }

let n = 0
async function endedLecture(node: Node): Promise<LectureDoc> {
  const o = ORGS.find((x) => x._id === NODES[node])!
  return addLecture(cloud, `rr-${++n}`, {
    hostOrgId: o._id,
    hostOrgName: o.name,
    hostPath: o.path,
    startAt: new Date(Date.now() - 2 * 60 * MINUTE),
    endAt: new Date(Date.now() - 60 * MINUTE),
  })
}

async function checkIn(lecture: LectureDoc, openid: string) {
  const memberId = memberIdOf(openid)
  const at = new Date(lecture.startAt)
  const doc: CheckinDoc = {
    _id: `${lecture._id}:${memberId}`,
    lectureId: lecture._id,
    memberId,
    memberName: memberId,
    branchId: 'ck-b1',
    status: 'in',
    round: 1,
    checkedInAt: at,
    method: 'manual',
    hours: 1,
    updatedAt: at,
  }
  await cloud.db.collection('checkins').add(doc)
}

const everything = () => JSON.stringify(['ratings', 'lectures'].map((c) => cloud.emulator.store.scan(c, {} as never)))
const rows = Object.entries(ROLES).flatMap(([role, openid]) =>
  (Object.keys(NODES) as Node[]).map((node) => [role, node, openid] as const),
)

describe('rating rights: role × node', () => {
  it.each(rows)('%s, lecture of %s: without their own check-in refused, nothing written', async (_r, node, openid) => {
    const l = await endedLecture(node)
    // Someone else's record does not count for the caller (the lecture's own member attended).
    await checkIn(l, openid === LECTURER ? SECRETARY : LECTURER)
    const before = everything()
    expect(await call('rate', { lectureId: l._id, ...scores }, openid)).toMatchObject({
      ok: false,
      code: 'NOT_ATTENDED',
    })
    expect(await call('myRating', { lectureId: l._id }, openid)).toMatchObject({ ok: false, code: 'NOT_ATTENDED' })
    expect(everything()).toBe(before)
  })

  it.each(rows)('%s, lecture of %s: with their own check-in allowed, as themselves', async (_r, node, openid) => {
    const l = await endedLecture(node)
    await checkIn(l, openid)
    const other = openid === LECTURER ? SECRETARY : LECTURER
    const reply = await call('rate', { lectureId: l._id, ...scores, memberId: memberIdOf(other) }, openid)
    expect(reply.ok).toBe(true)
    const stored = cloud.emulator.store
      .scan('ratings', { lectureId: l._id } as never)
      .map((r) => r.doc as unknown as RatingDoc)
    expect(stored.map((r) => r.memberId)).toEqual([memberIdOf(openid)])
  })

  it('anonymous and unbound callers are refused before anything is read', async () => {
    const l = await endedLecture('own')
    const before = everything()
    expect(await call('rate', { lectureId: l._id, ...scores })).toMatchObject({ code: 'NOT_SIGNED_IN' })
    expect(await call('rate', { lectureId: l._id, ...scores }, 'wx-nobody')).toMatchObject({ code: 'NOT_A_MEMBER' })
    expect(await call('pending', {})).toMatchObject({ code: 'NOT_SIGNED_IN' })
    expect(await call('pending', {}, 'wx-nobody')).toMatchObject({ code: 'NOT_A_MEMBER' })
    expect(everything()).toBe(before)
  })

  it('pending lists only the caller’s own attended lectures, whatever their office', async () => {
    const l = await endedLecture('own')
    await checkIn(l, LECTURER)
    for (const openid of [SECRETARY, ADMIN_ABOVE, OTHER_SECRETARY]) {
      const reply = await call('pending', {}, openid)
      expect(
        reply.ok && (reply.data as { items: { lecture: { id: string } }[] }).items.map((i) => i.lecture.id),
      ).not.toContain(l._id)
    }
    const mine = await call('pending', {}, LECTURER)
    expect(mine.ok && (mine.data as { items: { lecture: { id: string } }[] }).items.map((i) => i.lecture.id)).toContain(
      l._id,
    )
  })
})
