/** The `member` cloud function: who am I, binding a WeChat identity to a member, and branch rosters. */
import { createFunction } from '../_shared/router'
import { bind } from './bind'
import { importRoster } from './importRoster'
import { listRoster } from './listRoster'
import { me } from './me'
import { exportMyData, myData } from './myData'
import { unbind } from './unbind'

export const main = createFunction('member', {
  me,
  bind,
  unbind,
  roster: listRoster,
  importRoster,
  myData,
  exportMyData,
})
