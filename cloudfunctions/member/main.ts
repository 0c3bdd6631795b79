/**
 * The `member` cloud function: who am I, binding a WeChat identity to a member, branch rosters, the first
 * administrator's setup code, and members who move and who leave.
 */
import { createFunction } from '../_shared/router'
import { bind } from './bind'
import { claimSetup } from './claimSetup'
import { deactivate } from './deactivate'
import { importRoster } from './importRoster'
import { listRoster } from './listRoster'
import { me } from './me'
import { exportMyData, myData } from './myData'
import { transferAccept, transferDecline, transferWithdraw } from './transferDecide'
import { branchTransfers, transferBranches } from './transferList'
import { transferStart } from './transferStart'
import { unbind } from './unbind'

export const main = createFunction('member', {
  me,
  bind,
  unbind,
  roster: listRoster,
  importRoster,
  claimSetup,
  myData,
  exportMyData,
  transferStart,
  transferAccept,
  transferDecline,
  transferWithdraw,
  transfers: branchTransfers,
  transferBranches,
  deactivate,
})
