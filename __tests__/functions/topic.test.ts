/**
 * The topic function (点题) and the tie of lectures and proposals to a topic, in-process through the real
 * SDK against the emulator with the demo data: who publishes, whose lists a member reads, refusals on
 * lecture.save and proposal.propose that write nothing, and the topic page's lectures.
 */
import { main as lecture } from '../../cloudfunctions/lecture/main'
import { main as proposal } from '../../cloudfunctions/proposal/main'
import { main as topic } from '../../cloudfunctions/topic/main'
import { chinaTime, chinaYear } from '../../src/shared/chinaTime'
import type { LectureDetail, ProposalView, TopicList, TopicView } from '../../src/shared/contract'
import type { LectureDoc, MemberDoc } from '../../src/shared/model'
import { caller } from '../support/caller'
import { callsOf, seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { lectureToSave } from '../support/lectures'
import { isBound, seededMember } from './seeded.fixtures'

let cloud: TestCloud
const now = new Date()
const seed = seededCloudForFile(now, (started) => (cloud = started))

const OWN = 'br-lixia-ssdl-lt' // in 历下区
const OTHER = 'br-jiyang-qd' // in 济阳区
const as = (m: MemberDoc) => 'demo-' + m._id
const bound = (m: MemberDoc) => isBound(seed, m)
const person = (what: string, fits: (m: MemberDoc) => boolean) => seededMember(seed, what, fits)
const adminOf = (org: string) => person(`admin of ${org}`, (m) => bound(m) && m.adminOrgId === org)
const cityAdmin = adminOf('org-jinan')
const lixiaAdmin = adminOf('org-lixia')
const jiyangAdmin = adminOf('org-jiyang')
const streetAdmin = adminOf('org-lixia-jiefanglu')
const secretary = person('secretary', (m) => bound(m) && m.branchId === OWN && m.roles.includes('secretary'))
const otherSecretary = person(
  'other secretary',
  (m) => bound(m) && m.branchId === OTHER && m.roles.includes('secretary'),
)
const plain = person('plain', (m) => bound(m) && m.branchId === OWN && m.roles.length === 1)
const otherPlain = person(
  'other plain',
  (m) => bound(m) && m.branchId === OTHER && !m.adminOrgId && !m.roles.includes('secretary'),
)

const topics = caller(topic)
const lectures = caller(lecture)
const proposals = caller(proposal)
const thisYear = chinaYear(now)
/** A lecture in 3 days, or in the first days of next year. */
const soon = chinaTime(now, 3, 9, 0)
const nextYear = new Date(Date.UTC(thisYear + 1, 0, 10, 1))
const lectureAt = (hostOrgId: string, start: Date, over: Record<string, unknown> = {}) =>
  lectureToSave({
    hostOrgId,
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 3600_000).toISOString(),
    signupDeadline: new Date(start.getTime() - 3600_000).toISOString(),
    ...over,
  })
const idea = (topicId?: string) => ({
  theme: 'village',
  title: '我的入党故事',
  outline: '讲我年轻时怎样在村里入党，以及这些年当党员的体会。',
  ...(topicId ? { topicId } : {}),
})
const everything = () =>
  JSON.stringify(['lectures', 'proposals', 'topics'].map((c) => cloud.emulator.store.scan(c, {})))
const storedLecture = (id: string) =>
  cloud.emulator.store.scan('lectures', { _id: id })[0]?.doc as unknown as LectureDoc | undefined

async function published(who: MemberDoc, title: string, year = thisYear): Promise<TopicView> {
  const draft = await topics.ok<TopicView>('save', { year, topic: { title, department: '市委宣传部' } }, as(who))
  return topics.ok<TopicView>('publish', { id: draft.id }, as(who))
}

let cityTopic: TopicView
let lixiaTopic: TopicView
let jiyangTopic: TopicView
let draftTopic: TopicView
let withdrawnTopic: TopicView
let nextYearTopic: TopicView

