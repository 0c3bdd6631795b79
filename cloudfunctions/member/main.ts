/**
 * The `member` cloud function: who am I, binding a WeChat identity to a member, branch rosters, and the
 * first administrator's setup code.
 */
import { createFunction } from '../_shared/router'
import { bind } from './bind'
import { claimSetup } from './claimSetup'
import { importRoster } from './importRoster'
import { listRoster } from './listRoster'
import { me } from './me'
import { unbind } from './unbind'

export const main = createFunction('member', {
  me,
  bind,
  unbind,
  roster: listRoster,
  importRoster,
  claimSetup,
})
