/**
 * The rights matrix of viewing ratings (rating.ofLecture, rating.given): role × a lecture of the caller's own
 * node (ck-b1), of a node in the street administrator's subtree (ck-b2), of another district (ck-b3). Each
 * lecture has one rating with a comment: who sees names sees it with the name; who sees without names sees the
 * count only (under 3 ratings: no average, no comment); everyone else is refused and nothing is written.
 */
import type { GivenLectures, LectureRatings } from '../../src/shared/contract'
import type { LectureDoc } from '../../src/shared/model'
import type { TestCloud } from '../support/emulator'
import {
  ADMIN_ABOVE,
  ADMIN_ELSEWHERE,
  checkinCloudForFile,
  LECTURER,
  ORGS,
  OTHER_SECRETARY,
  OUTSIDER,
  SECRETARY,
} from './checkin.fixtures'
import { ADMIN_CITY, ADMIN_DISTRICT, addNamedAdmins, call, endedLecture, ok, rateAs } from './rating-view.fixtures'

let cloud: TestCloud
const raters = checkinCloudForFile('vr', 3, (c) => (cloud = c), 120_000)

const NODES = { own: 'ck-b1', subtree: 'ck-b2', other: 'ck-b3' } as const
type Node = keyof typeof NODES
type Sight = 'anonymous' | 'named' | 'refused'
const ROLES: [string, string, Record<Node, Sight>][] = [
  ['the lecturer (plain member of own)', LECTURER, { own: 'anonymous', subtree: 'anonymous', other: 'anonymous' }],
  ['secretary of own', SECRETARY, { own: 'anonymous', subtree: 'refused', other: 'refused' }],
  ['secretary of the subtree node', OTHER_SECRETARY, { own: 'refused', subtree: 'anonymous', other: 'refused' }],
  ['street admin above own and subtree', ADMIN_ABOVE, { own: 'anonymous', subtree: 'anonymous', other: 'refused' }],
  ['district admin above own and subtree', ADMIN_DISTRICT, { own: 'named', subtree: 'named', other: 'refused' }],
  ['city admin', ADMIN_CITY, { own: 'named', subtree: 'named', other: 'named' }],
  ['district admin of other', ADMIN_ELSEWHERE, { own: 'refused', subtree: 'refused', other: 'named' }],
  ['member of other', OUTSIDER, { own: 'refused', subtree: 'refused', other: 'refused' }],
]

const lectures = {} as Record<Node, LectureDoc>
beforeAll(async () => {
  await addNamedAdmins(cloud)
  for (const node of Object.keys(NODES) as Node[]) {
    const o = ORGS.find((x) => x._id === NODES[node])!
    lectures[node] = await endedLecture(cloud, { hostOrgId: o._id, hostOrgName: o.name, hostPath: o.path })
    await rateAs(cloud, lectures[node], raters.slice(0, 1), [`对${node}的留言`])
  }
})

const everything = () => JSON.stringify(['ratings', 'lectures'].map((c) => cloud.emulator.store.scan(c, {} as never)))
const rows = ROLES.flatMap(([role, openid, sights]) =>
  (Object.keys(NODES) as Node[]).map((node) => [role, node, sights[node], openid] as const),
)

describe('rating view rights: role × node', () => {
  it.each(rows)('%s, lecture of %s: %s', async (_role, node, sight, openid) => {
    const before = everything()
    const reply = await call('ofLecture', { lectureId: lectures[node]._id }, openid)
    expect(everything()).toBe(before)
    if (sight === 'refused') return expect(reply).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(reply.ok).toBe(true)
    const v = (reply as { data: LectureRatings }).data
    expect(v).toMatchObject({ sight, count: 1 })
    expect(v.averages).toBeUndefined()
    if (sight === 'named') expect(v.comments).toEqual([expect.objectContaining({ memberName: '党员vr1' })])
    else expect(v.comments).toEqual([])
  })

  it('given answers the caller’s own lectures only; a member id in the payload is ignored', async () => {
    const mine = await ok<GivenLectures>('given', {}, LECTURER)
    expect(mine.past).toHaveLength(3)
    for (const openid of [SECRETARY, ADMIN_CITY, OUTSIDER]) {
      const g = await ok<GivenLectures>('given', { memberId: 'lect' }, openid)
      expect(g.past).toEqual([])
      expect(g.summary.count).toBe(0)
    }
  })

  it('given refuses the anonymous and unbound', async () => {
    expect(await call('given', {})).toMatchObject({ code: 'NOT_SIGNED_IN' })
    expect(await call('given', {}, 'wx-nobody')).toMatchObject({ code: 'NOT_A_MEMBER' })
  })
})
