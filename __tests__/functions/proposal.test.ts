/**
 * The proposal function (个人自荐) in-process, through the real SDK and the emulator, with seeded data:
 * a member proposes, the branch's managers accept (a draft lecture) or decline (a reason), and the
 * rights matrix of inbox and decide.
 */
import { buildSeed } from '../../scripts/seed/data'
import { main as lecture } from '../../cloudfunctions/lecture/main'
import { proposalLectureId } from '../../cloudfunctions/_shared/lectureIds'
import { isScene } from '../../cloudfunctions/_shared/miniProgramCode'
import { main } from '../../cloudfunctions/proposal/main'
import type { LectureSummary, ProposalView } from '../../src/shared/contract'
import { chinaTime } from '../../src/shared/chinaTime'
import type { LectureDoc, MemberDoc, ProposalDoc } from '../../src/shared/model'
import { caller, dataOf } from '../support/caller'
import { callsOf, seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { isBound, seededMember } from './seeded.fixtures'

let cloud: TestCloud
const now = new Date()
const seed = buildSeed(now)

const NODES = { own: 'br-lixia-ssdl-lt', subtree: 'br-lixia-ssdl-1', other: 'br-jiyang-qd' } as const
type Node = keyof typeof NODES
const bound = (m: MemberDoc) => isBound(seed, m)
const seeded = (what: string, fits: (m: MemberDoc) => boolean) => seededMember(seed, what, fits)
/** The openid of a seeded member (an unbound one is no member yet). */
const as = (m: MemberDoc) => 'demo-' + m._id
const anonymous = undefined

const plain = seeded('plain', (m) => bound(m) && m.branchId === NODES.own && m.roles.length === 1)
const committee = seeded('committee', (m) => bound(m) && m.branchId === NODES.own && m.roles.includes('committee'))
const secretary = seeded('secretary', (m) => bound(m) && m.branchId === NODES.own && m.roles.includes('secretary'))
const siblingSecretary = seeded(
  'sibling',
  (m) => bound(m) && m.branchId === NODES.subtree && m.roles.includes('secretary'),
)
const streetAdmin = seeded('street admin', (m) => m.adminOrgId === 'org-lixia-jiefanglu')
const districtAdmin = seeded('district admin', (m) => m.adminOrgId === 'org-jiyang')
const unbound = seeded('unbound', (m) => !bound(m))
const memberOf = (node: Node) => seeded(`member of ${node}`, (m) => bound(m) && m.branchId === NODES[node])
const orgOf = (id: string) => seed.orgs.find((o) => o._id === id)!

const { call, ok } = caller(main)
const idea = (title = '我的入党故事', theme = 'village') => ({
  theme,
  title,
  outline: '讲我年轻时怎样在村里入党，以及这些年当党员的体会。',
})
const storedProposal = (id: string) =>
  cloud.emulator.store.scan('proposals', { _id: id })[0]?.doc as unknown as ProposalDoc | undefined
const storedLecture = (id: string) =>
  cloud.emulator.store.scan('lectures', { _id: id })[0]?.doc as unknown as LectureDoc | undefined
const everything = () =>
  JSON.stringify(['lectures', 'signups', 'proposals'].map((c) => cloud.emulator.store.scan(c, {})))

seededCloudForFile(now, (started) => (cloud = started))

describe('proposal.propose and proposal.mine', () => {
  it('stores a proposal for the member’s own branch, pending', async () => {
    const p = await ok<ProposalView>('propose', idea(), as(plain))
    expect(p).toMatchObject({
      memberId: plain._id,
      memberName: plain.name,
      branchId: plain.branchId,
      status: 'pending',
      theme: 'village',
      title: '我的入党故事',
    })
    expect(storedProposal(p.id)).toMatchObject({ memberId: plain._id, status: 'pending' })
    expect(storedProposal(p.id)!.createdAt).toBeInstanceOf(Date)
  })

  it('takes who proposes from the identity, never from the payload', async () => {
    const p = await ok<ProposalView>('propose', { ...idea(), memberId: secretary._id, branchId: 'x' }, as(plain))
    expect(p).toMatchObject({ memberId: plain._id, branchId: plain.branchId })
  })

  it('refuses someone not signed in, not bound, or with a bad form, writing nothing', async () => {
    const before = everything()
    expect(await call('propose', idea(), anonymous)).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
    expect(await call('propose', idea(), as(unbound))).toMatchObject({ ok: false, code: 'NOT_A_MEMBER' })
    const bad = await call('propose', { ...idea(), outline: '太短' }, as(plain))
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    if (!bad.ok) expect(bad.explanation).toMatch(/提纲至少10个字/)
    expect(everything()).toBe(before)
  })

  it('lists only the caller’s own proposals, newest first', async () => {
    const first = await ok<ProposalView>('propose', idea('第一个题目'), as(committee))
    const second = await ok<ProposalView>('propose', idea('第二个题目'), as(committee))
    await ok('propose', idea('别人的题目'), as(secretary))
    const { items } = await ok<{ items: ProposalView[] }>('mine', {}, as(committee))
    expect(items.map((i) => i.id)).toEqual([second.id, first.id])
    expect(await call('mine', {}, anonymous)).toMatchObject({ code: 'NOT_SIGNED_IN' })
  })

  it('costs two database calls each', async () => {
    expect(await callsOf(cloud, () => ok('propose', idea(), as(plain)))).toBe(2)
    expect(await callsOf(cloud, () => ok('mine', {}, as(plain)))).toBe(2)
  })
})

describe('proposal.inbox', () => {
  it('shows the branch’s pending proposals to its managers, or all of them', async () => {
    const p = await ok<ProposalView>('propose', idea('等待处理的题目'), as(plain))
    const pending = await ok<{ items: ProposalView[] }>('inbox', { branchId: NODES.own }, as(secretary))
    expect(pending.items.map((i) => i.id)).toContain(p.id)
    expect(pending.items.every((i) => i.status === 'pending' && i.branchId === NODES.own)).toBe(true)
    await ok('decide', { id: p.id, decision: 'decline', reason: '本月已安排满' }, as(secretary))
    const after = await ok<{ items: ProposalView[] }>('inbox', { branchId: NODES.own }, as(committee))
    expect(after.items.map((i) => i.id)).not.toContain(p.id)
    const all = await ok<{ items: ProposalView[] }>('inbox', { branchId: NODES.own, status: 'all' }, as(streetAdmin))
    expect(all.items.find((i) => i.id === p.id)).toMatchObject({ status: 'declined', reason: '本月已安排满' })
  })

  it('costs two database calls for the branch’s officer, three for an administrator', async () => {
    expect(await callsOf(cloud, () => ok('inbox', { branchId: NODES.own }, as(secretary)))).toBe(2)
    expect(await callsOf(cloud, () => ok('inbox', { branchId: NODES.own }, as(streetAdmin)))).toBe(3)
  })
})

describe('proposal.decide', () => {
  it('accept makes a draft lecture: the member lectures at their branch, a week from now 14:30-15:30', async () => {
    const p = await ok<ProposalView>('propose', idea('村里的红色记忆', 'village'), as(committee))
    const decided = await ok<ProposalView>('decide', { id: p.id, decision: 'accept' }, as(secretary))
    expect(decided.status).toBe('accepted')
    expect(decided.lectureId).toBeDefined()
    const l = storedLecture(decided.lectureId!)!
    expect(l).toMatchObject({
      title: '村里的红色记忆',
      theme: 'village',
      summary: p.outline,
      lecturer: { name: committee.name, memberId: committee._id },
      speakerRole: 'committee',
      hostOrgId: NODES.own,
      hostOrgName: orgOf(NODES.own).name,
      hostPath: orgOf(NODES.own).path,
      status: 'draft',
      signedUp: 0,
      seatsFree: 30,
      createdBy: secretary._id,
    })
    const start = l.startAt.getTime()
    expect([chinaTime(now, 7, 14, 30).getTime(), chinaTime(new Date(), 7, 14, 30).getTime()]).toContain(start)
    expect(l.endAt.getTime() - start).toBe(3600_000)
    expect(storedProposal(p.id)).toMatchObject({ status: 'accepted', lectureId: l._id, decidedBy: secretary._id })
    // the secretary finds it among the drafts and may edit it
    const drafts = await caller(lecture).ok<{ items: LectureSummary[] }>('managed', { scope: 'drafts' }, as(secretary))
    expect(drafts.items.map((i) => i.id)).toContain(l._id)
    const mine = await ok<{ items: ProposalView[] }>('mine', {}, as(committee))
    expect(mine.items.find((i) => i.id === p.id)).toMatchObject({ status: 'accepted', lectureId: l._id })
  })

  it('a plain member’s proposal becomes a lecture by a 普通党员; a secretary’s by a 书记', async () => {
    for (const [who, role] of [
      [plain, 'member'],
      [siblingSecretary, 'secretary'],
    ] as const) {
      const p = await ok<ProposalView>('propose', idea(), as(who))
      const d = await ok<ProposalView>('decide', { id: p.id, decision: 'accept' }, as(streetAdmin))
      expect(storedLecture(d.lectureId!)).toMatchObject({ speakerRole: role, hostOrgId: who.branchId })
    }
  })

  it('decline needs a reason, which the member reads in their list', async () => {
    const p = await ok<ProposalView>('propose', idea(), as(plain))
    const before = everything()
    expect(await call('decide', { id: p.id, decision: 'decline' }, as(secretary))).toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(everything()).toBe(before)
    const d = await ok<ProposalView>(
      'decide',
      { id: p.id, decision: 'decline', reason: '题目与上月重复' },
      as(secretary),
    )
    expect(d).toMatchObject({ status: 'declined', reason: '题目与上月重复' })
    const mine = await ok<{ items: ProposalView[] }>('mine', {}, as(plain))
    expect(mine.items.find((i) => i.id === p.id)).toMatchObject({ status: 'declined', reason: '题目与上月重复' })
  })

  it('deciding twice answers INVALID_STATE and changes nothing', async () => {
    const accepted = await ok<ProposalView>('propose', idea(), as(plain))
    await ok('decide', { id: accepted.id, decision: 'accept' }, as(secretary))
    const declined = await ok<ProposalView>('propose', idea(), as(plain))
    await ok('decide', { id: declined.id, decision: 'decline', reason: '暂不安排' }, as(secretary))
    const before = everything()
    for (const id of [accepted.id, declined.id]) {
      for (const payload of [
        { id, decision: 'accept' },
        { id, decision: 'decline', reason: '再处理一次' },
      ]) {
        expect(await call('decide', payload, as(secretary))).toMatchObject({ ok: false, code: 'INVALID_STATE' })
      }
    }
    expect(everything()).toBe(before)
    expect(await call('decide', { id: 'nope', decision: 'accept' }, as(secretary))).toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('accepts into a lecture whose id can be a mini-program code’s scene, one id per proposal', async () => {
    const p = await ok<ProposalView>('propose', idea('扫码能打开的党课'), as(plain))
    expect(p.id.length).toBe(32) // the database's own id, as the real service makes them
    const d = await ok<ProposalView>('decide', { id: p.id, decision: 'accept' }, as(secretary))
    expect(d.lectureId).toBe(proposalLectureId(p.id))
    expect(isScene(d.lectureId!)).toBe(true)
    expect(proposalLectureId(p.id)).toBe(proposalLectureId(p.id))
    expect(proposalLectureId(p.id + 'x')).not.toBe(d.lectureId)
  })

  it('an accept retried after one that failed half-way makes no second lecture', async () => {
    const p = await ok<ProposalView>('propose', idea('重试的采纳'), as(plain))
    // What an earlier accept left before it could claim the proposal: a draft under the same id.
    const template = cloud.emulator.store.scan('lectures', {})[0].doc
    const left = { ...template, _id: proposalLectureId(p.id), status: 'draft' }
    await cloud.db.collection('lectures').add(left)
    const lecturesBefore = cloud.emulator.store.scan('lectures', {}).length
    const d = await ok<ProposalView>('decide', { id: p.id, decision: 'accept' }, as(secretary))
    expect(d.lectureId).toBe(left._id)
    expect(cloud.emulator.store.scan('lectures', {}).length).toBe(lecturesBefore)
  })

  it('of two managers deciding at once, exactly one succeeds and one lecture at most is made', async () => {
    for (let round = 0; round < 5; round++) {
      const p = await ok<ProposalView>('propose', idea(`同时处理${round}`), as(plain))
      const lecturesBefore = cloud.emulator.store.scan('lectures', {}).length
      const second =
        round % 2 ? { id: p.id, decision: 'decline', reason: '同时拒绝' } : { id: p.id, decision: 'accept' }
      const replies = await Promise.all([
        call('decide', { id: p.id, decision: 'accept' }, as(secretary)),
        call('decide', second, as(streetAdmin)),
      ])
      expect(replies.filter((r) => r.ok)).toHaveLength(1)
      expect(replies.find((r) => !r.ok)).toMatchObject({ code: 'INVALID_STATE' })
      const stored = storedProposal(p.id)!
      const made = cloud.emulator.store.scan('lectures', {}).length - lecturesBefore
      expect(made).toBe(stored.status === 'accepted' ? 1 : 0)
      if (stored.status === 'accepted') expect(storedLecture(stored.lectureId!)).toBeDefined()
    }
  })

  it('costs three (officer) or four (administrator) database calls to decline and six to accept', async () => {
    const a = await ok<ProposalView>('propose', idea(), as(plain))
    const b = await ok<ProposalView>('propose', idea(), as(plain))
    const c = await ok<ProposalView>('propose', idea(), as(plain))
    expect(
      await callsOf(cloud, () => ok('decide', { id: c.id, decision: 'decline', reason: '暂不安排' }, as(secretary))),
    ).toBe(3)
    expect(
      await callsOf(cloud, () => ok('decide', { id: a.id, decision: 'decline', reason: '暂不安排' }, as(streetAdmin))),
    ).toBe(4)
    expect(await callsOf(cloud, () => ok('decide', { id: b.id, decision: 'accept' }, as(streetAdmin)))).toBe(6)
  })
})

describe('rights matrix of inbox and decide', () => {
  const ROLES: Record<string, { context?: string; manages: Node[] } | { context?: string; refused: string }> = {
    'plain member': { context: as(plain), manages: [] },
    'secretary of own branch': { context: as(secretary), manages: ['own'] },
    'secretary of another branch': { context: as(siblingSecretary), manages: ['subtree'] },
    'street admin above': { context: as(streetAdmin), manages: ['own', 'subtree'] },
    'district admin of another district': { context: as(districtAdmin), manages: ['other'] },
    anonymous: { context: anonymous, refused: 'NOT_SIGNED_IN' },
    'unbound member': { context: as(unbound), refused: 'NOT_A_MEMBER' },
  }
  const ACTIONS = {
    inbox: async (node: Node) => {
      const p = await ok<ProposalView>('propose', idea(), as(memberOf(node)))
      return {
        payload: { branchId: NODES[node] },
        check: (data: unknown) => expect((data as { items: ProposalView[] }).items.map((i) => i.id)).toContain(p.id),
      }
    },
    'decide (accept)': async (node: Node) => {
      const p = await ok<ProposalView>('propose', idea(), as(memberOf(node)))
      return {
        payload: { id: p.id, decision: 'accept' },
        check: (data: unknown) =>
          expect(storedLecture((data as ProposalView).lectureId!)).toMatchObject({ hostOrgId: NODES[node] }),
      }
    },
    'decide (decline)': async (node: Node) => {
      const p = await ok<ProposalView>('propose', idea(), as(memberOf(node)))
      return {
        payload: { id: p.id, decision: 'decline', reason: '暂不安排' },
        check: () => expect(storedProposal(p.id)).toMatchObject({ status: 'declined', reason: '暂不安排' }),
      }
    },
  }
  const cells = (Object.keys(ACTIONS) as Array<keyof typeof ACTIONS>).flatMap((action) =>
    Object.keys(ROLES).flatMap((role) => (Object.keys(NODES) as Node[]).map((node) => [action, role, node] as const)),
  )

  it.each(cells)('%s by %s at %s node', async (action, roleName, node) => {
    const role = ROLES[roleName]
    const { payload, check } = await ACTIONS[action](node)
    const before = everything()
    const res = await call(action.split(' ')[0], payload, role.context)
    const refusal = 'refused' in role ? role.refused : role.manages.includes(node) ? undefined : 'FORBIDDEN'
    if (refusal) {
      expect(res).toMatchObject({ ok: false, code: refusal })
      expect(everything()).toBe(before)
    } else check(dataOf(res, action))
  })
})
