/** Loads the demo data into an empty database (first start of the local system). */
import { chinaDate } from '../../src/shared/chinaTime'
import { buildSeed } from './data'
import { TODAY_LECTURE_ID } from './today'

export type Database = ReturnType<ReturnType<typeof import('@cloudbase/node-sdk').init>['database']>

const BATCH = 100

/** The database SDK answers some failures as `{code, message}` instead of throwing. */
function check<T>(res: T, what: string): T {
  const r = res as { code?: string; message?: string } | undefined
  if (r?.code) throw new Error(`seed: ${what} failed: ${r.code} ${r.message ?? ''}`)
  return res
}

export async function seedDatabase(
  db: Database,
  now = new Date(),
): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  const existing = check(await db.collection('orgs').count(), 'count orgs')
  if (existing.total > 0) {
    await addSeatsFree(db)
    return { seeded: false, counts: await addTodayLecture(db, now) }
  }
  const seed = buildSeed(now)
  const counts: Record<string, number> = {}
  for (const [name, docs] of Object.entries(seed) as Array<[string, object[]]>) {
    for (let i = 0; i < docs.length; i += BATCH) {
      check(await db.collection(name).add(docs.slice(i, i + BATCH)), `add to ${name}`)
    }
    counts[name] = docs.length
  }
  return { seeded: true, counts }
}

/**
 * A later start of kept data: the demo's lecture of today (scripts/seed/today.ts) has long ended, so the
 * start adds that day's one, `lec-today-<yyyymmdd>` with the same branch and sign-ups, unless the first
 * one has not ended yet or that day's one exists. Data without the first one is not the demo's (a city
 * started empty, DANGKE_EMPTY=1): nothing is added to it.
 */
async function addTodayLecture(db: Database, now: Date): Promise<Record<string, number>> {
  const seed = buildSeed(now)
  const today = seed.lectures.find((l) => l._id === TODAY_LECTURE_ID)!
  const first = check(await db.collection('lectures').doc(TODAY_LECTURE_ID).get(), 'read the lecture of today')
  const firstEnd = (first.data as { endAt?: Date }[])[0]?.endAt
  if (!firstEnd || new Date(firstEnd).getTime() > now.getTime()) return {}
  const id = `${TODAY_LECTURE_ID}-${chinaDate(now).replace(/-/g, '')}`
  const again = check(await db.collection('lectures').doc(id).get(), 'read the lecture of today')
  if ((again.data as unknown[]).length > 0) return {} // one a day is enough for a demo
  const signups = seed.signups
    .filter((s) => s.lectureId === TODAY_LECTURE_ID)
    .map((s) => ({ ...s, _id: s._id.replace(TODAY_LECTURE_ID, id), lectureId: id }))
  check(await db.collection('lectures').add({ ...today, _id: id }), 'add the lecture of today')
  if (signups.length) check(await db.collection('signups').add(signups), 'add its sign-ups')
  return { lectures: 1, signups: signups.length }
}

/**
 * Data kept from before lectures counted their free seats (`seatsFree`): each such lecture gets capacity −
 * signedUp, so that sign-ups find its seats. Local data only (a real environment starts empty).
 */
async function addSeatsFree(db: Database): Promise<void> {
  const _ = db.command
  for (;;) {
    const res = check(
      await db
        .collection('lectures')
        .where({ seatsFree: _.exists(false) })
        .limit(1000)
        .get(),
      'read',
    )
    const old = res.data as { _id: string; capacity: number; signedUp: number }[]
    let done = 0
    for (const l of old) {
      const seatsFree = Math.max(0, l.capacity - l.signedUp)
      const where = { _id: l._id, capacity: l.capacity, signedUp: l.signedUp, seatsFree: _.exists(false) }
      const changed = check(await db.collection('lectures').where(where).update({ seatsFree }), 'add seatsFree')
      done += (changed as { updated?: number }).updated ?? 0
    }
    if (old.length < 1000 || done === 0) return
  }
}
