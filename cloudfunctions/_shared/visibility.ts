/**
 * Which lectures a caller may see, as database conditions: rights.ts canSeeLecture for a query, shared by
 * lecture.list and topic.detail so that both show the same lectures.
 */
import type { Actor } from '../../src/shared/rights'
import type { Database } from './cloud'

type Command = Database['command']

/** The node an administrator's rights start from (rights.ts requires the role as well as the node). */
export const adminRoot = (a: Actor) => (a.roles.includes('admin') ? a.adminOrgId : undefined)

/** Lectures hosted at `orgId` or anywhere below it. */
export function inSubtree(_: Command, orgId: string): object {
  return _.or([{ hostOrgId: orgId }, { hostPath: orgId }])
}

/**
 * rights.ts canSeeLecture as one query condition, widened for an administrator to the lectures hosted
 * in their subtree; someone not signed in sees the lectures open to all.
 */
export function visibleTo(_: Command, actor: Actor | undefined): object {
  if (!actor) return { openToAll: true }
  const seen: object[] = [{ openToAll: true }, { hostOrgId: _.in(actor.path) }, { coHostOrgIds: _.in(actor.path) }]
  const root = adminRoot(actor)
  if (root) seen.push(inSubtree(_, root))
  return _.or(seen)
}
