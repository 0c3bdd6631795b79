/** member.me: who the caller is, for every page that adapts to it (bound or not, what they manage). */
import type { Me, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { BindingDoc, OrgDoc } from '../../src/shared/model'
import { type Actor, managesLecturesOf } from '../../src/shared/rights'
import type { Database } from '../_shared/cloud'
import { actorOf } from '../_shared/actor'
import type { HandlerContext } from '../_shared/router'
import { nodeOf } from './data'

/** Two database calls: the caller's binding, then the orgs they belong to and manage. */
export async function me(_input: ParsedInput<'member', 'me'>, ctx: HandlerContext): Promise<Me> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const res = await ctx.db.collection('bindings').doc(ctx.openid).get()
  const binding = (res.data as BindingDoc[])[0]
  if (!binding) return { bound: false }
  const actor = actorOf(binding)
  const me = describeMember(actor, await orgsOf(ctx.db, actor))
  // Counted on the binding by the lecturer function, so 我的's "讲课邀请 (n)" costs no read of its own.
  if (binding.invitationsPending && me.member) me.member.invitationsPending = binding.invitationsPending
  return me
}

/** The branches below an administrator's node that `me` lists (a city has thousands); pages search for the others. */
export const MANY = 12

/**
 * In one read: the member's branch and, for an administrator, their node and the first MANY + 1 branches below
 * it by name (MANY shown, one more says there are more). The caller's own docs sort first, so that the limit
 * never cuts them; the database sorts by code point, describeMember then by pinyin.
 */
export async function orgsOf(db: Database, who: Pick<Actor, 'branchId' | 'roles' | 'adminOrgId'>): Promise<OrgDoc[]> {
  const _ = db.command
  const own = [who.branchId]
  const wanted: object[] = [{ _id: who.branchId }]
  if (who.adminOrgId && who.roles.includes('admin')) {
    own.push(who.adminOrgId)
    wanted.push({ _id: who.adminOrgId }, { kind: 'branch', path: who.adminOrgId })
  }
  const res = await db
    .collection('orgs')
    .aggregate()
    .match(_.or(wanted))
    .addFields({ own: _.aggregate.in(['$_id', own]) })
    .sort({ own: -1, name: 1 })
    .limit(own.length + MANY + 1)
    .end()
  return ((res as { data?: OrgDoc[] }).data ?? []).map(({ own: _own, ...org }: OrgDoc & { own?: boolean }) => org)
}

/** The bound member as pages see them; `orgs` as orgsOf reads them. */
export function describeMember(actor: Actor, orgs: OrgDoc[]): Me {
  const byName = (a: OrgDoc, b: OrgDoc) => a.name.localeCompare(b.name, 'zh-Hans-CN')
  const own = orgs.filter((o) => o._id === actor.branchId)
  const adminNode = orgs.filter((o) => o._id === actor.adminOrgId)
  const below = orgs
    .filter((o) => o.kind === 'branch' && actor.adminOrgId && o.path.includes(actor.adminOrgId))
    .sort(byName)
  // An officer's own branch first; an administrator's own branch, if below their node, takes its place by name.
  const officer = actor.roles.includes('secretary') || actor.roles.includes('committee')
  const seen = new Set<string>()
  const manages = [...(officer ? own : []), ...adminNode, ...below.slice(0, MANY)]
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
      ...(below.length > MANY && { managesMore: true as const }),
    },
  }
}
