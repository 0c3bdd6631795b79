/**
 * Where the phone says it is (wx.getLocation): the one location shape of check-in, from the scan's input to
 * the rules, the outbox and the stored record. A file of its own, importing only zod, so that the stored
 * shapes (model.ts) can name it without a circle through the contract.
 */
import * as z from 'zod'

/** Degrees, and the phone's reported accuracy in metres. */
export const location = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000),
})

export type ScanLocation = z.infer<typeof location>
