/** member.me: who the caller is, for every page that adapts to it (bound or not, what they manage). */
import type { Me, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { OrgDoc } from '../../src/shared/model'
import { type Actor, managesLecturesOf } from '../../src/shared/rights'
import type { Database } from '../_shared/cloud'
import { findActor } from '../_shared/actor'
import type { HandlerContext } from '../_shared/router'
import { nodeOf } from './data'

/** Two database calls: the caller's binding, then the orgs they belong to and manage. */
export async function me(_input: ParsedInput<'member', 'me'>, ctx: HandlerContext): Promise<Me> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const actor = await findActor(ctx)
  if (!actor) return { bound: false }
  return describeMember(actor, await orgsOf(ctx.db, actor))
}

/**
 * In one read: the member's branch and, for an administrator, their node and the branches below it (the
 * host picker offers those; streets and districts host as the administrator's own node).
 */
export async function orgsOf(db: Database, who: Pick<Actor, 'branchId' | 'roles' | 'adminOrgId'>): Promise<OrgDoc[]> {
  const _ = db.command
  const wanted: object[] = [{ _id: who.branchId }]
  if (who.adminOrgId && who.roles.includes('admin')) {
    wanted.push({ _id: who.adminOrgId }, { kind: 'branch', path: who.adminOrgId })
  }
  const res = await db.collection('orgs').where(_.or(wanted)).limit(1000).get()
  return res.data as OrgDoc[]
}

/** The bound member as pages see them; `orgs` as orgsOf reads them. */
export function describeMember(actor: Actor, orgs: OrgDoc[]): Me {
  const byName = (a: OrgDoc, b: OrgDoc) => a.name.localeCompare(b.name, 'zh-Hans-CN')
  const own = orgs.filter((o) => o._id === actor.branchId)
  const adminNode = orgs.filter((o) => o._id === actor.adminOrgId)
  const below = orgs.filter((o) => o.kind === 'branch' && actor.adminOrgId && o.path.includes(actor.adminOrgId))
  // An officer's own branch first; an administrator's own branch, if below their node, takes its place by name.
  const officer = actor.roles.includes('secretary') || actor.roles.includes('committee')
  const seen = new Set<string>()
  const manages = [...(officer ? own : []), ...adminNode, ...below.sort(byName)]
    .filter((o) => managesLecturesOf(actor, nodeOf(o)) && !seen.has(o._id) && seen.add(o._id))
    .map((o) => ({ id: o._id, name: o.name, kind: o.kind }))
  return {
    bound: true,
    member: {
      id: actor.memberId,
      name: actor.name,
      branchId: actor.branchId,
      branchName: own[0]?.name ?? '',
      roles: actor.roles,
      manages,
    },
  }
}
