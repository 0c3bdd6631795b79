import { actorOf } from '../../cloudfunctions/_shared/actor'
import { topicFits } from '../../src/shared/topicRules'
import { isScene } from '../../cloudfunctions/_shared/miniProgramCode'
import { main as hoursMain } from '../../cloudfunctions/hours/main'
import { main as signupMain } from '../../cloudfunctions/signup/main'
import { buildSeed } from '../../scripts/seed/data'
import { seedDatabase } from '../../scripts/seed/index'
import { setupCity } from '../../scripts/setup-city'
import { TODAY_BRANCH_ID, TODAY_LECTURE_ID } from '../../scripts/seed/today'
import { checkinWindow } from '../../src/shared/checkinRules'
import type { MyHours, MyLectureItem } from '../../src/shared/contract'
import { canSeeLecture, managesRosterOf } from '../../src/shared/rights'
import { hoursYear, sumEntries } from '../../src/shared/studyHours'
import type { LectureDoc } from '../../src/shared/model'
import { THEME_CODES } from '../../src/shared/themes'
import { asCaller } from '../support/caller'
import { startTestCloud } from '../support/emulator'

const NOW = new Date('2026-11-26T02:00:00Z') // 10:00 in Jinan
const seed = buildSeed(NOW)
const orgById = new Map(seed.orgs.map((o) => [o._id, o]))
const minutes = (a: Date, b: Date): number => (b.getTime() - a.getTime()) / 60_000

