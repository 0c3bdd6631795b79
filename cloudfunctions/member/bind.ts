/**
 * member.bind: a WeChat identity takes a member of the roster, by invite code or by name + phone. One
 * identity per member and one member per identity: the bindings collection is keyed by openid and has a
 * unique index on memberId, so of two phones binding the same member at once exactly one wins.
 */
import type { Me, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { MemberDoc } from '../../src/shared/model'
import { actorOf, bindingFor, findActor } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { isDuplicateWrite } from '../_shared/cloud'
import { countAttempt } from './attempts'
import { describeMember, orgsOf } from './me'

type BindInput = ParsedInput<'member', 'bind'>

/**
 * Database calls: 6 when it binds (binding + member lookup at once, the attempt, count + orgs at once, the
 * binding), 4 for a wrong code, 2 for an identity already bound.
 */
export async function bind(input: BindInput, ctx: HandlerContext): Promise<Me> {
  const { db, now, openid } = ctx
  if (!openid) throw new AppError('NOT_SIGNED_IN')
  const [already, found] = await Promise.all([findActor(ctx), findMembers(db, input)])
  if (already) throw new AppError('ALREADY_BOUND')
  const match = found.length === 1 ? found[0] : undefined

  const orgs = await countAttempt({ ...ctx, openid }, input.method, '请10分钟后再试，或向支部书记要邀请码', async () =>
    match ? orgsOf(db, { branchId: match.branchId, roles: match.roles, adminOrgId: match.adminOrgId }) : [],
  )
  if (!match) throw new AppError('NO_MATCH')

  const branch = orgs.find((o) => o._id === match.branchId)
  if (!branch) throw new Error(`member ${match._id}: branch ${match.branchId} not found`)
  if (branch.closedAt) throw new AppError('NODE_CLOSED')
  const binding = bindingFor(openid, match, branch, now)
  try {
    await db.collection('bindings').add(binding)
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err
    // Which key was taken: this identity (bound meanwhile, e.g. a double tap) or the member (by someone else).
    const mine = await findActor(ctx)
    if (mine?.memberId === match._id) return describeMember(mine, orgs)
    throw new AppError(mine ? 'ALREADY_BOUND' : 'MEMBER_TAKEN')
  }
  return describeMember(actorOf(binding), orgs)
}

/**
 * The roster entries the input points at (more than one is no match: it must be exactly one). A member who
 * left the rolls (退出党员名册) is no match: their code and phone no longer bind.
 */
async function findMembers(db: Database, input: BindInput): Promise<MemberDoc[]> {
  const query = input.method === 'invite' ? { inviteCode: input.code } : { phone: input.phone, name: input.name }
  const res = await db
    .collection('members')
    .where({ ...query, status: db.command.neq('inactive') })
    .limit(2)
    .get()
  return res.data as MemberDoc[]
}
