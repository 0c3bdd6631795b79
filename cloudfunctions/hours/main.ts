/** The `hours` cloud function: the study-hour (学时) ledger: my hours, a branch's hours and export, adjustments, targets. */
import { createFunction } from '../_shared/router'
import { adjustHours } from './adjust'
import { branchHours } from './branch'
import { exportBranch } from './exportBranch'
import { myHours } from './mine'
import { setTargets } from './setTargets'
import { yearTargets } from './targets'

export const main = createFunction('hours', {
  mine: myHours,
  branch: branchHours,
  exportBranch,
  adjust: adjustHours,
  targets: yearTargets,
  setTargets,
})
