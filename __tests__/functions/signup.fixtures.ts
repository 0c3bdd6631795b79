/** Shared by the signup function tests: callers, test lectures and members, and direct looks at the store. */
import { bindingFor } from '../../cloudfunctions/_shared/actor'
import { main } from '../../cloudfunctions/signup/main'
import { buildSeed } from '../../scripts/seed/data'
import type { LectureDoc, MemberDoc, OrgDoc, SignupDoc } from '../../src/shared/model'
import { caller } from '../support/caller'
import type { TestCloud } from '../support/emulator'

export const now = new Date()
export const seed = buildSeed(now)
const HOUR = 3600_000
export const inHours = (h: number) => new Date(now.getTime() + h * HOUR)

/** Calls of the function as a given WeChat identity. */
export const { call, ok } = caller(main)

const orgs = new Map(seed.orgs.map((o) => [o._id, o]))
export const org = (id: string): OrgDoc => orgs.get(id)!

/**
 * A published lecture hosted by `hostOrgId`, open for sign-up for a day, starting in two days; its free
 * seats follow the capacity and sign-ups given unless given too.
 */
export function lectureDoc(_id: string, hostOrgId: string, overrides: Partial<LectureDoc> = {}): LectureDoc {
  const host = org(hostOrgId)
  const template = seed.lectures[0]
  const doc: LectureDoc = {
    ...template,
    _id,
    title: `测试党课 ${_id}`,
    hostOrgId,
    hostOrgName: host.name,
    hostPath: host.path,
    coHostOrgIds: [],
    openToAll: false,
    startAt: inHours(48),
    endAt: inHours(50),
    signupDeadline: inHours(24),
    capacity: 10,
    signedUp: 0,
    waiting: 0,
    tickets: 0,
    approvalRequired: false,
    cancelPolicy: 'untilDeadline',
    status: 'published',
    ...overrides,
  }
  return { ...doc, seatsFree: overrides.seatsFree ?? Math.max(0, doc.capacity - doc.signedUp) }
}

export async function addLecture(
  cloud: TestCloud,
  _id: string,
  hostOrgId: string,
  overrides: Partial<LectureDoc> = {},
): Promise<LectureDoc> {
  const doc = lectureDoc(_id, hostOrgId, overrides)
  await cloud.db.collection('lectures').add(doc)
  return doc
}

/** The stored lecture, read past the SDK. */
export function storedLecture(cloud: TestCloud, id: string): LectureDoc {
  return cloud.emulator.store.scan('lectures', { _id: id })[0].doc as unknown as LectureDoc
}

/** The lecture's sign-ups, by ticket. */
export function storedSignups(cloud: TestCloud, lectureId: string): SignupDoc[] {
  return (cloud.emulator.store.scan('signups', { lectureId }).map((r) => r.doc) as unknown as SignupDoc[]).sort(
    (a, b) => a.ticket - b.ticket,
  )
}

/** The counters agree with the documents (free seats too), and no seat stands empty while someone waits. */
export function expectConsistent(cloud: TestCloud, lectureId: string): void {
  const l = storedLecture(cloud, lectureId)
  const docs = storedSignups(cloud, lectureId)
  const confirmed = docs.filter((d) => d.status === 'confirmed').length
  const waitlisted = docs.filter((d) => d.status === 'waitlisted').length
  expect({ signedUp: l.signedUp, seatsFree: l.seatsFree, waiting: l.waiting }).toEqual({
    signedUp: confirmed,
    seatsFree: l.capacity - confirmed,
    waiting: waitlisted,
  })
  expect(l.signedUp).toBeLessThanOrEqual(l.capacity)
  if (l.waiting > 0) expect(l.signedUp).toBe(l.capacity)
}

/** `n` extra bound members of a branch, straight into the database; answers their openids. */
export async function addBoundMembers(
  cloud: TestCloud,
  prefix: string,
  n: number,
  branchId: string,
): Promise<string[]> {
  const branch = org(branchId)
  const members: MemberDoc[] = Array.from({ length: n }, (_, i) => {
    const k = String(i + 1).padStart(4, '0')
    return {
      _id: `${prefix}-m-${k}`,
      name: `测试${prefix}${k}`,
      phone: `199${prefix.length}${k}`.padEnd(11, '0'),
      branchId,
      roles: ['member'],
      inviteCode: `${prefix}-${k}`,
    }
  })
  const bindings = members.map((m) => bindingFor(`${prefix}-${m._id}`, m, branch, now))
  for (let i = 0; i < n; i += 100) {
    await cloud.db.collection('members').add(members.slice(i, i + 100))
    await cloud.db.collection('bindings').add(bindings.slice(i, i + 100))
  }
  return bindings.map((b) => b._id)
}
