/**
 * Stops this process's clock at one instant, so that the local system (functions run in this thread)
 * seeds, answers and signs check-in codes the same way every run. Timers still run: only Date stands.
 */
export function freezeDate(at: Date): void {
  const RealDate = Date
  const fixed = at.getTime()
  class FrozenDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(fixed)
      else super(...(args as [string | number | Date]))
    }
    static now(): number {
      return fixed
    }
  }
  globalThis.Date = FrozenDate as DateConstructor
}
