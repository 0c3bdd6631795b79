/**
 * The hourly timer (config.json `triggers`, cloudbaserc.json): CloudBase calls the function with
 * `{Type: 'Timer', TriggerName, Time}` and no caller. It runs JOBS in order; one failing does not stop the
 * others. They share one deadline (DEADLINE_MS after the start, within the function's 60 s): each stops when
 * it passes, and those not yet begun are left to the next run. A caller cannot start them: an event with a
 * caller's openid goes to the actions (and a `Type` field is no action), and the work of a run is bounded anyway.
 */
import type { Reply } from '../../src/shared/errors'
import type { LectureDoc } from '../../src/shared/model'
import { calledByTimer, cloudApp } from '../_shared/cloud'
import { removeOldExports } from '../_shared/exports'
import { continueOrgJobs } from '../_shared/orgJobs'
import type { HandlerContext } from '../_shared/router'
import { repairLecture } from './repair'
import { removeOldPhones } from './retention'

/** `deadline`: ms since the epoch by which every job has stopped. */
export type JobContext = Pick<HandlerContext, 'db' | 'now'> & { deadline: number }
type Job = (ctx: JobContext) => Promise<Record<string, number | boolean>>

/** What the timer runs, in this order (the cheap ones first): add a job with one line. */
export const JOBS: Record<string, Job> = {
  // Exported rosters and hours sheets (names, phones) are kept a day.
  removeOldExports: async ({ now }) => ({ removed: await removeOldExports(cloudApp(), now) }),
  // Phones of members who left the rolls, after the retention period (settings `privacy`).
  removeOldPhones,
  repairRecentLectures,
  // Moves of a node cut off before their last page (org.move, org.continueJob).
  continueOrgJobs: ({ db, now, deadline }) => continueOrgJobs(db, now, deadline),
}

export function isTimerEvent(event: unknown, context: unknown): boolean {
  return (event as { Type?: unknown } | null)?.Type === 'Timer' && calledByTimer(context)
}

export async function runJobs(
  ctx: Pick<HandlerContext, 'db' | 'now'>,
  deadline = Date.now() + DEADLINE_MS,
): Promise<Reply<Record<string, unknown>>> {
  const data: Record<string, unknown> = {}
  for (const [name, job] of Object.entries(JOBS)) {
    if (Date.now() > deadline) {
      data[name] = { unfinished: true }
      continue
    }
    try {
      data[name] = await job({ ...ctx, deadline })
    } catch (err) {
      console.error(`[maintenance.${name}] failed`, err)
      data[name] = { failed: true }
    }
  }
  console.log('[maintenance] timer', JSON.stringify(data))
  return { ok: true, data }
}

const DAY = 24 * 3600_000
/** Lectures whose start is in this range: those with sign-ups moving or check-ins recent. */
const LOOK_BACK_MS = 2 * DAY
const LOOK_AHEAD_MS = 30 * DAY
const PAGE = 100
/** Every job of a run stops by then (the function's timeout is 60 s); the next run goes on. */
export const DEADLINE_MS = 50_000
/** The repairs leave at least this much of the run to the moves after them. */
const LEAVE_TO_MOVES_MS = 10_000

/** Repairs the lectures that were held recently or are coming up, as maintenance.repair does one. */
export async function repairRecentLectures({ db, now, deadline }: JobContext) {
  const stopAt = deadline - LEAVE_TO_MOVES_MS
  const _ = db.command
  const from = new Date(now.getTime() - LOOK_BACK_MS)
  const to = new Date(now.getTime() + LOOK_AHEAD_MS)
  const totals = { lectures: 0, countersFixed: 0, promoted: 0, credited: 0, reversed: 0, busy: 0, unfinished: false }
  for (let page = 0; ; page++) {
    const res = await db
      .collection('lectures')
      .where(_.and([{ status: _.in(['published', 'finished']) }, { startAt: _.gte(from) }, { startAt: _.lte(to) }]))
      .orderBy('startAt', 'asc')
      .orderBy('_id', 'asc')
      .skip(page * PAGE)
      .limit(PAGE)
      .get()
    const lectures = res.data as LectureDoc[]
    for (const lecture of lectures) {
      if (Date.now() > stopAt) return { ...totals, unfinished: true }
      const r = await repairLecture(db, lecture, now)
      totals.lectures++
      totals.countersFixed += Number(r.countersFixed)
      totals.promoted += r.promoted
      totals.credited += r.credited
      totals.reversed += r.reversed
      totals.busy += Number(r.busy)
    }
    if (lectures.length < PAGE) return totals
  }
}
