/** The `org` cloud function: the organisation tree (read, import, export, edit, move, close). */
import { createFunction } from '../_shared/router'
import { orgChildren } from './children'
import { findOrgs } from './find'

export const main = createFunction('org', {
  children: orgChildren,
  find: findOrgs,
})
