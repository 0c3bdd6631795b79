/** Who may manage which lectures, as database conditions and checks shared by the managing actions. */
import { AppError } from '../../src/shared/errors'
import type { LectureDoc } from '../../src/shared/model'
import { type Actor, managesLecturesOf } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import type { Database } from '../_shared/cloud'
import { hostOf, loadLecture } from '../_shared/lectures'
import type { HandlerContext } from '../_shared/router'

type Command = Database['command']

export const isOfficer = (a: Actor) => a.roles.includes('secretary') || a.roles.includes('committee')
/** The node an administrator's rights start from (rights.ts requires the role as well as the node). */
export const adminRoot = (a: Actor) => (a.roles.includes('admin') ? a.adminOrgId : undefined)

/** Lectures hosted at `orgId` or anywhere below it. */
export function inSubtree(_: Command, orgId: string): object {
  return _.or([{ hostOrgId: orgId }, { hostPath: orgId }])
}

/** Every lecture the caller manages, as one condition; a caller who manages nothing is refused. */
export function managedByCondition(_: Command, actor: Actor): object {
  const root = adminRoot(actor)
  const branches = isOfficer(actor) ? [{ hostOrgId: actor.branchId }] : []
  const admin = root ? [{ hostOrgId: root }, { hostPath: root }] : []
  if (!branches.length && !admin.length) throw new AppError('FORBIDDEN')
  return _.or([...branches, ...admin])
}

/**
 * The caller and the lecture, read side by side (one round trip), the caller refused first; then the
 * caller must manage the lecture's host.
 */
export async function managedLecture(ctx: HandlerContext, id: string): Promise<{ actor: Actor; lecture: LectureDoc }> {
  if (!ctx.openid) throw new AppError('NOT_SIGNED_IN')
  const [actor, lecture] = await inOrder(requireActor(ctx), loadLecture(ctx.db, id))
  if (!managesLecturesOf(actor, hostOf(lecture))) throw new AppError('FORBIDDEN')
  return { actor, lecture }
}

/** Awaits reads started together; the first one's refusal wins, and no rejection goes unhandled. */
export async function inOrder<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b])
  if (ra.status === 'rejected') throw ra.reason
  if (rb.status === 'rejected') throw rb.reason
  return [ra.value, rb.value]
}