describe('buildSeed', () => {
  it('is deterministic for the same now', () => {
    expect(buildSeed(new Date(NOW))).toEqual(seed)
  })

  it('has unique ids in every collection', () => {
    for (const docs of [seed.orgs, seed.members, seed.lectures, seed.signups, seed.checkins, seed.ledger]) {
      expect(new Set(docs.map((d) => d._id)).size).toBe(docs.length)
    }
  })

  it('builds a tree whose paths follow the parent ids', () => {
    const roots = seed.orgs.filter((o) => o.parentId === null)
    expect(roots.map((o) => o._id)).toEqual(['org-jinan'])
    for (const o of seed.orgs) {
      if (o.parentId === null) {
        expect(o.path).toEqual([])
        continue
      }
      const parent = orgById.get(o.parentId)
      expect(parent).toBeDefined()
      expect(o.path).toEqual([...parent!.path, parent!._id])
    }
    const branches = seed.orgs.filter((o) => o.kind === 'branch')
    expect(branches.length).toBeGreaterThanOrEqual(40)
    expect(branches.length).toBeLessThanOrEqual(60)
    expect(seed.orgs.filter((o) => o.kind === 'district').map((o) => o.name)).toHaveLength(12)
  })

  it('puts every member in a branch with one secretary each', () => {
    expect(seed.members.length).toBeGreaterThanOrEqual(190)
    for (const m of seed.members) expect(orgById.get(m.branchId)?.kind).toBe('branch')
    for (const b of seed.orgs.filter((o) => o.kind === 'branch')) {
      const own = seed.members.filter((m) => m.branchId === b._id)
      expect(own.length).toBeGreaterThanOrEqual(3)
      expect(own.length).toBeLessThanOrEqual(8)
      expect(own.filter((m) => m.roles.includes('secretary'))).toHaveLength(1)
    }
  })

  it('has administrators of real nodes, one of them for the city, and three judges', () => {
    const admins = seed.members.filter((m) => m.roles.includes('admin'))
    for (const a of admins) {
      const node = orgById.get(a.adminOrgId!)
      expect(node).toBeDefined()
      expect(orgById.get(a.branchId)!.path).toContain(node!._id)
    }
    expect(admins.some((a) => a.adminOrgId === 'org-jinan')).toBe(true)
    expect(seed.members.filter((m) => m.roles.includes('judge'))).toHaveLength(3)
  })

  it('gives every member a unique, readable invite code', () => {
    const codes = seed.members.map((m) => m.inviteCode)
    for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{6}$/)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('copies branch, path and roles into each binding', () => {
    const orgs = new Map(seed.orgs.map((o) => [o._id, o]))
    for (const b of seed.bindings) {
      const m = seed.members.find((x) => x._id === b.memberId)!
      expect(b).toMatchObject({ name: m.name, branchId: m.branchId, roles: m.roles })
      expect(b.path).toEqual([...orgs.get(m.branchId)!.path, m.branchId])
      expect(b.adminOrgId).toBe(m.adminOrgId)
    }
  })

  it('gives unique valid mainland phone numbers', () => {
    const phones = seed.members.map((m) => m.phone)
    for (const p of phones) expect(p).toMatch(/^1[35789]\d{9}$/)
    expect(new Set(phones).size).toBe(phones.length)
  })

  it('binds 170-190 members to unique demo openids and leaves the rest, spread over branches, unbound', () => {
    const bound = new Set(seed.bindings.map((b) => b.memberId))
    expect(bound.size).toBe(seed.bindings.length)
    expect(bound.size).toBeGreaterThanOrEqual(170)
    expect(bound.size).toBeLessThanOrEqual(190)
    expect(new Set(seed.bindings.map((b) => b._id)).size).toBe(seed.bindings.length)
    for (const b of seed.bindings) expect(b._id).toBe('demo-' + b.memberId)
    const unbound = seed.members.filter((m) => !bound.has(m._id))
    expect(new Set(unbound.map((m) => m.branchId)).size).toBeGreaterThanOrEqual(10)
  })
})

describe('seed lectures', () => {
  it('cover every theme in the past (finished) and in the future (published)', () => {
    for (const theme of THEME_CODES) {
      const of = seed.lectures.filter((l) => l.theme === theme)
      expect(of.some((l) => l.status === 'finished' && l.startAt < NOW)).toBe(true)
      expect(of.some((l) => l.status === 'published' && l.startAt > NOW)).toBe(true)
    }
    for (const l of seed.lectures) {
      expect(l.status === 'finished').toBe(l.startAt < NOW)
      expect(minutes(NOW, l.startAt)).toBeGreaterThanOrEqual(-60 * 24 * 60)
      expect(minutes(NOW, l.startAt)).toBeLessThanOrEqual(46 * 24 * 60)
    }
    expect(seed.lectures.filter((l) => l.status === 'draft').length).toBeGreaterThanOrEqual(1)
    expect(seed.lectures.filter((l) => l.status === 'cancelled')).toHaveLength(1)
  })

  it('start at 9:00, 14:30 or 19:00 China time (all but today’s), with the deadline 2 hours before', () => {
    for (const l of seed.lectures.filter((x) => x._id !== TODAY_LECTURE_ID)) {
      const local = new Date(l.startAt.getTime() + 8 * 3600_000)
      expect(['9:0', '14:30', '19:0']).toContain(`${local.getUTCHours()}:${local.getUTCMinutes()}`)
    }
    for (const l of seed.lectures) {
      expect(minutes(l.signupDeadline, l.startAt)).toBe(120)
      expect(l.createdAt <= NOW && l.createdAt <= l.updatedAt && l.updatedAt <= NOW).toBe(true)
    }
  })

  it('copy the host name, and a member lecturer belongs to the host branch', () => {
    const members = new Map(seed.members.map((m) => [m._id, m]))
    for (const l of seed.lectures) {
      const host = orgById.get(l.hostOrgId)
      expect(host && ['branch', 'street'].includes(host.kind)).toBe(true)
      expect(l.hostOrgName).toBe(host!.name)
      for (const id of l.coHostOrgIds) expect(orgById.has(id)).toBe(true)
      if (l.lecturer.memberId) {
        const m = members.get(l.lecturer.memberId)!
        expect(m.branchId).toBe(l.hostOrgId)
        expect(m.name).toBe(l.lecturer.name)
        expect(['secretary', 'committee', 'member']).toContain(l.speakerRole)
      } else {
        expect(l.lecturer.title).toBeTruthy()
        expect(['model', 'expert']).toContain(l.speakerRole)
      }
    }
  })

  it('give walking lectures several stops and L2 check-in', () => {
    const walking = seed.lectures.filter((l) => l.theme === 'walking')
    for (const l of walking) {
      expect(l.venue.stops.length).toBeGreaterThanOrEqual(2)
      expect(l.checkinLevel).toBe('L2')
    }
    for (const l of seed.lectures.filter((x) => x.theme !== 'walking')) expect(l.venue.stops).toEqual([])
  })

  it('credit hours by the default rule', () => {
    for (const l of seed.lectures) {
      const mins = minutes(l.startAt, l.endAt)
      const expected = l.theme === 'micro' ? 0.5 : Math.min(4, Math.floor(mins / 30) * 0.5)
      expect(l.credit).toEqual({ hours: expected, bucket: 'collective' })
      if (l.theme === 'micro') expect(mins >= 5 && mins <= 10).toBe(true)
      else expect(mins >= 60 && mins <= 120).toBe(true)
    }
  })
})

const lectureById = new Map(seed.lectures.map((l) => [l._id, l]))
const memberById = new Map(seed.members.map((m) => [m._id, m]))
const bindingOf = new Map(seed.bindings.map((b) => [b.memberId, b]))
const today = lectureById.get(TODAY_LECTURE_ID)!

describe('today’s lecture (the check-in demo)', () => {
  it('starts about 20 minutes after now, lasts 90 minutes, and check-in is open at seed time', () => {
    expect(minutes(NOW, today.startAt)).toBeGreaterThanOrEqual(20)
    expect(minutes(NOW, today.startAt)).toBeLessThan(25)
    expect(minutes(today.startAt, today.endAt)).toBe(90)
    const { opensAt, closesAt } = checkinWindow(today)
    expect(opensAt <= NOW && NOW < closesAt).toBe(true)
    expect(today).toMatchObject({
      status: 'published',
      checkinLevel: 'L1',
      signupRequired: true,
      hostOrgId: TODAY_BRANCH_ID,
      credit: { hours: 1.5, bucket: 'collective' },
    })
  })

  it('is given by the branch’s bound secretary, with every other bound member of the branch signed up', () => {
    const secretary = memberById.get(today.lecturer.memberId!)!
    expect(secretary.roles).toContain('secretary')
    expect(secretary.branchId).toBe(TODAY_BRANCH_ID)
    expect(bindingOf.get(secretary._id)?._id).toBe(`demo-${secretary._id}`)
    const others = seed.members.filter((m) => m.branchId === TODAY_BRANCH_ID && m !== secretary)
    const signedUp = seed.signups.filter((s) => s.lectureId === TODAY_LECTURE_ID)
    expect(signedUp.map((s) => s.memberId)).toEqual(others.filter((m) => bindingOf.has(m._id)).map((m) => m._id))
    expect(signedUp.length).toBeGreaterThanOrEqual(4)
    for (const s of signedUp) expect(s).toMatchObject({ status: 'confirmed', _id: `${TODAY_LECTURE_ID}:${s.memberId}` })
    expect(seed.checkins.filter((c) => c.lectureId === TODAY_LECTURE_ID)).toEqual([])
  })
})

describe('seed sign-ups, check-ins and hours', () => {
  it('keep each lecture’s counters equal to its confirmed sign-ups, made in ticket order before the deadline', () => {
    for (const l of seed.lectures) {
      const own = seed.signups.filter((s) => s.lectureId === l._id)
      expect([l._id, l.signedUp, l.tickets, l.waiting]).toEqual([l._id, own.length, own.length, 0])
      expect([l._id, l.seatsFree]).toEqual([l._id, l.capacity - own.length])
      expect(own.length).toBeLessThanOrEqual(l.capacity)
      if (own.length) expect(l.signupRequired).toBe(true)
      own.forEach((s, i) => {
        expect(s).toMatchObject({ _id: `${l._id}:${s.memberId}`, status: 'confirmed', ticket: i + 1 })
        expect(s.createdAt >= l.createdAt && s.createdAt < l.signupDeadline).toBe(true)
        if (i) expect(s.createdAt >= own[i - 1].createdAt).toBe(true)
      })
    }
  })

  it('sign up and check in only bound members who may see the lecture (and not its lecturer)', () => {
    for (const doc of [...seed.signups, ...seed.checkins]) {
      const l = lectureById.get(doc.lectureId)!
      const m = memberById.get(doc.memberId)!
      const binding = bindingOf.get(doc.memberId)
      expect(binding).toBeDefined()
      expect(canSeeLecture(actorOf(binding!), l)).toBe(true)
      expect(doc).toMatchObject({ memberName: m.name, branchId: m.branchId })
      expect(doc.memberId).not.toBe(l.lecturer.memberId)
    }
    expect(seed.checkins.length).toBeGreaterThanOrEqual(50)
  })

  it('check in at finished lectures inside the window, signed up where required, near the venue at L2', () => {
    const signups = new Set(seed.signups.map((s) => s._id))
    for (const c of seed.checkins) {
      const l = lectureById.get(c.lectureId)!
      expect(l.status).toBe('finished')
      expect(c).toMatchObject({ _id: `${l._id}:${c.memberId}`, status: 'in', round: 1, method: 'qr' })
      expect(c.hours).toBe(l.credit.hours)
      const { opensAt, closesAt } = checkinWindow(l)
      expect(c.checkedInAt >= opensAt && c.checkedInAt <= closesAt).toBe(true)
      if (l.signupRequired) expect(signups.has(c._id)).toBe(true)
      // The distance alone, as checkin.scan keeps it (no coordinates: the 隐私政策).
      if (l.checkinLevel === 'L2') expect(c.location!.distanceM).toBeLessThanOrEqual(l.venue.radiusM)
      if (l.checkinLevel === 'L2') expect(Object.keys(c.location!).sort()).toEqual(['accuracy', 'distanceM'])
    }
  })

  it('credits every check-in once, and every ledger attendance has its check-in', () => {
    const checkins = new Map(seed.checkins.map((c) => [c._id, c]))
    const att = seed.ledger.filter((e) => e.source === 'attendance')
    expect(att.map((e) => e._id).sort()).toEqual(seed.checkins.map((c) => `att:${c._id}:1`).sort())
    for (const e of att) {
      const c = checkins.get(e._id.replace(/^att:(.+):1$/, '$1'))!
      const l = lectureById.get(c.lectureId)!
      expect(e).toEqual({
        _id: `att:${l._id}:${c.memberId}:1`,
        memberId: c.memberId,
        year: hoursYear(c.checkedInAt),
        hours: l.credit.hours,
        bucket: l.credit.bucket,
        source: 'attendance',
        title: l.title,
        lectureId: l._id,
        at: c.checkedInAt,
      })
    }
  })

  it('credits the lecturers who are members, once each finished lecture was closed', () => {
    const lect = seed.ledger.filter((e) => e.source === 'lecturing')
    const given = seed.lectures.filter((l) => l.status === 'finished' && l.lecturer.memberId)
    expect(lect.map((e) => e._id).sort()).toEqual(given.map((l) => `lect:${l._id}:${l.lecturer.memberId}`).sort())
    for (const e of lect) {
      const l = lectureById.get(e.lectureId!)!
      expect(l.finishedAt! >= l.endAt && l.finishedAt! <= NOW).toBe(true)
      expect(e).toMatchObject({ memberId: l.lecturer.memberId, hours: l.credit.hours, bucket: 'lecturing' })
      expect(e).toMatchObject({ title: l.title, at: l.finishedAt, year: hoursYear(l.finishedAt!) })
    }
    for (const l of seed.lectures) expect(l.finishedAt !== undefined).toBe(l.status === 'finished')
  })

  it('has hours of last year, entered with a reason by someone who may adjust them, for today’s branch too', () => {
    const adjustments = seed.ledger.filter((e) => e.source === 'adjustment')
    expect(adjustments.length).toBeGreaterThanOrEqual(30)
    for (const e of adjustments) {
      const m = memberById.get(e.memberId)!
      const byBinding = bindingOf.get(e.by!)!
      const branch = orgById.get(m.branchId)!
      expect(e.year).toBe(hoursYear(NOW) - 1)
      expect(hoursYear(e.at)).toBe(e.year)
      expect(e.reason).toBeTruthy()
      expect(managesRosterOf(actorOf(byBinding), { id: branch._id, ancestors: branch.path })).toBe(true)
    }
    for (const b of seed.bindings.filter((x) => x.branchId === TODAY_BRANCH_ID)) {
      expect(adjustments.some((e) => e.memberId === b.memberId)).toBe(true)
    }
    for (const e of seed.ledger) {
      expect(Number.isInteger(e.hours * 2) && e.hours > 0).toBe(true)
      expect(memberById.has(e.memberId)).toBe(true)
    }
  })
})

describe('the year’s key topics (点题)', () => {
  it('has the source document’s topics published, and ties lectures only where the server would', () => {
    const titles = seed.topics.filter((t) => t.status === 'published').map((t) => t.title)
    expect(titles).toEqual(expect.arrayContaining(['大党学习的力量', '新时代党员家风建设', '农村电商助力乡村振兴']))
    const tied = seed.lectures.filter((l) => l.topicId)
    expect(tied.length).toBeGreaterThanOrEqual(5)
    for (const l of tied) {
      const topic = seed.topics.find((t) => t._id === l.topicId)!
      expect(l.topicTitle).toBe(topic.title)
      expect(topicFits(topic, { path: [...l.hostPath, l.hostOrgId], at: l.startAt })).toBe(true)
    }
  })
})

describe('seedDatabase', () => {
  it('fills an empty database through the SDK, and only once', async () => {
    const cloud = await startTestCloud()
    try {
      const first = await seedDatabase(cloud.db, NOW)
      expect(first).toEqual({
        seeded: true,
        counts: {
          orgs: seed.orgs.length,
          members: seed.members.length,
          bindings: seed.bindings.length,
          lectures: seed.lectures.length,
          signups: seed.signups.length,
          checkins: seed.checkins.length,
          ledger: seed.ledger.length,
          ratings: seed.ratings.length,
          topics: seed.topics.length,
          lecturers: seed.lecturers.length,
          invitations: seed.invitations.length,
        },
      })
      const stored = cloud.emulator.store.scan('members', {}).map((r) => r.doc)
      expect(stored.sort((a, b) => String(a._id).localeCompare(String(b._id)))).toEqual(seed.members)
      const lecture = cloud.emulator.store.getById('lectures', seed.lectures[0]._id)?.doc
      expect(lecture?.startAt).toEqual(seed.lectures[0].startAt)
      expect(cloud.emulator.store.getById('ledger', seed.ledger[0]._id)?.doc).toEqual(seed.ledger[0])
      expect(await seedDatabase(cloud.db, NOW)).toEqual({ seeded: false, counts: {} })
      expect(cloud.emulator.store.scan('orgs', {})).toHaveLength(seed.orgs.length)

      // Data kept from before lectures counted their free seats: a start adds them.
      const { seatsFree, ...old } = seed.lectures[1]
      void seatsFree
      await cloud.db.collection('lectures').add({ ...old, _id: 'lec-old', capacity: 30, signedUp: 12 })
      await seedDatabase(cloud.db, NOW)
      expect(cloud.emulator.store.getById('lectures', 'lec-old')?.doc).toMatchObject({ signedUp: 12, seatsFree: 18 })

      // Two days later the lecture of today has ended: a start adds that day's one, once.
      const later = new Date(NOW.getTime() + 2 * 24 * 3600_000)
      const audience = seed.signups.filter((x) => x.lectureId === TODAY_LECTURE_ID).length
      expect(await seedDatabase(cloud.db, later)).toEqual({ seeded: false, counts: { lectures: 1, signups: audience } })
      expect(await seedDatabase(cloud.db, later)).toEqual({ seeded: false, counts: {} })
      const added = cloud.emulator.store
        .scan('lectures', {})
        .filter((r) => String(r.id).startsWith(`${TODAY_LECTURE_ID}-`))
      expect(added).toHaveLength(1)
      // Every seeded lecture, today's added one too, can be a mini-program code's scene.
      expect(cloud.emulator.store.scan('lectures', {}).filter((r) => !isScene(String(r.id)))).toEqual([])
      expect(checkinWindow(added[0].doc as unknown as LectureDoc).opensAt.getTime()).toBeLessThanOrEqual(
        later.getTime(),
      )
    } finally {
      await cloud.stop()
    }
  })

  it('adds nothing to a live city (no demo lecture of today in it): a later start of a folder set up empty', async () => {
    const cloud = await startTestCloud()
    try {
      await setupCity(cloud.db, { name: '济南市', now: NOW })
      const later = new Date(NOW.getTime() + 2 * 24 * 3600_000)
      expect(await seedDatabase(cloud.db, later)).toEqual({ seeded: false, counts: {} })
      expect(cloud.emulator.store.scan('lectures', {})).toEqual([])
    } finally {
      await cloud.stop()
    }
  })

  it('gives the demo member of today’s branch their lecture and their hours through the functions', async () => {
    const now = new Date()
    const live = buildSeed(now)
    const cloud = await startTestCloud()
    try {
      await seedDatabase(cloud.db, now)
      const signup = live.signups.find((x) => x.lectureId === TODAY_LECTURE_ID)!
      const openid = `demo-${signup.memberId}`
      const ctx = asCaller(openid)
      const mine = await signupMain({ action: 'mine', payload: { scope: 'upcoming' } }, ctx)
      const items = mine.ok ? (mine.data as { items: MyLectureItem[] }).items : []
      expect(items.find((i) => i.lecture.id === TODAY_LECTURE_ID)).toMatchObject({ status: 'confirmed' })
      const hours = await hoursMain({ action: 'mine', payload: {} }, ctx)
      const year = hoursYear(now)
      const own = live.ledger.filter((e) => e.memberId === signup.memberId)
      expect(hours).toMatchObject({ ok: true, data: { year, ...sumEntries(own.filter((e) => e.year === year)) } })
      expect(hours.ok && (hours.data as MyHours).years.map((y) => y.year)).toEqual([year, year - 1])
    } finally {
      await cloud.stop()
    }
  })
})