beforeAll(async () => {
  cityTopic = await published(cityAdmin, '大党学习的力量', chinaYear(soon))
  lixiaTopic = await published(lixiaAdmin, '历下区的社区治理', chinaYear(soon))
  jiyangTopic = await published(jiyangAdmin, '济阳区的黄河滩区', chinaYear(soon))
  nextYearTopic = await published(cityAdmin, '明年的选题', chinaYear(soon) + 1)
  draftTopic = await topics.ok<TopicView>(
    'save',
    { topic: { title: '还没发布', department: '市委组织部' } },
    as(lixiaAdmin),
  )
  withdrawnTopic = await published(lixiaAdmin, '撤回的选题', chinaYear(soon))
  withdrawnTopic = await topics.ok<TopicView>('withdraw', { id: withdrawnTopic.id }, as(lixiaAdmin))
}, 60_000)

describe('publishing a list', () => {
  it('a city administrator publishes the city’s topics, a district administrator their district’s', () => {
    expect(cityTopic).toMatchObject({ orgId: 'org-jinan', orgName: '济南市', status: 'published', canManage: true })
    expect(lixiaTopic).toMatchObject({ orgId: 'org-lixia', status: 'published' })
    expect(draftTopic.status).toBe('draft')
    expect(withdrawnTopic.status).toBe('withdrawn')
  })

  it.each([
    ['a street administrator', () => streetAdmin],
    ['a branch secretary', () => secretary],
    ['a member', () => plain],
  ])('%s cannot add a topic, and nothing is written', async (_what, who) => {
    const before = everything()
    const reply = await topics.call('save', { topic: { title: '不该有的选题', department: '市委组织部' } }, as(who()))
    expect(reply).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(everything()).toBe(before)
  })

  it.each([
    ['another district’s administrator', () => jiyangAdmin],
    ['the city administrator (the district keeps its own list)', () => cityAdmin],
  ])('%s cannot edit, publish or withdraw a district’s topic', async (_what, who) => {
    const before = everything()
    const edit = { id: draftTopic.id, topic: { title: '改掉', department: '市委组织部' } }
    expect(await topics.call('save', edit, as(who()))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await topics.call('publish', { id: draftTopic.id }, as(who()))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await topics.call('withdraw', { id: lixiaTopic.id }, as(who()))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(everything()).toBe(before)
  })

  it('a published topic is not edited until withdrawn; a repeated publish changes nothing', async () => {
    const edit = { id: lixiaTopic.id, topic: { title: '改掉', department: '市委组织部' } }
    expect(await topics.call('save', edit, as(lixiaAdmin))).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await topics.ok<TopicView>('publish', { id: lixiaTopic.id }, as(lixiaAdmin))).toMatchObject({
      status: 'published',
      title: '历下区的社区治理',
    })
  })
})

describe('topic.list', () => {
  it('a member reads the city’s and their district’s published topics, the city’s first', async () => {
    const list = await topics.ok<TopicList>('list', { year: chinaYear(soon) }, as(plain))
    const ids = list.items.map((t) => t.id)
    expect(ids).toEqual(expect.arrayContaining([cityTopic.id, lixiaTopic.id]))
    expect(ids).not.toContain(jiyangTopic.id)
    expect(ids).not.toContain(draftTopic.id)
    expect(ids).not.toContain(withdrawnTopic.id)
    expect(ids.indexOf(cityTopic.id)).toBeLessThan(ids.indexOf(lixiaTopic.id))
    expect(list.items.every((t) => !t.canManage)).toBe(true)
    expect(list.keeps).toBeUndefined()
  })

  it('the district’s administrator also sees its drafts and withdrawn topics, and where to add', async () => {
    const list = await topics.ok<TopicList>('list', { year: chinaYear(soon) }, as(lixiaAdmin))
    const ids = list.items.map((t) => t.id)
    expect(ids).toEqual(expect.arrayContaining([draftTopic.id, withdrawnTopic.id, lixiaTopic.id, cityTopic.id]))
    expect(ids).not.toContain(jiyangTopic.id)
    expect(list.keeps).toEqual({ id: 'org-lixia', name: '历下区' })
  })

  it('costs the binding and one query (and the administrator’s node beside it)', async () => {
    expect(await callsOf(cloud, () => topics.ok('list', {}, as(plain)))).toBe(2)
    expect(await callsOf(cloud, () => topics.ok('list', {}, as(lixiaAdmin)))).toBe(3)
  })

  it('choices for a lecture hosted in 济阳 are the city’s and 济阳’s published ones', async () => {
    const { items } = await topics.ok<{ items: { id: string; orgName: string }[] }>(
      'choices',
      { year: chinaYear(soon), orgId: OTHER },
      as(otherSecretary),
    )
    expect(items.map((t) => t.id)).toEqual(expect.arrayContaining([cityTopic.id, jiyangTopic.id]))
    expect(new Set(items.map((t) => t.orgName))).toEqual(new Set(['济南市', '济阳区']))
    expect(items.map((t) => t.id)).not.toContain(lixiaTopic.id)
  })
})

