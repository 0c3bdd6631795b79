/**
 * Shared by the checkin function tests: a small org tree with its people, lectures placed relative to real
 * now (the router stamps `now: new Date()`), calls as a given WeChat identity, and direct looks at the store.
 */
import { bindingFor } from '../../cloudfunctions/_shared/actor'
import { lectureCode } from '../../cloudfunctions/_shared/checkinCodes'
import { main } from '../../cloudfunctions/checkin/main'
import type { ScanLocation } from '../../src/shared/contract'
import type {
  BindingDoc,
  CheckinAttemptDoc,
  CheckinAuditDoc,
  CheckinDoc,
  ExportDoc,
  LectureDoc,
  LedgerEntryDoc,
  MemberDoc,
  OrgDoc,
  Role,
  SignupState,
} from '../../src/shared/model'
import { caller } from '../support/caller'
import { cloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'
import { signupDoc } from '../support/records'

export const MINUTE = 60_000

/** city → district 1 → street → branches 1 and 2; city → district 2 → branch 3. */
export const ORGS: OrgDoc[] = [
  { _id: 'ck-city', name: '测试市', kind: 'city', parentId: null, path: [] },
  { _id: 'ck-d1', name: '一区', kind: 'district', parentId: 'ck-city', path: ['ck-city'] },
  { _id: 'ck-s1', name: '一街道', kind: 'street', parentId: 'ck-d1', path: ['ck-city', 'ck-d1'] },
  { _id: 'ck-b1', name: '一支部', kind: 'branch', parentId: 'ck-s1', path: ['ck-city', 'ck-d1', 'ck-s1'] },
  { _id: 'ck-b2', name: '二支部', kind: 'branch', parentId: 'ck-s1', path: ['ck-city', 'ck-d1', 'ck-s1'] },
  { _id: 'ck-d2', name: '二区', kind: 'district', parentId: 'ck-city', path: ['ck-city'] },
  { _id: 'ck-b3', name: '三支部', kind: 'branch', parentId: 'ck-d2', path: ['ck-city', 'ck-d2'] },
]
const orgOf = (id: string) => ORGS.find((o) => o._id === id)!

export const HOST = 'ck-b1'

/** The people, by openid (`wx-<memberId>`). */
export const SECRETARY = 'wx-sec1'
export const OTHER_SECRETARY = 'wx-sec2'
export const ADMIN_ABOVE = 'wx-adm-s1'
export const ADMIN_ELSEWHERE = 'wx-adm-d2'
export const OUTSIDER = 'wx-out3'
export const LECTURER = 'wx-lect'
export const UNBOUND = 'wx-nobody'

const PEOPLE: { id: string; name: string; branchId: string; roles: Role[]; adminOrgId?: string }[] = [
  { id: 'sec1', name: '王书记', branchId: 'ck-b1', roles: ['member', 'secretary'] },
  { id: 'sec2', name: '李书记', branchId: 'ck-b2', roles: ['member', 'secretary'] },
  { id: 'adm-s1', name: '街道管理员', branchId: 'ck-b2', roles: ['member', 'admin'], adminOrgId: 'ck-s1' },
  { id: 'adm-d2', name: '二区管理员', branchId: 'ck-b3', roles: ['member', 'admin'], adminOrgId: 'ck-d2' },
  { id: 'out3', name: '三支部党员', branchId: 'ck-b3', roles: ['member'] },
  { id: 'lect', name: '张主讲', branchId: 'ck-b1', roles: ['member'] },
]

function memberDoc(id: string, name: string, branchId: string, roles: Role[], n: number): MemberDoc {
  return { _id: id, name, branchId, roles, phone: `1${String(n).padStart(10, '0')}`, inviteCode: `CK${n}` }
}

/** Members and their bindings straight into the database, 100 per write. */
async function addAll(cloud: TestCloud, members: MemberDoc[], now: Date): Promise<void> {
  const bindings = members.map((m) => bindingFor(`wx-${m._id}`, m, orgOf(m.branchId), now))
  for (let i = 0; i < members.length; i += 100) {
    await Promise.all([
      cloud.db.collection('members').add(members.slice(i, i + 100)),
      cloud.db.collection('bindings').add(bindings.slice(i, i + 100)),
    ])
  }
}

export async function seedPeople(cloud: TestCloud): Promise<void> {
  await cloud.db.collection('orgs').add(ORGS)
  const members = PEOPLE.map((p, i) => {
    const m = memberDoc(p.id, p.name, p.branchId, p.roles, 9000 + i)
    if (p.adminOrgId) m.adminOrgId = p.adminOrgId
    return m
  })
  await addAll(cloud, members, new Date())
}

let serial = 0
/** `n` plain members of a branch; answers their openids. */
export async function addMembers(cloud: TestCloud, prefix: string, n: number, branchId = HOST): Promise<string[]> {
  const base = ++serial * 10_000
  const members = Array.from({ length: n }, (_, i) =>
    memberDoc(`${prefix}-${String(i + 1).padStart(4, '0')}`, `党员${prefix}${i + 1}`, branchId, ['member'], base + i),
  )
  await addAll(cloud, members, new Date())
  return members.map((m) => `wx-${m._id}`)
}

export const memberIdOf = (openid: string) => openid.slice(3)

/** The venue: 济南泉城广场, 200 m radius. */
export const VENUE = { lat: 36.6612, lng: 117.0186 }
/** A point `m` metres north of the venue (1° of latitude ≈ 111.2 km). */
export const north = (m: number, accuracy = 10): ScanLocation => ({
  lat: VENUE.lat + m / 111_195,
  lng: VENUE.lng,
  accuracy,
})

/** A published L1 lecture of HOST starting in 10 minutes, an hour long, worth 1.5 hours; check-in is open. */
export function lectureDoc(_id: string, overrides: Partial<LectureDoc> = {}): LectureDoc {
  const now = Date.now()
  const host = orgOf(HOST)
  return {
    _id,
    title: `签到测试 ${_id}`,
    theme: 'standard',
    summary: '',
    lecturer: { name: '张主讲' },
    speakerRole: 'member',
    hostOrgId: HOST,
    hostOrgName: host.name,
    hostPath: host.path,
    coHostOrgIds: [],
    openToAll: false,
    venue: { address: '泉城广场', lat: VENUE.lat, lng: VENUE.lng, radiusM: 200, stops: [] },
    startAt: new Date(now + 10 * MINUTE),
    endAt: new Date(now + 70 * MINUTE),
    signupDeadline: new Date(now),
    capacity: 2000,
    signedUp: 0,
    seatsFree: 2000,
    waiting: 0,
    tickets: 0,
    approvalRequired: false,
    cancelPolicy: 'untilDeadline',
    credit: { hours: 1.5, bucket: 'collective' },
    checkinLevel: 'L1',
    signupRequired: false,
    status: 'published',
    createdAt: new Date(now),
    updatedAt: new Date(now),
    ...overrides,
  }
}

export async function addLecture(cloud: TestCloud, _id: string, overrides: Partial<LectureDoc> = {}) {
  const doc = lectureDoc(_id, overrides)
  await cloud.db.collection('lectures').add(doc)
  return doc
}

/** A confirmed sign-up, straight into the database. */
export async function addSignup(
  cloud: TestCloud,
  lectureId: string,
  openid: string,
  status: SignupState = 'confirmed',
) {
  await cloud.db.collection('signups').add(signupDoc(lectureId, memberIdOf(openid), HOST, status, 1, new Date()))
}

/**
 * For a test file: a test cloud with the people seeded and `n` members of HOST (ids from `prefix`), handed to
 * `started` before the file's tests and stopped after them. Answers those members' openids, filled in then.
 */
export function checkinCloudForFile(prefix: string, n: number, started: (cloud: TestCloud) => void, timeout?: number) {
  const members: string[] = []
  const prepare = async (cloud: TestCloud) => {
    await seedPeople(cloud)
    members.push(...(await addMembers(cloud, prefix, n)))
  }
  cloudForFile(started, prepare, timeout)
  return members
}

/**
 * The same for a file whose tests each take members and lectures of their own: `fresh()` hands out a member no
 * test has used yet (`freshMany(k)`, k of them), `lecture()` adds a new lecture of HOST with ids from `prefix`
 * (the function caches lectures for 10 s, so each test takes its own).
 */
export function checkinFile(prefix: string, n: number, started: (cloud: TestCloud) => void) {
  let cloud: TestCloud
  let lectures = 0
  const members = checkinCloudForFile(prefix, n, (c) => started((cloud = c)))
  return {
    fresh: () => members.shift()!,
    freshMany: (k: number) => members.splice(0, k),
    lecture: (overrides: Partial<LectureDoc> = {}) => addLecture(cloud, `ck-${prefix}${++lectures}`, overrides),
  }
}

/** Calls of the function as a given WeChat identity. */
export const { call, ok } = caller(main)

/** The current code of a lecture, as the secretary's screen shows it (`ago` ms back). */
export const codeOf = (lectureId: string, purpose: 'in' | 'out' = 'in', ago = 0) =>
  lectureCode(lectureId, purpose, Date.now() - ago)

type Stored = {
  checkins: CheckinDoc
  checkinAttempts: CheckinAttemptDoc
  checkinAudit: CheckinAuditDoc
  ledger: LedgerEntryDoc
  bindings: BindingDoc
  lectures: LectureDoc
  exports: ExportDoc
}

/** Documents as stored, read past the SDK. */
export function stored<C extends keyof Stored>(cloud: TestCloud, collection: C, query: object = {}): Stored[C][] {
  return cloud.emulator.store.scan(collection, query as never).map((r) => r.doc as unknown as Stored[C])
}

/** Everything a refused action could have written. */
export const snapshot = (cloud: TestCloud) =>
  JSON.stringify((['checkins', 'checkinAudit', 'ledger', 'lectures', 'bindings'] as const).map((c) => stored(cloud, c)))

export { callsOf } from '../support/cloudForFile'
