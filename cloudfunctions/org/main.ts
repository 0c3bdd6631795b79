/**
 * The `org` cloud function: the organisation tree (read, import, export, add, rename, move, close) and its
 * people (administrators and judges appointed, members searched, outsiders invited, a branch member's 职务,
 * the audit).
 */
import { createFunction } from '../_shared/router'
import { appoint } from './appoint'
import { appointments } from './appointments'
import { auditList } from './auditList'
import { orgChildren } from './children'
import { closeOrg } from './close'
import { dismiss } from './dismiss'
import { addOrg, renameOrg } from './edit'
import { exportTree } from './exportTree'
import { findOrgs } from './find'
import { importTree } from './importTree'
import { invite } from './invite'
import { continueJob, moveOrg } from './move'
import { searchMembers } from './searchMembers'
import { setBranchRole } from './setBranchRole'

export const main = createFunction('org', {
  children: orgChildren,
  find: findOrgs,
  importTree,
  exportTree,
  add: addOrg,
  rename: renameOrg,
  move: moveOrg,
  continueJob,
  close: closeOrg,
  appointments,
  searchMembers,
  appoint,
  dismiss,
  invite,
  setBranchRole,
  audit: auditList,
})
