/**
 * The `org` cloud function: the organisation tree (read, import, export, edit, move, close) and its people
 * (administrators and judges appointed, members searched, outsiders invited, a branch member's 职务, the audit).
 */
import { createFunction } from '../_shared/router'
import { appoint } from './appoint'
import { appointments } from './appointments'
import { auditList } from './auditList'
import { orgChildren } from './children'
import { dismiss } from './dismiss'
import { findOrgs } from './find'
import { invite } from './invite'
import { searchMembers } from './searchMembers'
import { setBranchRole } from './setBranchRole'

export const main = createFunction('org', {
  children: orgChildren,
  find: findOrgs,
  appointments,
  searchMembers,
  appoint,
  dismiss,
  invite,
  setBranchRole,
  audit: auditList,
})
