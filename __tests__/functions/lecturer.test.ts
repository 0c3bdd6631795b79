/**
 * The lecturer function (师资库) through the real SDK against the emulator, on the demo data: search with its
 * filters and sorts, a profile with its lectures and ratings, 入库 and 移出, edits, invitations and answers.
 * Every refusal writes nothing.
 */
import { randomBytes } from 'crypto'
import { main as lecture } from '../../cloudfunctions/lecture/main'
import { main } from '../../cloudfunctions/lecturer/main'
import { main as member } from '../../cloudfunctions/member/main'
import type { InvitationView, LectureInput, LecturerProfile, LecturerSummary, Me } from '../../src/shared/contract'
import type { LectureDoc, LecturerDoc, RatingSums } from '../../src/shared/model'
import { averagesOf, summarySums } from '../../src/shared/ratingRules'
import { caller } from '../support/caller'
import { callsOf, seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'

let cloud: TestCloud
const now = new Date()
const seed = seededCloudForFile(now, (started) => (cloud = started))
const { call, ok } = caller(main)
const as = (memberId: string) => `demo-${memberId}`

const WU = 'm-0014' // secretary of 千佛山街道机关党支部 (历下区), in the pool as m:m-0014
const LU = 'm-0016' // a plain member of the same branch, not in the pool
const LIXIA_ADMIN = 'm-0017' // administers 历下区
const STREET_ADMIN = 'm-0004' // administers 解放路街道 (历下区), not 千佛山街道
const JIYANG_ADMIN = 'm-0104'
const CITY_ADMIN = 'm-0186'
const [INVITATION] = seed.invitations // pending, for 吴思英

type Search = { items: LecturerSummary[]; total: number }
const search = (payload: object, who = LU) => ok<Search>('search', payload, as(who))
const stored = (id: string) => cloud.emulator.store.getById('lecturers', id)?.doc as unknown as LecturerDoc | undefined
const lectureOf = (id: string) => cloud.emulator.store.getById('lectures', id)?.doc as unknown as LectureDoc
const everything = () =>
  JSON.stringify(['lecturers', 'invitations', 'bindings', 'lectures'].map((c) => cloud.emulator.store.scan(c, {})))
async function refusedWritingNothing(reply: Promise<unknown>, code: string): Promise<void> {
  const before = everything()
  expect(await reply).toMatchObject({ ok: false, code })
  expect(everything()).toBe(before)
}
const sums = (overall: number, count: number): RatingSums => ({
  count,
  sum: { overall: overall * count, content: overall * count, delivery: overall * count, gain: overall * count },
  dist: { '1': 0, '2': 0, '3': 0, '4': 0, '5': count },
})
const setRating = (lectureId: string, rating: RatingSums) =>
  cloud.db.collection('lectures').doc(lectureId).update({ rating })
const heldOf = (profileId: string) =>
  seed.lectures.filter(
    (l) => l.lecturer.profileId === profileId && ['published', 'finished'].includes(l.status) && l.endAt < now,
  )

describe('lecturer.search', () => {
  it('finds by a part of the name, and filters by theme and district', async () => {
    const wu = seed.lecturers.find((p) => p._id === `m:${WU}`)!
    expect((await search({ q: wu.name.slice(1) })).items.map((p) => p.id)).toContain(wu._id)
    const byTheme = await search({ theme: 'workshop' })
    expect(byTheme.items.length).toBeGreaterThan(0)
    expect(byTheme.items.every((p) => p.themes.includes('workshop'))).toBe(true)
    const lixia = await search({ districtId: 'org-lixia' })
    expect(lixia.items.map((p) => p.id).sort()).toEqual(
      seed.lecturers
        .filter((p) => p.districtId === 'org-lixia')
        .map((p) => p._id)
        .sort(),
    )
    expect((await search({ q: '没有这个人' })).total).toBe(0)
  })

  it('filters by topic', async () => {
    await cloud.db
      .collection('lecturers')
      .doc('lp-demo-9')
      .update({ topicIds: ['topic-x'] })
    expect((await search({ topicId: 'topic-x' })).items.map((p) => p.id)).toEqual(['lp-demo-9'])
  })

  it('sorts by lectures given, and by average rating (under 3 ratings: none, after the rated)', async () => {
    const given = (await search({ sort: 'given', pageSize: 50 })).items
    expect(given.map((p) => p.given)).toEqual([...given.map((p) => p.given)].sort((a, b) => b - a))
    const wu = given.find((p) => p.id === `m:${WU}`)!
    expect(wu.given).toBe(heldOf(wu.id).length)

    // The seed holds ratings (scripts/seed/ratings.ts): expected values come from it, with two lectures reset.
    const [first, second] = [heldOf('lp-demo-13')[0], heldOf(`m:${WU}`)[0]]
    const reset = new Map([
      [first._id, sums(5, 4)],
      [second._id, sums(3, 2)], // under 3: never added into the lecturer's summary
    ])
    for (const [id, rating] of reset) await setRating(id, rating)
    const expected = (id: string) => summarySums(heldOf(id).map((l) => reset.get(l._id) ?? l.rating))
    const rated = (await search({ sort: 'rating', pageSize: 50 })).items
    const overall = rated.map((p) => p.rating?.average.overall ?? -1)
    expect(overall).toEqual([...overall].sort((a, b) => b - a))
    for (const id of ['lp-demo-13', `m:${WU}`]) {
      const p = rated.find((x) => x.id === id)!
      expect(p.ratingCount).toBe(expected(id).count)
      expect(p.rating).toEqual(averagesOf(expected(id)))
    }
    expect(expected('lp-demo-13').count).toBeGreaterThanOrEqual(4)
    expect(rated.find((x) => x.id === `m:${WU}`)!.ratingCount).toBe(
      summarySums(
        heldOf(`m:${WU}`)
          .slice(1)
          .map((l) => l.rating),
      ).count,
    )
  })

  it('pages by offset and counts the whole result; 3 database calls', async () => {
    const all = await search({ sort: 'given', pageSize: 50 })
    const page2 = await search({ sort: 'given', offset: 5, pageSize: 5 })
    expect(page2.total).toBe(all.total)
    expect(page2.items.map((p) => p.id)).toEqual(all.items.slice(5, 10).map((p) => p.id))
    expect(await callsOf(cloud, () => search({ q: '张' }))).toBe(3)
  })

  it('tells the caller whom they name and whom they invite', async () => {
    const items = (await search({ pageSize: 50 }, WU)).items
    expect(items.find((p) => p.id === `m:${WU}`)).toMatchObject({ needsInvitation: false, canManage: false })
    expect(items.find((p) => p.id === 'lp-demo-11')).toMatchObject({ needsInvitation: true })
    const admin = (await search({ pageSize: 50 }, LIXIA_ADMIN)).items
    expect(admin.find((p) => p.id === `m:${WU}`)).toMatchObject({ canManage: true, needsInvitation: false })
  })

  it('refuses the unsigned and unbound', async () => {
    expect(await call('search', {})).toMatchObject({ ok: false, code: 'NOT_SIGNED_IN' })
    expect(await call('search', {}, 'a-stranger')).toMatchObject({ ok: false, code: 'NOT_A_MEMBER' })
  })
})

describe('lecturer.profile', () => {
  it('shows the lectures given with their ratings, no awards yet, and whether it is the caller’s own', async () => {
    const p = await ok<LecturerProfile>('profile', { id: `m:${WU}` }, as(WU))
    expect(p).toMatchObject({ name: '吴思英', isMine: true, canInvite: false, awards: [], given: heldOf(p.id).length })
    expect(p.lectures.map((l) => l.id).sort()).toEqual(
      heldOf(p.id)
        .map((l) => l._id)
        .sort(),
    )
    const expert = await ok<LecturerProfile>('profile', { id: 'lp-demo-13' }, as(LU))
    expect(expert).toMatchObject({ isMine: false, canInvite: false, rating: { count: 4 } })
    // a secretary of another district invites; the lecturer's own district's administrator names them
    const jiyang = await ok<LecturerProfile>('profile', { id: `m:${WU}` }, as(JIYANG_ADMIN))
    expect(jiyang.canInvite).toBe(true)
    expect((await ok<LecturerProfile>('profile', { id: `m:${WU}` }, as(LIXIA_ADMIN))).canInvite).toBe(false)
    expect(expert.lectures[0]).toMatchObject({ ratingCount: 4, rating: { average: { overall: 5 } } })
    expect(await call('profile', { id: 'lp-none' }, as(LU))).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await callsOf(cloud, () => ok('profile', { id: 'lp-demo-13' }, as(LU)))).toBe(3)
  })
})

