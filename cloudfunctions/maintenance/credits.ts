/**
 * Check-in credits missing from the ledger: a function that died between writing a check-in record and its
 * ledger entry (or an undo and its reversal) left hours lost, or hours taken back on the screen but not in
 * the ledger. What a record must have comes from _shared/ledger.ts entriesOf (a scan awaiting the secretary
 * earns nothing); entry ids are deterministic, so an entry that a check-in in flight writes too lands once
 * (addIfAbsent), and a second repair finds nothing to write.
 */
import type { CheckinDoc, LectureDoc } from '../../src/shared/model'
import { readByIds } from '../_shared/byIds'
import { addIfAbsent, type Database } from '../_shared/cloud'
import { entriesOf } from '../_shared/ledger'

/** Records and ledger ids read per call (the service's most). */
const PAGE = 1000

export async function creditCheckins(
  db: Database,
  lecture: LectureDoc,
): Promise<{ credited: number; reversed: number }> {
  const _ = db.command
  let credited = 0
  let reversed = 0
  for (let after = ''; ;) {
    const res = await db
      .collection('checkins')
      .where({ lectureId: lecture._id, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get()
    const records = res.data as CheckinDoc[]
    const wanted = records.flatMap((r) => entriesOf(lecture, r))
    const present = await presentIds(
      db,
      wanted.map((e) => e._id),
    )
    for (const entry of wanted.filter((e) => !present.has(e._id))) {
      if (!(await addIfAbsent(db, 'ledger', entry))) continue
      if (entry.source === 'reversal') reversed++
      else credited++
    }
    if (records.length < PAGE) return { credited, reversed }
    after = records[records.length - 1]._id
  }
}

/** Which of these ledger entries exist (one read per thousand, instead of one write per entry). */
async function presentIds(db: Database, ids: string[]): Promise<Set<string>> {
  const present = await readByIds(db, 'ledger', ids, { _id: true })
  return new Set(present.map((e) => e._id))
}