describe('lecture.save with a topic', () => {
  it('stores the topic’s id and title, and the lecture page shows them', async () => {
    const { id } = await lectures.ok<{ id: string }>(
      'save',
      { lecture: lectureAt(OWN, soon, { topicId: lixiaTopic.id }) },
      as(secretary),
    )
    expect(storedLecture(id)).toMatchObject({ topicId: lixiaTopic.id, topicTitle: '历下区的社区治理' })
    const detail = await lectures.ok<LectureDetail>('detail', { id }, as(secretary))
    expect(detail).toMatchObject({ topicId: lixiaTopic.id, topicTitle: '历下区的社区治理' })
    // Saved again without a topic: the tie is gone.
    await lectures.ok('save', { id, lecture: lectureAt(OWN, soon) }, as(secretary))
    expect(storedLecture(id)!.topicId).toBeUndefined()
    expect(storedLecture(id)!.topicTitle).toBeUndefined()
  })

  it.each([
    ['another district’s topic', () => jiyangTopic.id, soon],
    ['a draft topic', () => draftTopic.id, soon],
    ['a withdrawn topic', () => withdrawnTopic.id, soon],
    ['a topic of another year', () => nextYearTopic.id, soon],
    ['this year’s topic for a lecture next year', () => cityTopic.id, nextYear],
    ['a topic that does not exist', () => 'topic-none', soon],
  ])('refuses %s with TOPIC_UNAVAILABLE, writing nothing', async (_what, topicId, start) => {
    const before = everything()
    const reply = await lectures.call('save', { lecture: lectureAt(OWN, start, { topicId: topicId() }) }, as(secretary))
    expect(reply).toMatchObject({ ok: false, code: 'TOPIC_UNAVAILABLE' })
    expect(everything()).toBe(before)
  })

  it('refuses a new topic on an edit, leaving the lecture as it was', async () => {
    const { id } = await lectures.ok<{ id: string }>('save', { lecture: lectureAt(OWN, soon) }, as(secretary))
    const before = everything()
    const reply = await lectures.call(
      'save',
      { id, lecture: lectureAt(OWN, soon, { topicId: jiyangTopic.id }) },
      as(secretary),
    )
    expect(reply).toMatchObject({ ok: false, code: 'TOPIC_UNAVAILABLE' })
    expect(everything()).toBe(before)
  })
})

