/** The `org` cloud function: the organisation tree (read, import, export, add, rename, move, close). */
import { createFunction } from '../_shared/router'
import { orgChildren } from './children'
import { closeOrg } from './close'
import { addOrg, renameOrg } from './edit'
import { exportTree } from './exportTree'
import { findOrgs } from './find'
import { importTree } from './importTree'
import { continueJob, moveOrg } from './move'

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
})
