/**
 * The organisation tree at a city's size: the demo city's Excel (scripts/demo-city-tree.ts: 5,815 nodes, 5,000
 * branches) imported under a fresh root as the page does it (the file into storage under orgtrees/, its id to
 * org.importTree), then imported again (all unchanged), then a street moved to another district (the pages of
 * its job). Database calls and time of each.
 */
import { randomBytes } from 'crypto'
import tcb from '@cloudbase/node-sdk'
import type { OrgJobView, TreeImportReport } from '../../src/shared/contract'
import { uploadPath } from '../../src/shared/files'
import type { BindingDoc, MemberDoc, OrgDoc } from '../../src/shared/model'
import { demoCityTreeXlsx } from '../demo-city-tree'
import type { Bench } from './harness'

const ROOT: OrgDoc = { _id: 'bench-city', name: '济南市', kind: 'city', parentId: null, path: [] }
const ADMIN = 'bench-tree-admin'

export async function treeBench(b: Bench): Promise<void> {
  const { emulator, rows } = b
  const admin: MemberDoc = {
    _id: ADMIN,
    name: '树管理员',
    phone: '10900000000',
    branchId: ROOT._id,
    roles: ['member', 'admin'],
    inviteCode: '~TREE0',
    adminOrgId: ROOT._id,
    outsider: true,
  }
  const binding: BindingDoc = {
    _id: `${ADMIN}-wx`,
    memberId: ADMIN,
    boundAt: new Date(),
    name: admin.name,
    branchId: ROOT._id,
    path: [ROOT._id],
    roles: admin.roles,
    adminOrgId: ROOT._id,
  }
  emulator.store.insertMany('orgs', [ROOT] as never)
  emulator.store.insertMany('members', [admin] as never)
  emulator.store.insertMany('bindings', [binding] as never)
  const cookie = await b.signIn(binding._id)
  const app = tcb.init({ env: 'local-dev', serviceUrl: emulator.adminUrl, keepalive: false })
  const bytes = await demoCityTreeXlsx()
  const org = async <T>(action: string, payload: unknown) =>
    (await b.callAs(cookie, 'org', { action, payload })).data as T
  const importOnce = async () => {
    const cloudPath = uploadPath('orgTree', 'demo-city.xlsx', randomBytes(16))!
    const { fileID } = await app.uploadFile({ cloudPath, fileContent: bytes })
    let report: TreeImportReport | undefined
    const t0 = performance.now()
    const calls = await b.callsOf(async () => {
      report = await org<TreeImportReport>('importTree', { rootId: ROOT._id, fileId: fileID })
    })
    return { report: report!, calls, ms: performance.now() - t0 }
  }
  const first = await importOnce()
  const what = `org.importTree, the demo city (${(bytes.length / 1024).toFixed(0)} KB, 5,815 rows)`
  rows.push([`${what}: nodes created`, String(first.report.created), '5815'])
  rows.push([`${what}: database + storage calls`, String(first.calls), ''])
  rows.push([`${what}: ms`, first.ms.toFixed(0), '≤ 20000'])
  const again = await importOnce()
  rows.push([`${what} again (all unchanged): calls`, String(again.calls), ''])
  rows.push([`${what} again: ms / unchanged`, `${again.ms.toFixed(0)} / ${again.report.unchanged}`, ''])

  // A street (3 community committees of 7 branches, 4 branches of its own: 26 nodes) to another district.
  const nodes = emulator.store.scan('orgs', {}).map((r) => r.doc as unknown as OrgDoc)
  const street = nodes.find((o) => o.name === '解放路街道' && o.path[0] === ROOT._id)!
  const district = nodes.find((o) => o.name === '市中区' && o.path[0] === ROOT._id)!
  let job: OrgJobView | undefined
  const t0 = performance.now()
  const calls = await b.callsOf(async () => {
    job = await org<OrgJobView>('move', { id: street._id, parentId: district._id })
  })
  rows.push([`org.move of a street (${job!.total} nodes), first page: calls`, String(calls), ''])
  rows.push([
    `org.move of a street, first page: ms / nodes done`,
    `${(performance.now() - t0).toFixed(0)} / ${job!.done}`,
    '',
  ])
  let pages = 1
  while (!job!.finished) {
    job = await org<OrgJobView>('continueJob', { jobId: job!.jobId })
    pages++
  }
  rows.push(['org.move of a street: pages', String(pages), ''])
}
