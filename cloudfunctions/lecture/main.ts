/** The `lecture` cloud function: browse, and (next issue) post and manage lectures. */
import { createFunction } from '../_shared/router'
import { listLectures } from './list'

export const main = createFunction('lecture', {
  list: listLectures,
})