describe('proposal.propose with a topic', () => {
  const proposeYear = chinaYear(now)
  let mine: TopicView
  let theirs: TopicView
  beforeAll(async () => {
    mine = proposeYear === chinaYear(soon) ? lixiaTopic : await published(lixiaAdmin, '今年的选题', proposeYear)
    theirs = proposeYear === chinaYear(soon) ? jiyangTopic : await published(jiyangAdmin, '济阳今年', proposeYear)
  })

  it('stores the topic, and accepting carries it to the draft lecture', async () => {
    const p = await proposals.ok<ProposalView>('propose', idea(mine.id), as(plain))
    expect(p).toMatchObject({ topicId: mine.id, topicTitle: mine.title })
    const accepted = await proposals.ok<ProposalView>('decide', { id: p.id, decision: 'accept' }, as(secretary))
    expect(storedLecture(accepted.lectureId!)).toMatchObject({ topicId: mine.id, topicTitle: mine.title })
  })

  it.each([
    ['another district’s topic', () => theirs.id],
    ['a draft topic', () => draftTopic.id],
    ['a withdrawn topic', () => withdrawnTopic.id],
    ['a topic of another year', () => (proposeYear === chinaYear(soon) ? nextYearTopic.id : cityTopic.id)],
  ])('refuses %s with TOPIC_UNAVAILABLE, writing nothing', async (_what, topicId) => {
    const before = everything()
    expect(await proposals.call('propose', idea(topicId()), as(plain))).toMatchObject({
      ok: false,
      code: 'TOPIC_UNAVAILABLE',
    })
    expect(everything()).toBe(before)
  })
})

describe('topic.detail', () => {
  type Detail = { topic: TopicView; upcoming: { id: string }[]; held: { id: string }[] }

  it('lists only the lectures the caller may see, upcoming soonest first, then held latest first', async () => {
    const t = await published(cityAdmin, '新时代党员家风建设', chinaYear(soon))
    const post = async (who: MemberDoc, host: string, days: number, over: Record<string, unknown> = {}) => {
      const { id } = await lectures.ok<{ id: string }>(
        'save',
        { lecture: lectureAt(host, chinaTime(now, days, 9, 0), { topicId: t.id, ...over }) },
        as(who),
      )
      await lectures.ok('publish', { id }, as(who))
      return id
    }
    const later = await post(secretary, OWN, 5)
    const sooner = await post(secretary, OWN, 2)
    const elsewhere = await post(otherSecretary, OTHER, 3) // 济阳's own branch: not for a 历下 member
    const openToAll = await post(otherSecretary, OTHER, 4, { openToAll: true })
    const draft = (
      await lectures.ok<{ id: string }>('save', { lecture: lectureAt(OWN, soon, { topicId: t.id }) }, as(secretary))
    ).id
    // Held lectures, as the demo's history has them (a start in the past cannot be posted).
    const base = storedLecture(sooner)!
    const heldDoc = (id: string, daysAgo: number) => ({
      ...base,
      _id: id,
      status: 'finished',
      startAt: chinaTime(now, -daysAgo, 9, 0),
      endAt: chinaTime(now, -daysAgo, 10, 0),
      signupDeadline: chinaTime(now, -daysAgo, 8, 0),
    })
    await cloud.db.collection('lectures').add([heldDoc('lec-held-old', 20), heldDoc('lec-held-new', 2)])

    const seen = await topics.ok<Detail>('detail', { id: t.id }, as(plain))
    expect(seen.topic).toMatchObject({ id: t.id, title: '新时代党员家风建设' })
    expect(seen.upcoming.map((l) => l.id)).toEqual([sooner, openToAll, later])
    expect(seen.held.map((l) => l.id)).toEqual(['lec-held-new', 'lec-held-old'])
    const all = [...seen.upcoming, ...seen.held].map((l) => l.id)
    expect(all).not.toContain(elsewhere)
    expect(all).not.toContain(draft)
    // 济阳's member sees 济阳's lectures and the open one, not 历下's branch lectures.
    const theirs = await topics.ok<Detail>('detail', { id: t.id }, as(otherPlain))
    expect(theirs.upcoming.map((l) => l.id)).toEqual([elsewhere, openToAll])
    expect(theirs.held).toEqual([])
    expect(await callsOf(cloud, () => topics.ok('detail', { id: t.id }, as(plain)))).toBe(4)
  })

  it('a draft topic is not found for members; its keeper sees it', async () => {
    expect(await topics.call('detail', { id: draftTopic.id }, as(plain))).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    })
    expect(await topics.ok<Detail>('detail', { id: draftTopic.id }, as(lixiaAdmin))).toMatchObject({
      topic: { id: draftTopic.id, status: 'draft', canManage: true },
    })
  })
})
