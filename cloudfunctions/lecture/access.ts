/** Who may manage which lectures, as database conditions and checks shared by the managing actions. */
import { AppError } from '../../src/shared/errors'
import { type Actor, isBranchOfficer } from '../../src/shared/rights'
import type { Database } from '../_shared/cloud'
import { adminRoot } from '../_shared/visibility'

type Command = Database['command']

export { adminRoot, inSubtree } from '../_shared/visibility'

/** Every lecture the caller manages, as one condition; a caller who manages nothing is refused. */
export function managedByCondition(_: Command, actor: Actor): object {
  const root = adminRoot(actor)
  const branches = isBranchOfficer(actor.roles) ? [{ hostOrgId: actor.branchId }] : []
  const admin = root ? [{ hostOrgId: root }, { hostPath: root }] : []
  if (!branches.length && !admin.length) throw new AppError('FORBIDDEN')
  return _.or([...branches, ...admin])
}
