/**
 * member.deactivate: the branch's secretary (or an administrator above it) takes a member off the rolls
 * (退出党员名册): status inactive, the binding removed (signed out; member.bind no longer finds them), history
 * and ledger kept under their name. Not while a transfer waits, nor for an appointed administrator or judge
 * (their appointment is ended first). A conditional update makes a double tap or a transfer started at the same
 * moment land one way. Their sign-ups for lectures not yet begun end, a seat passing to the waitlist: someone who
 * left holds no seat. Database calls: 3 to check, the member, the binding, 2 for the sign-ups (then 2–3 for each
 * one held), the audit entry.
 */
import type { ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { LectureDoc, MemberDoc, SignupDoc } from '../../src/shared/model'
import { mayDeactivate } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import { writeAudit } from '../_shared/audit'
import { readByIds } from '../_shared/byIds'
import type { Database } from '../_shared/cloud'
import { releaseSignup } from '../_shared/seats'
import type { HandlerContext } from '../_shared/router'
import { applied, loadBranch, loadRosterMember, nodeOf } from './data'

export async function deactivate(
  { memberId, reason }: ParsedInput<'member', 'deactivate'>,
  ctx: HandlerContext,
): Promise<{ memberId: string }> {
  const { db, now } = ctx
  const [actor, member] = await Promise.all([requireActor(ctx), loadRosterMember(db, memberId)])
  const branch = await loadBranch(db, member.branchId)
  if (!mayDeactivate(actor, { id: member._id, branch: nodeOf(branch) })) throw new AppError('FORBIDDEN')
  if (member.status === 'inactive') {
    // Off the rolls already: if that request was cut off after its first write, the binding (where rights are
    // read) may still stand. Finish it (both steps repeat harmlessly), then say so.
    await endMembership(db, memberId, now)
    throw new AppError('MEMBER_INACTIVE')
  }
  refuseIfHeld(member)
  if (member.roles.includes('admin') || member.roles.includes('judge')) {
    throw new AppError('INVALID_STATE', '这位党员还担任管理员或评审专家，请先撤下任命')
  }
  const _ = db.command
  const res = await db
    .collection('members')
    .where({ _id: memberId, status: _.neq('inactive'), pendingTransferId: _.exists(false) })
    .update({ status: 'inactive', deactivatedAt: now, deactivatedReason: reason })
  if (!applied(res)) {
    refuseIfHeld((await db.collection('members').doc(memberId).get()).data[0] as MemberDoc)
    throw new AppError('INVALID_STATE')
  }
  await endMembership(db, memberId, now)
  await writeAudit(
    db,
    {
      action: 'deactivate',
      by: actor.memberId,
      byName: actor.name,
      orgId: branch._id,
      orgPath: [...branch.path, branch._id],
      memberId,
      detail: `${member.name} 退出党员名册（${branch.name}）：${reason}`,
    },
    now,
  )
  return { memberId }
}

/** Already off the rolls, or a transfer waits on them. */
function refuseIfHeld(member: MemberDoc) {
  if (member.status === 'inactive') throw new AppError('MEMBER_INACTIVE')
  if (member.pendingTransferId) throw new AppError('TRANSFER_PENDING')
}

/** Signed out for good (the binding removed), and their coming sign-ups ended. */
async function endMembership(db: Database, memberId: string, now: Date): Promise<void> {
  await db.collection('bindings').where({ memberId }).remove()
  await releaseComingSignups(db, memberId, now)
}

/** The member's sign-ups (seats, waitlist places, requests) for lectures that have not begun, ended. */
async function releaseComingSignups(db: Database, memberId: string, now: Date): Promise<void> {
  const _ = db.command
  const res = await db
    .collection('signups')
    .where({ memberId, status: _.in(['confirmed', 'waitlisted', 'pending']) })
    .limit(1000)
    .get()
  const held = res.data as SignupDoc[]
  if (held.length === 0) return
  const lectureIds = [...new Set(held.map((s) => s.lectureId))]
  const lectures = await readByIds<LectureDoc>(db, 'lectures', lectureIds, { startAt: true })
  const coming = new Set(lectures.filter((l) => new Date(l.startAt) > now).map((l) => l._id))
  for (const signup of held.filter((s) => coming.has(s.lectureId))) await releaseSignup(db, signup, now)
}
