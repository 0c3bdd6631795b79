/** The `proposal` cloud function: 个人自荐, members propose lectures and the branch decides. */
import { createFunction } from '../_shared/router'
import { myProposals, propose } from './mine'
import { decide, inbox } from './review'

export const main = createFunction('proposal', {
  propose,
  mine: myProposals,
  inbox,
  decide,
})
