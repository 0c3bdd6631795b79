/**
 * The hourly timer (config.json `triggers`, cloudbaserc.json): CloudBase calls the function with
 * `{Type: 'Timer', TriggerName, Time}` and no caller. It runs JOBS in order; one failing does not stop the
 * others. A caller cannot start them: an event with a caller's openid goes to the actions (and a `Type`
 * field is no action), and the work of a run is bounded anyway.
 */
import type { Reply } from '../../src/shared/errors'
import type { LectureDoc } from '../../src/shared/model'
import { calledByTimer, cloudApp } from '../_shared/cloud'
import { removeOldExports } from '../_shared/exports'
import { continueOrgJobs } from '../_shared/orgJobs'
import type { HandlerContext } from '../_shared/router'
import { repairLecture } from './repair'
import { removeOldPhones } from './retention'

type JobContext = Pick<HandlerContext, 'db' | 'now'>
type Job = (ctx: JobContext) => Promise<Record<string, number | boolean>>

/** What the timer runs: add a job with one line. */
export const JOBS: Record<string, Job> = {
  repairRecentLectures,
  // Exported rosters and hours sheets (names, phones) are kept a day.
  removeOldExports: async ({ now }) => ({ removed: await removeOldExports(cloudApp(), now) }),
  // Moves of a node cut off before their last page (org.move, org.continueJob).
  continueOrgJobs: ({ db, now }) => continueOrgJobs(db, now, ORG_JOBS_BUDGET_MS),
  // Phones of members who left the rolls, after the retention period (settings `privacy`).
  removeOldPhones,
}

export function isTimerEvent(event: unknown, context: unknown): boolean {
  return (event as { Type?: unknown } | null)?.Type === 'Timer' && calledByTimer(context)
}

export async function runJobs(ctx: JobContext): Promise<Reply<Record<string, unknown>>> {
  const data: Record<string, unknown> = {}
  for (const [name, job] of Object.entries(JOBS)) {
    try {
      data[name] = await job(ctx)
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
/** Stop in time (the function's timeout is 60 s); the next run starts over. */
const BUDGET_MS = 40_000
/** What is left of the 60 s for the moves after the repairs. */
const ORG_JOBS_BUDGET_MS = 10_000

/** Repairs the lectures that were held recently or are coming up, as maintenance.repair does one. */
export async function repairRecentLectures({ db, now }: JobContext) {
  const started = Date.now()
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
      if (Date.now() - started > BUDGET_MS) return { ...totals, unfinished: true }
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
