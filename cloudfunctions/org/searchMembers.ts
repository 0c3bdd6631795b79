/**
 * org.searchMembers: the active members of the caller's subtree to appoint, found by part of a name, a whole
 * phone or a phone's last four digits; at most 20, by name.
 */
import { maskPhone, memberQuery } from '../../src/shared/appointRules'
import type { MemberHit, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import { escapeRegExp } from '../../src/shared/lectureRules'
import type { MemberDoc, OrgDoc } from '../../src/shared/model'
import { requireActor } from '../_shared/actor'
import { readByIds } from '../_shared/byIds'
import type { Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { loadOrg, nodesBelow } from './nodes'

const MAX_HITS = 20
/** Branch ids per query (a district may have more than a thousand branches). */
const IDS_PER_QUERY = 1000

/**
 * Database calls for the city's administrators: caller, their node, the members, the members' branches (4).
 * For a node below the city: caller, node, the nodes below it (one per thousand), the members (one per
 * thousand nodes, until 20 are found).
 */
export async function searchMembers({ q }: ParsedInput<'org', 'searchMembers'>, ctx: HandlerContext) {
  const { db } = ctx
  const actor = await requireActor(ctx)
  const rootId = actor.roles.includes('admin') ? actor.adminOrgId : undefined
  if (!rootId) throw new AppError('FORBIDDEN', '只有管理员可以查找党员')
  const root = await loadOrg(db, rootId)
  const matching = [{ status: db.command.neq('inactive') }, textCondition(db, q)]

  let members: MemberDoc[]
  let homes: OrgDoc[]
  if (root.parentId === null) {
    // The whole city: no condition on the branch, whose names are read for the members found.
    members = await find(db, matching)
    homes = await readByIds<OrgDoc>(db, 'orgs', [...new Set(members.map((m) => m.branchId))], { name: true })
  } else {
    homes = [root, ...(await nodesBelow(db, rootId))]
    members = []
    for (let i = 0; i < homes.length && members.length < MAX_HITS; i += IDS_PER_QUERY) {
      const ids = homes.slice(i, i + IDS_PER_QUERY).map((h) => h._id)
      members.push(...(await find(db, [...matching, { branchId: db.command.in(ids) }])))
    }
  }
  const names = new Map(homes.map((h) => [h._id, h.name]))
  const hits: MemberHit[] = members
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN') || a._id.localeCompare(b._id))
    .slice(0, MAX_HITS)
    .map((m) => ({
      id: m._id,
      name: m.name,
      phone: maskPhone(m.phone),
      branchId: m.branchId,
      branchName: names.get(m.branchId) ?? '',
      roles: m.roles,
      outsider: Boolean(m.outsider),
      ...(m.adminOrgId ? { adminOrgId: m.adminOrgId } : {}),
      ...(m.judgeOrgId ? { judgeOrgId: m.judgeOrgId } : {}),
    }))
  return { members: hits }
}

function textCondition(db: Database, q: string): object {
  const query = memberQuery(q)
  switch (query.by) {
    case 'phone':
      return { phone: query.phone }
    case 'phoneEnd':
      return { phone: db.RegExp({ regexp: `${query.digits}$` }) }
    case 'name':
      return { name: db.RegExp({ regexp: escapeRegExp(query.text) }) }
  }
}

async function find(db: Database, conditions: object[]): Promise<MemberDoc[]> {
  const res = await db
    .collection('members')
    .where(db.command.and(conditions))
    .field({ name: true, phone: true, branchId: true, roles: true, outsider: true, adminOrgId: true, judgeOrgId: true })
    .orderBy('name', 'asc')
    .limit(MAX_HITS)
    .get()
  return res.data as MemberDoc[]
}
