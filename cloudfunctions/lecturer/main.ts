/** The `lecturer` cloud function: the lecturer pool (师资库) and invitations. */
import { createFunction } from '../_shared/router'
import { answer, invitations, invite, record } from './invitations'
import { add, checkPhoto, edit, editMine, remove } from './keep'
import { profile } from './profile'
import { search } from './search'

export const main = createFunction('lecturer', {
  search,
  profile,
  add,
  edit,
  editMine,
  remove,
  checkPhoto,
  invite,
  answer,
  record,
  invitations,
})
