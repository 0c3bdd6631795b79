/** The `signup` cloud function: members sign up and cancel; secretaries see the roster, decide and export it. */
import { createFunction } from '../_shared/router'
import { cancelSignup } from './cancel'
import { decideSignup } from './decide'
import { exportRoster } from './exportRoster'
import { mySignups } from './mine'
import { lectureRoster } from './roster'
import { signUp } from './signUp'

export const main = createFunction('signup', {
  signUp,
  cancel: cancelSignup,
  mine: mySignups,
  roster: lectureRoster,
  decide: decideSignup,
  exportRoster,
})
