/** org.appointments: the administrators and judges at a node the caller administers and below it. */
import type { AppointmentView, ParsedInput } from '../../src/shared/contract'
import type { MemberDoc, OrgDoc } from '../../src/shared/model'
import { APPOINTABLE_KINDS, type AppointRole } from '../../src/shared/rights'
import type { Database } from '../_shared/cloud'
import { boundMemberIds } from '../_shared/members'
import type { HandlerContext } from '../_shared/router'
import { appointmentView } from './appointData'
import { nodesBelow, requireAdministered } from './nodes'

/** Node ids per query: a city has a few hundred nodes above its branches. */
const IDS_PER_QUERY = 500

/**
 * Database calls: caller and node at once, the nodes above the branches below it (one per thousand), the
 * members appointed there (one per 500 nodes), their bindings: 4 for a district.
 */
export async function appointments({ orgId }: ParsedInput<'org', 'appointments'>, ctx: HandlerContext) {
  const { db } = ctx
  const { node } = await requireAdministered(ctx, orgId)
  const nodes = new Map([node, ...(await nodesBelow(db, orgId, APPOINTABLE_KINDS))].map((n) => [n._id, n]))
  const members = await appointedAt(db, [...nodes.keys()])
  const bound = await boundMemberIds(
    db,
    members.map((m) => m._id),
  )
  const rows: { view: AppointmentView; depth: number }[] = []
  const add = (m: MemberDoc, at: OrgDoc | undefined, role: AppointRole) => {
    if (at) rows.push({ view: appointmentView(m, at, role, bound.has(m._id)), depth: at.path.length })
  }
  for (const m of members) {
    add(m, m.adminOrgId ? nodes.get(m.adminOrgId) : undefined, 'admin')
    add(m, m.judgeOrgId ? nodes.get(m.judgeOrgId) : undefined, 'judge')
  }
  // The node's own first, then level by level; within a node administrators before judges, then by name.
  const zh = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN')
  rows.sort(
    (a, b) =>
      a.depth - b.depth ||
      zh(a.view.orgName, b.view.orgName) ||
      a.view.orgId.localeCompare(b.view.orgId) ||
      a.view.role.localeCompare(b.view.role) ||
      zh(a.view.name, b.view.name),
  )
  return { node: { id: node._id, name: node.name, kind: node.kind }, appointments: rows.map((r) => r.view) }
}

/** Active members who administer or judge at one of these nodes. */
async function appointedAt(db: Database, nodeIds: string[]): Promise<MemberDoc[]> {
  const _ = db.command
  const found: MemberDoc[] = []
  for (let i = 0; i < nodeIds.length; i += IDS_PER_QUERY) {
    const ids = nodeIds.slice(i, i + IDS_PER_QUERY)
    const res = await db
      .collection('members')
      .where(_.and([_.or([{ adminOrgId: _.in(ids) }, { judgeOrgId: _.in(ids) }]), { status: _.neq('inactive') }]))
      .limit(1000)
      .get()
    found.push(...(res.data as MemberDoc[]))
  }
  return found
}
