/**
 * The `maintenance` cloud function: an administrator repairs a lecture after a crash (repair.ts); every hour
 * a timer repairs the recent ones and runs the other housekeeping jobs (timer.ts).
 */
import { cloudApp } from '../_shared/cloud'
import { type CloudMain, createFunction } from '../_shared/router'
import { repair } from './repair'
import { isTimerEvent, runJobs } from './timer'

const actions = createFunction('maintenance', { repair })

export const main: CloudMain = (event, context) =>
  isTimerEvent(event, context) ? runJobs({ db: cloudApp().database(), now: new Date() }) : actions(event, context)
