/**
 * org.move on the demo city: a street of 50 branches and 2,000 members (300 of them bound, a lecture at each
 * branch) moves from 历下区 to 济阳区, a page of nodes at a time. Every path copy follows (org docs, bindings,
 * lectures' hostPath), and with them rights and visibility; a page cut off and done again changes nothing
 * twice; the hourly timer finishes what a caller left; refusals write nothing.
 */
import { randomBytes } from 'crypto'
import { bindingFor } from '../../cloudfunctions/_shared/actor'
import { runMovePage } from '../../cloudfunctions/_shared/orgJobs'
import { main as lecture } from '../../cloudfunctions/lecture/main'
import { JOBS } from '../../cloudfunctions/maintenance/timer'
import { treeWorkbook } from '../../cloudfunctions/org/exportTree'
import { main } from '../../cloudfunctions/org/main'
import type { LectureSummary, OrgJobView } from '../../src/shared/contract'
import { uploadPath } from '../../src/shared/files'
import type { AuditDoc, BindingDoc, LectureDoc, MemberDoc, OrgDoc, OrgJobDoc } from '../../src/shared/model'
import { caller } from '../support/caller'
import { callsOf, seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'

const now = new Date()
let cloud: TestCloud
const seed = seededCloudForFile(now, (c) => (cloud = c))
const { call, ok } = caller(main)
const lectures = caller(lecture)

const adminOf = (orgId: string) => `demo-${seed.members.find((m) => m.adminOrgId === orgId)!._id}`
const CITY_ADMIN = adminOf('org-jinan')
const OLD_ADMIN = adminOf('org-lixia')
const NEW_ADMIN = adminOf('org-jiyang')

const STREET: OrgDoc = {
  _id: 'mv-street',
  name: '搬迁街道',
  kind: 'street',
  parentId: 'org-lixia',
  path: ['org-jinan', 'org-lixia'],
}
const BRANCHES: OrgDoc[] = Array.from({ length: 50 }, (_, i) => ({
  _id: `mv-br-${String(i).padStart(2, '0')}`,
  name: `搬迁社区第${i + 1}党支部`,
  kind: 'branch',
  parentId: STREET._id,
  path: [...STREET.path, STREET._id],
}))
const PER_BRANCH = 40
const BOUND_PER_BRANCH = 6
const secretaryOf = (b: number) => `wx-mv-${b}-0`

const stored = <T>(coll: string, query: Record<string, unknown> = {}) =>
  cloud.emulator.store.scan(coll, query).map((r) => r.doc as unknown as T)
const snapshot = () => ({ orgs: stored('orgs'), jobs: stored('orgJobs'), audit: stored('audit').length })
/** An Excel tree file as the page uploads it (under orgtrees/), for importTree. */
async function upload(rows: string[][]): Promise<string> {
  const cloudPath = uploadPath('orgTree', '组织架构.xlsx', randomBytes(16))!
  return (await cloud.app.uploadFile({ cloudPath, fileContent: await treeWorkbook(rows, now) })).fileID
}
const inDays = (d: number) => new Date(now.getTime() + d * 86400_000)

beforeAll(async () => {
  await cloud.db.collection('orgs').add([STREET, ...BRANCHES])
  const members: MemberDoc[] = []
  const bindings: BindingDoc[] = []
  BRANCHES.forEach((branch, b) => {
    for (let k = 0; k < PER_BRANCH; k++) {
      const m: MemberDoc = {
        _id: `mv-m-${b}-${k}`,
        name: `搬迁${b}号${k}`,
        phone: `188${String(b * PER_BRANCH + k).padStart(8, '0')}`,
        branchId: branch._id,
        roles: k === 0 ? ['member', 'secretary'] : ['member'],
        inviteCode: `MV${b}X${k}`,
      }
      members.push(m)
      if (k < BOUND_PER_BRANCH) bindings.push(bindingFor(`wx-mv-${b}-${k}`, m, branch, now))
    }
  })
  for (let i = 0; i < members.length; i += 100) await cloud.db.collection('members').add(members.slice(i, i + 100))
  for (let i = 0; i < bindings.length; i += 100) await cloud.db.collection('bindings').add(bindings.slice(i, i + 100))
  const template = seed.lectures[0]
  const at = (_id: string, host: OrgDoc): LectureDoc => ({
    ...template,
    _id,
    hostOrgId: host._id,
    hostOrgName: host.name,
    hostPath: host.path,
    coHostOrgIds: [],
    openToAll: false,
    status: 'published',
    startAt: inDays(5),
    endAt: inDays(5.1),
    signupDeadline: inDays(4),
  })
  const district = (id: string) => seed.orgs.find((o) => o._id === id)!
  await cloud.db
    .collection('lectures')
    .add([
      ...BRANCHES.map((b) => at(`mv-l-${b._id}`, b)),
      at('mv-l-lixia', district('org-lixia')),
      at('mv-l-jiyang', district('org-jiyang')),
    ])
}, 60_000)

const managedIds = async (who: string) =>
  (await lectures.ok<{ items: LectureSummary[] }>('managed', { scope: 'upcoming' }, who)).items.map((l) => l.id)

describe('before the move', () => {
  it('belongs to 历下区: its administrator manages the lectures, members see 历下区’s and not 济阳区’s', async () => {
    expect(await managedIds(OLD_ADMIN)).toContain('mv-l-mv-br-07')
    expect(await managedIds(NEW_ADMIN)).not.toContain('mv-l-mv-br-07')
    expect(await lectures.call('detail', { id: 'mv-l-lixia' }, 'wx-mv-7-3')).toMatchObject({ ok: true })
    expect(await lectures.call('detail', { id: 'mv-l-jiyang' }, 'wx-mv-7-3')).toMatchObject({ code: 'NOT_VISIBLE' })
  })
})

describe('refusals write nothing', () => {
  it('refuses the root, a node under itself, a parent outside the caller’s subtree, a wrong kind', async () => {
    const before = snapshot()
    const refusals = [
      [{ id: 'org-jinan', parentId: 'org-jiyang' }, CITY_ADMIN, 'INVALID_INPUT'],
      [{ id: STREET._id, parentId: 'mv-br-01' }, CITY_ADMIN, 'INVALID_INPUT'],
      [{ id: STREET._id, parentId: STREET._id }, CITY_ADMIN, 'INVALID_INPUT'],
      [{ id: STREET._id, parentId: 'org-jiyang' }, OLD_ADMIN, 'FORBIDDEN'],
      [{ id: STREET._id, parentId: 'org-lixia' }, NEW_ADMIN, 'FORBIDDEN'],
      [{ id: STREET._id, parentId: 'org-jiyang-jiyang' }, CITY_ADMIN, 'INVALID_INPUT'],
      [{ id: STREET._id, parentId: 'org-lixia' }, CITY_ADMIN, 'INVALID_STATE'],
      [{ id: STREET._id, parentId: 'org-jiyang' }, secretaryOf(1), 'FORBIDDEN'],
    ] as const
    for (const [payload, who, code] of refusals) expect(await call('move', payload, who)).toMatchObject({ code })
    expect(snapshot()).toEqual(before)
  })
})

describe('the move, page by page', () => {
  let job: OrgJobView
  let firstPage: OrgJobDoc

  it('records the job and does its first page', async () => {
    const calls = await callsOf(cloud, async () => {
      job = await ok<OrgJobView>('move', { id: STREET._id, parentId: 'org-jiyang' }, CITY_ADMIN)
    })
    expect(job).toMatchObject({ done: 40, total: 51, finished: false })
    // binding, node, parent 3; subtree 1; jobs 1; name 1; lock 1; job 1; audit 1; the page: 2 reads, 3×40 writes, progress 1
    expect(calls).toBe(3 + 1 + 1 + 1 + 1 + 1 + 1 + 2 + 120 + 1)
    expect(stored<OrgDoc>('orgs', { _id: STREET._id })[0]).toMatchObject({
      parentId: 'org-jiyang',
      path: ['org-jinan', 'org-jiyang'],
    })
    expect(stored<AuditDoc>('audit', { action: 'orgMove' })[0]).toMatchObject({
      detail: '“搬迁街道”调整到“济阳区”之下',
    })
    firstPage = stored<OrgJobDoc>('orgJobs', { _id: job.jobId })[0]
  })

  it('refuses another move in the same part of the tree while it runs', async () => {
    const before = snapshot()
    expect(await call('move', { id: 'mv-br-49', parentId: 'org-jiyang-jiyang' }, CITY_ADMIN)).toMatchObject({
      code: 'INVALID_STATE',
    })
    expect(snapshot()).toEqual(before)
  })

  it('does a page cut off before its progress was recorded again, harmlessly, then finishes', async () => {
    // The first page done again from the job as it stood before it (as if the page's last write, its progress, was lost).
    const before: OrgJobDoc = { ...firstPage, pending: [STREET._id, ...BRANCHES.map((b) => b._id)], done: 0 }
    expect(await runMovePage(cloud.db, before, now)).toMatchObject({ pending: firstPage.pending, done: 40 })
    const calls = await callsOf(cloud, async () => {
      job = await ok<OrgJobView>('continueJob', { jobId: job.jobId }, NEW_ADMIN)
    })
    expect(job).toMatchObject({ done: 51, total: 51, finished: true })
    // binding and job 2, node 1, the page: 2 reads, 3×11 writes, progress 1, the lock released 1
    expect(calls).toBe(2 + 1 + 2 + 3 * 11 + 1 + 1)
    expect(await ok<OrgJobView>('continueJob', { jobId: job.jobId }, NEW_ADMIN)).toEqual(job)
    expect(await call('continueJob', { jobId: job.jobId }, OLD_ADMIN)).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('leaves every path copy pointing at the new place', () => {
    const streetPath = ['org-jinan', 'org-jiyang']
    const branchPath = [...streetPath, STREET._id]
    for (const b of BRANCHES) {
      expect(stored<OrgDoc>('orgs', { _id: b._id })[0]).toMatchObject({ parentId: STREET._id, path: branchPath })
      expect(stored<LectureDoc>('lectures', { _id: `mv-l-${b._id}` })[0].hostPath).toEqual(branchPath)
    }
    const bindings = stored<BindingDoc>('bindings').filter((x) => x.branchId.startsWith('mv-br-'))
    expect(bindings).toHaveLength(50 * BOUND_PER_BRANCH)
    for (const x of bindings) expect(x.path).toEqual([...branchPath, x.branchId])
  })
})

describe('after the move', () => {
  it('keeps a moved branch’s secretary managing its lectures', async () => {
    expect(await managedIds(secretaryOf(7))).toEqual(['mv-l-mv-br-07'])
  })

  it('hands the street from the old district’s administrator to the new one’s', async () => {
    expect(await managedIds(OLD_ADMIN)).not.toContain('mv-l-mv-br-07')
    expect(await managedIds(NEW_ADMIN)).toContain('mv-l-mv-br-07')
    expect(await call('children', { parentId: STREET._id }, OLD_ADMIN)).toMatchObject({ code: 'FORBIDDEN' })
    const seen = await ok<{ node: { path: string[] }; ancestors: { id: string }[] }>(
      'children',
      { parentId: STREET._id },
      NEW_ADMIN,
    )
    expect(seen.ancestors.map((a) => a.id)).toEqual(['org-jiyang'])
  })

  it('shows members 济阳区’s lectures now, and no longer 历下区’s', async () => {
    expect(await lectures.call('detail', { id: 'mv-l-jiyang' }, 'wx-mv-7-3')).toMatchObject({ ok: true })
    expect(await lectures.call('detail', { id: 'mv-l-lixia' }, 'wx-mv-7-3')).toMatchObject({ code: 'NOT_VISIBLE' })
  })

  it('is finished by the hourly timer when nobody continues it', async () => {
    const job = await ok<OrgJobView>('move', { id: STREET._id, parentId: 'org-lixia' }, CITY_ADMIN)
    expect(job.finished).toBe(false)
    const result = await JOBS.continueOrgJobs({ db: cloud.db, now, deadline: Infinity })
    expect(result).toMatchObject({ jobs: 1, finished: 1, unfinished: false })
    expect(stored<OrgJobDoc>('orgJobs', { _id: job.jobId })[0]).toMatchObject({
      state: 'finished',
      pending: [],
      done: 51,
    })
    for (const b of BRANCHES) {
      expect(stored<LectureDoc>('lectures', { _id: `mv-l-${b._id}` })[0].hostPath).toEqual([
        'org-jinan',
        'org-lixia',
        STREET._id,
      ])
    }
    expect(await managedIds(OLD_ADMIN)).toContain('mv-l-mv-br-07')
  })
})

describe('moves that meet', () => {
  const fullJob = (over: Partial<OrgJobDoc>): OrgJobDoc => ({
    _id: 'job-meet',
    kind: 'move',
    nodeId: STREET._id,
    fromParentId: 'org-jiyang',
    toParentId: 'org-lixia',
    pending: [STREET._id, ...BRANCHES.map((b) => b._id)],
    done: 0,
    total: 51,
    state: 'running',
    by: 'm',
    startedAt: now,
    updatedAt: now,
    ...over,
  })

  it('lets only one of two moves of the same node started at once begin, and frees the node when it ends', async () => {
    const replies = await Promise.all([
      call('move', { id: STREET._id, parentId: 'org-jiyang' }, CITY_ADMIN),
      call('move', { id: STREET._id, parentId: 'org-licheng' }, CITY_ADMIN),
    ])
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(replies.find((r) => !r.ok)).toMatchObject({ code: 'INVALID_STATE' })
    expect(stored<OrgJobDoc>('orgJobs', { state: 'running' })).toHaveLength(1)
    await JOBS.continueOrgJobs({ db: cloud.db, now, deadline: Infinity })
    expect(stored<OrgDoc>('orgs', { _id: STREET._id })[0].movingJob).toBeUndefined()
  })

  it('never sets a finished job running again from a stale copy of it', async () => {
    const { parentId } = stored<OrgDoc>('orgs', { _id: STREET._id })[0]
    const finished = fullJob({ _id: 'job-stale', toParentId: parentId!, pending: [], done: 51, state: 'finished' })
    await cloud.db.collection('orgJobs').add(finished)
    // The copy the timer read before continueJob finished the job.
    const stale = fullJob({ _id: 'job-stale', toParentId: parentId! })
    expect(await runMovePage(cloud.db, stale, now)).toMatchObject({ state: 'finished', done: 51 })
    expect(stored<OrgJobDoc>('orgJobs', { _id: 'job-stale' })[0]).toMatchObject({ state: 'finished', pending: [] })
  })

  it('skips a waiting node that was moved away from the moved node meanwhile', async () => {
    const away: OrgDoc = { ...BRANCHES[0], _id: 'mv-away', parentId: 'org-jiyang', path: ['org-jinan', 'org-jiyang'] }
    await cloud.db.collection('orgs').add(away)
    await cloud.db.collection('orgJobs').add(fullJob({ pending: ['mv-away'], done: 50 }))
    expect(await runMovePage(cloud.db, fullJob({ pending: ['mv-away'], done: 50 }), now)).toMatchObject({
      state: 'finished',
    })
    expect(stored<OrgDoc>('orgs', { _id: 'mv-away' })[0].path).toEqual(away.path)
  })

  it('stops the timer’s moves at the run’s deadline, after the cheaper jobs', async () => {
    const names = Object.keys(JOBS)
    expect(names.indexOf('removeOldPhones')).toBeLessThan(names.indexOf('continueOrgJobs'))
    await cloud.db.collection('orgJobs').add(fullJob({ _id: 'job-late' }))
    const late = await JOBS.continueOrgJobs({ db: cloud.db, now, deadline: Date.now() - 1 })
    expect(late).toMatchObject({ pages: 0, unfinished: true })
    expect(stored<OrgJobDoc>('orgJobs', { _id: 'job-late' })[0].done).toBe(0)
    await cloud.db.collection('orgJobs').doc('job-late').update({ state: 'finished' })
  })
})

describe('tree edits while a move is under way', () => {
  const STREET_ID = 'org-lixia-jiefanglu'
  const WAITING = 'org-lixia-ssdl'
  const REASON = '这部分组织正在移动，请等移动完成后再试'

  beforeAll(async () => {
    // 解放路街道 moving from 历下区 to 济阳区, its first page done: the street is there, its nodes still wait.
    const below = stored<OrgDoc>('orgs').filter((o) => o.path.includes(STREET_ID))
    await cloud.db
      .collection('orgs')
      .doc(STREET_ID)
      .update({ parentId: 'org-jiyang', path: ['org-jinan', 'org-jiyang'] })
    await cloud.db.collection('orgJobs').add({
      _id: 'job-edits',
      kind: 'move',
      nodeId: STREET_ID,
      fromParentId: 'org-lixia',
      toParentId: 'org-jiyang',
      pending: below.map((o) => o._id),
      done: 1,
      total: below.length + 1,
      state: 'running',
      by: 'm',
      startedAt: now,
      updatedAt: now,
    } satisfies OrgJobDoc)
  })

  it('refuses to add, rename, import or close there, writing nothing', async () => {
    const before = snapshot()
    const refusals = [
      ['add', { parentId: WAITING, name: '新党支部', kind: 'branch' }],
      ['rename', { id: WAITING, name: '新名称社区党委' }],
      ['importTree', { rootId: 'org-lixia', fileId: await upload([['新街道', '街道', '历下区', '']]) }],
      ['close', { id: 'org-lixia' }],
      ['close', { id: 'org-jiyang' }],
    ] as const
    for (const [action, payload] of refusals) {
      expect([action, await call(action, payload, CITY_ADMIN)]).toEqual([
        action,
        expect.objectContaining({ code: 'INVALID_STATE', explanation: REASON }),
      ])
    }
    expect(snapshot()).toEqual(before)
  })

  it('lets the rest of the tree be edited', async () => {
    expect(await call('add', { parentId: 'org-licheng', name: '新街道', kind: 'street' }, CITY_ADMIN)).toMatchObject({
      ok: true,
    })
  })
})
