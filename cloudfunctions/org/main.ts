/**
 * The `org` cloud function: the organisation tree and its people. Appointments: administrators and judges
 * of the nodes above the branches, members searched to appoint, outsiders invited, a branch member's 职务,
 * the audit of a subtree.
 */
import { createFunction } from '../_shared/router'
import { appoint } from './appoint'
import { appointments } from './appointments'
import { auditList } from './auditList'
import { dismiss } from './dismiss'
import { invite } from './invite'
import { searchMembers } from './searchMembers'
import { setBranchRole } from './setBranchRole'

export const main = createFunction('org', {
  appointments,
  searchMembers,
  appoint,
  dismiss,
  invite,
  setBranchRole,
  audit: auditList,
})