describe('入库, edit and 移出', () => {
  it('adds a bound member once under their roster name and branch; a retry stores one', async () => {
    const payload = { memberId: LU, intro: '讲身边的好人好事', themes: ['village'] }
    const a = await ok<{ id: string }>('add', payload, as(LIXIA_ADMIN))
    const b = await ok<{ id: string }>('add', payload, as(LIXIA_ADMIN))
    expect([a.id, b.id]).toEqual([`m:${LU}`, `m:${LU}`])
    expect(stored(a.id)).toMatchObject({
      name: seed.members.find((m) => m._id === LU)!.name,
      memberId: LU,
      orgId: 'br-lixia-qfs-jg',
      districtId: 'org-lixia',
      status: 'active',
      addedBy: LIXIA_ADMIN,
    })
  })

  it('adds an outsider at a node of the administrator’s subtree', async () => {
    const { id } = await ok<{ id: string }>(
      'add',
      { name: '韩立新', speakerRole: 'expert', orgId: 'org-lixia', title: '山东大学教授', themes: ['standard'] },
      as(LIXIA_ADMIN),
    )
    expect(stored(id)).toMatchObject({ name: '韩立新', speakerRole: 'expert', orgPath: ['org-jinan', 'org-lixia'] })
  })

  it('refuses 入库 outside the subtree, by a non-administrator, and a forged role, writing nothing', async () => {
    await refusedWritingNothing(call('add', { memberId: LU }, as(JIYANG_ADMIN)), 'FORBIDDEN')
    await refusedWritingNothing(call('add', { memberId: 'm-0001' }, as(WU)), 'FORBIDDEN')
    await refusedWritingNothing(
      call('add', { name: '某人', speakerRole: 'expert', orgId: 'org-lixia' }, as(JIYANG_ADMIN)),
      'FORBIDDEN',
    )
    await refusedWritingNothing(
      call('add', { name: '某人', speakerRole: 'secretary', orgId: 'org-lixia' }, as(LIXIA_ADMIN)),
      'INVALID_INPUT',
    )
  })

  it('the member edits their own introduction and specialties only', async () => {
    await ok('editMine', { intro: '二十年村支书，讲乡村振兴', themes: ['village', 'field'] }, as(WU))
    expect(stored(`m:${WU}`)).toMatchObject({ intro: '二十年村支书，讲乡村振兴', themes: ['village', 'field'] })
    await refusedWritingNothing(call('editMine', { intro: 'x', name: '改名' }, as(WU)), 'INVALID_INPUT')
    await refusedWritingNothing(call('editMine', { intro: 'x' }, as('m-0001')), 'NOT_FOUND')
  })

  it('refuses editing someone else’s profile, writing nothing', async () => {
    await refusedWritingNothing(call('edit', { id: `m:${WU}`, intro: '别人改的' }, as(LU)), 'FORBIDDEN')
    await refusedWritingNothing(call('edit', { id: `m:${WU}`, intro: '本人改全部' }, as(WU)), 'FORBIDDEN')
    await refusedWritingNothing(call('edit', { id: `m:${WU}`, intro: '外区' }, as(JIYANG_ADMIN)), 'FORBIDDEN')
    await refusedWritingNothing(call('edit', { id: `m:${WU}`, name: '改名' }, as(LIXIA_ADMIN)), 'INVALID_INPUT')
  })

  it('an administrator above edits every field', async () => {
    await ok(
      'edit',
      { id: 'lp-demo-13', name: '于永亮', title: '市委党校教授', unit: '中共济南市委党校', intro: '讲党史' },
      as(CITY_ADMIN),
    )
    expect(stored('lp-demo-13')).toMatchObject({ unit: '中共济南市委党校', intro: '讲党史', themes: [] })
  })

  it('takes a photo uploaded under lecturer-photos/, checked by its bytes, never a cover or bytes in the payload', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    const upload = async (folder: string, bytes: Buffer) =>
      (await cloud.app.uploadFile({ cloudPath: `${folder}${randomBytes(16).toString('hex')}.png`, fileContent: bytes }))
        .fileID
    const photo = await upload('lecturer-photos/', png)
    expect(await ok<{ url: string }>('checkPhoto', { fileId: photo }, as(LIXIA_ADMIN))).toMatchObject({ fileId: photo })
    expect(await call('checkPhoto', { fileId: await upload('covers/', png) }, as(LIXIA_ADMIN))).toMatchObject({
      code: 'INVALID_INPUT',
    })
    const notPicture = await upload('lecturer-photos/', Buffer.from('not a picture at all'))
    await refusedWritingNothing(
      call('edit', { id: 'lp-demo-13', photoFileId: notPicture }, as(CITY_ADMIN)),
      'INVALID_INPUT',
    )
    await ok('edit', { id: 'lp-demo-13', photoFileId: photo }, as(CITY_ADMIN))
    expect((await ok<LecturerProfile>('profile', { id: 'lp-demo-13' }, as(LU))).photoUrl).toMatch(/lecturer-photos\//)
    expect(await call('checkPhoto', { fileId: photo }, as(WU))).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('refuses removing outside the subtree, writing nothing; removes with a reason, once', async () => {
    await refusedWritingNothing(call('remove', { id: `m:${WU}`, reason: '调离' }, as(STREET_ADMIN)), 'FORBIDDEN')
    await refusedWritingNothing(call('remove', { id: `m:${WU}`, reason: '调离' }, as(WU)), 'FORBIDDEN')
    await refusedWritingNothing(call('remove', { id: 'lp-demo-12', reason: '' }, as(CITY_ADMIN)), 'INVALID_INPUT')
    await ok('remove', { id: 'lp-demo-12', reason: '年事已高，不再讲课' }, as(CITY_ADMIN))
    await ok('remove', { id: 'lp-demo-12', reason: '第二次' }, as(CITY_ADMIN))
    expect(stored('lp-demo-12')).toMatchObject({ status: 'removed', removedReason: '年事已高，不再讲课' })
    expect((await search({ pageSize: 50 })).items.map((p) => p.id)).not.toContain('lp-demo-12')
    await refusedWritingNothing(call('edit', { id: 'lp-demo-12', intro: 'x' }, as(CITY_ADMIN)), 'LECTURER_REMOVED')
  })
})

describe('invitations', () => {
  const secretaryOf = (branchId: string) =>
    seed.members.find((m) => m.branchId === branchId && m.roles.includes('secretary'))!._id
  const bound = new Set(seed.bindings.map((b) => b.memberId))
  const upcoming = seed.lectures.find(
    (l) =>
      l.status === 'published' &&
      l.startAt > now &&
      l.hostPath[1] !== 'org-lixia' &&
      l._id !== INVITATION.lectureId &&
      seed.members.some((m) => m.branchId === l.hostOrgId && m.roles.includes('secretary') && bound.has(m._id)),
  )!
  const host = secretaryOf(upcoming.hostOrgId)
  const mine = async (who: string) =>
    (await ok<{ items: InvitationView[] }>('invitations', { box: 'mine' }, as(who))).items
  const pendingOnMe = async (who: string) =>
    (await caller(member).ok<Me>('me', {}, as(who))).member?.invitationsPending ?? 0

  it('shows the seeded pending invitation on the lecturer’s 我的, counted without an extra read', async () => {
    expect((await mine(WU)).map((i) => [i.id, i.status])).toEqual([[INVITATION._id, 'pending']])
    expect(await pendingOnMe(WU)).toBe(1)
    expect(await callsOf(cloud, () => caller(member).ok('me', {}, as(WU)))).toBe(2)
  })

  it('refuses inviting a removed lecturer, or by someone who does not manage the lecture, writing nothing', async () => {
    await refusedWritingNothing(
      call('invite', { lectureId: upcoming._id, lecturerId: 'lp-demo-12' }, as(host)),
      'LECTURER_REMOVED',
    )
    await refusedWritingNothing(call('invite', { lectureId: upcoming._id, lecturerId: `m:${WU}` }, as(LU)), 'FORBIDDEN')
  })

  it('refuses answering someone else’s invitation, writing nothing', async () => {
    await refusedWritingNothing(call('answer', { id: INVITATION._id, decision: 'accept' }, as(LU)), 'FORBIDDEN')
    await refusedWritingNothing(
      call('answer', { id: INVITATION._id, decision: 'decline' }, as(WU)),
      'INVALID_INPUT', // a reason is needed
    )
    await refusedWritingNothing(
      call('record', { id: INVITATION._id, decision: 'accept' }, as(INVITATION.by)),
      'INVALID_STATE',
    )
  })

  it('the bound lecturer declines with a reason, once; the count goes back to 0', async () => {
    const declined = await ok<InvitationView>(
      'answer',
      { id: INVITATION._id, decision: 'decline', reason: '那天在外学习' },
      as(WU),
    )
    expect(declined).toMatchObject({ status: 'declined', reason: '那天在外学习' })
    await refusedWritingNothing(call('answer', { id: INVITATION._id, decision: 'accept' }, as(WU)), 'INVALID_STATE')
    expect(await pendingOnMe(WU)).toBe(0)
  })

  it('a secretary invites a member lecturer of another node once (a retry stores one); they accept', async () => {
    const invite = () => ok<InvitationView>('invite', { lectureId: upcoming._id, lecturerId: `m:${WU}` }, as(host))
    let a = undefined as unknown as InvitationView
    // the binding, the lecture and the profile, the invitation added, the lecturer's count
    expect(await callsOf(cloud, async () => (a = await invite()))).toBe(5)
    const b = await ok<InvitationView>('invite', { lectureId: upcoming._id, lecturerId: `m:${WU}` }, as(host))
    expect(b.id).toBe(a.id)
    expect(await pendingOnMe(WU)).toBe(1)
    const sent = await ok<{ items: InvitationView[] }>(
      'invitations',
      { box: 'sent', orgId: upcoming.hostOrgId },
      as(host),
    )
    expect(sent.items.map((i) => i.id)).toEqual([a.id])
    // the binding, the invitation, the conditional update, the binding's count, the profile, the lecture's update
    const accept = () => ok('answer', { id: a.id, decision: 'accept' }, as(WU))
    expect(await callsOf(cloud, async () => expect(await accept()).toMatchObject({ status: 'accepted' }))).toBe(6)
    expect(await pendingOnMe(WU)).toBe(0)
    const wu = seed.lecturers.find((p) => p._id === `m:${WU}`)!
    expect(lectureOf(upcoming._id)).toMatchObject({
      lecturer: { name: wu.name, title: wu.title, memberId: WU, profileId: wu._id },
      speakerRole: wu.speakerRole,
    })
    // A retried acceptance changes nothing more and counts nothing twice.
    expect(await accept()).toMatchObject({ status: 'accepted' })
    expect(await pendingOnMe(WU)).toBe(0)
    expect(await call('invitations', { box: 'sent', orgId: upcoming.hostOrgId }, as(LU))).toMatchObject({
      code: 'FORBIDDEN',
    })
  })

  it('for an outsider the inviting secretary records the answer; another node cannot', async () => {
    const inv = await ok<InvitationView>('invite', { lectureId: upcoming._id, lecturerId: 'lp-demo-13' }, as(host))
    await refusedWritingNothing(call('answer', { id: inv.id, decision: 'accept' }, as(host)), 'FORBIDDEN')
    await refusedWritingNothing(call('record', { id: inv.id, decision: 'accept' }, as(LIXIA_ADMIN)), 'FORBIDDEN')
    const done = await ok<InvitationView>('record', { id: inv.id, decision: 'accept' }, as(host))
    expect(done).toMatchObject({ status: 'accepted', recordedBy: host })
    const expert = stored('lp-demo-13')!
    // Replaced whole: the former lecturer's member id and title go (the expert is no member, has no title now).
    expect(expert.title).toBe('')
    expect(lectureOf(upcoming._id).lecturer).toEqual({ name: expert.name, profileId: expert._id })
    expect(lectureOf(upcoming._id).speakerRole).toBe(expert.speakerRole)
  })

  it('a withdrawn or declined invitation names nobody; a lecture cancelled meanwhile keeps its lecturer', async () => {
    const before = lectureOf(upcoming._id)
    const invite = (lecturerId: string) =>
      ok<InvitationView>('invite', { lectureId: upcoming._id, lecturerId }, as(host))
    const [one, two, three] = [await invite('lp-demo-11'), await invite('lp-demo-9'), await invite('lp-demo-10')]
    await ok('record', { id: one.id, decision: 'withdraw' }, as(host))
    await ok('record', { id: two.id, decision: 'decline', reason: '时间冲突' }, as(host))
    expect(lectureOf(upcoming._id)).toEqual(before)
    await cloud.db.collection('lectures').doc(upcoming._id).update({ status: 'cancelled' })
    expect(await ok('record', { id: three.id, decision: 'accept' }, as(host))).toMatchObject({ status: 'accepted' })
    expect(lectureOf(upcoming._id).lecturer).toEqual(before.lecturer)
  })
})

function lectureForm(hostOrgId: string, lecturer: LectureInput['lecturer']): LectureInput {
  const start = new Date(now.getTime() + 3 * 24 * 3600_000)
  const iso = (t: number) => new Date(t).toISOString()
  return {
    title: '师资库主讲的党课',
    theme: 'standard',
    lecturer,
    speakerRole: 'secretary',
    hostOrgId,
    venue: { address: '党群服务中心' },
    startAt: iso(start.getTime()),
    endAt: iso(start.getTime() + 3600_000),
    signupDeadline: iso(start.getTime()),
    capacity: 30,
  }
}

describe('lecture.save with a pool lecturer', () => {
  it('stores a picked profile, and refuses a removed one writing nothing', async () => {
    const wu = WU
    const form = lectureForm('br-lixia-qfs-jg', { name: '吴思英', memberId: wu, profileId: `m:${wu}` })
    const saved = caller(lecture)
    const { id } = await saved.ok<{ id: string }>('save', { lecture: form }, as(wu))
    const doc = cloud.emulator.store.getById('lectures', id)?.doc as unknown as LectureDoc
    expect(doc.lecturer).toEqual({ name: '吴思英', memberId: wu, profileId: `m:${wu}` })
    const removed = lectureForm('br-lixia-qfs-jg', { name: '石立梅', profileId: 'lp-demo-12' })
    await refusedWritingNothing(saved.call('save', { lecture: removed }, as(wu)), 'LECTURER_REMOVED')
  })

  it('refuses a profile that is not the lecturer the form names, writing nothing', async () => {
    const saved = caller(lecture)
    const expert = seed.lecturers.find((p) => p._id === 'lp-demo-13')!
    expect(expert.memberId).toBeUndefined()
    const forms = [
      { name: '吴思英', memberId: LU, profileId: `m:${WU}` }, // another member under WU's profile
      { name: '吴思英', profileId: `m:${WU}` }, // a member's profile as an outsider
      { name: expert.name, memberId: WU, profileId: expert._id }, // an outsider's profile for a member
      { name: '别人', profileId: expert._id }, // another name
    ]
    for (const named of forms) {
      const reply = saved.call('save', { lecture: lectureForm('br-lixia-qfs-jg', named) }, as(WU))
      await refusedWritingNothing(reply, 'INVALID_INPUT')
    }
    const { id } = await saved.ok<{ id: string }>(
      'save',
      { lecture: lectureForm('br-lixia-qfs-jg', { name: expert.name, profileId: expert._id }) },
      as(WU),
    )
    const kept = cloud.emulator.store.getById('lectures', id)?.doc as unknown as LectureDoc
    expect(kept.lecturer).toEqual({ name: expert.name, profileId: expert._id })
    const renamed = lectureForm('br-lixia-qfs-jg', { name: '别人', profileId: expert._id })
    await refusedWritingNothing(saved.call('save', { id, lecture: renamed }, as(WU)), 'INVALID_INPUT')
  })
})
