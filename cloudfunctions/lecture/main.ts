/** The `lecture` cloud function: members browse; secretaries and administrators post and manage. */
import { createFunction } from '../_shared/router'
import { checkCover } from './cover'
import { lectureDetail } from './detail'
import { cancelLecture, duplicate, publishLecture } from './lifecycle'
import { listLectures } from './list'
import { managedLectures } from './managed'
import { nearbyLectures } from './nearby'
import { saveLecture } from './save'

export const main = createFunction('lecture', {
  list: listLectures,
  nearby: nearbyLectures,
  detail: lectureDetail,
  managed: managedLectures,
  save: saveLecture,
  publish: publishLecture,
  cancel: cancelLecture,
  duplicate,
  checkCover,
})
