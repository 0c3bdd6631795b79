/** maintenance: repair after a crash, by an administrator (and hourly by a timer in the cloud). */
import * as z from 'zod'
import { id, procedure } from './common'

/** What one repair found and fixed. */
export interface RepairResult {
  lectureId: string
  /** The seat counters were off and were recounted from the sign-ups. */
  countersFixed: boolean
  /** The counters as they were and as they are now (equal when nothing was off). */
  before: { signedUp: number; seatsFree: number | null; waiting: number }
  after: { signedUp: number; seatsFree: number | null; waiting: number }
  /** Members moved from the waitlist into seats that stood free. */
  promoted: number
  /** Check-in rounds whose credit, or whose undo's reversal, was missing and is now in the ledger. */
  credited: number
  reversed: number
  /** A sign-up was in flight: the counters were left alone this time (the next run looks again). */
  busy: boolean
}

export const maintenanceProcedures = {
  repair: procedure<RepairResult>()(z.object({ lectureId: id })),
}
