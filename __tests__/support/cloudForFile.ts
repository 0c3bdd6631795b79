/** One test cloud for a whole test file: started (and prepared) before its tests, stopped after them. */
import { buildSeed, type Seed } from '../../scripts/seed/data'
import { seedDatabase } from '../../scripts/seed/index'
import { startTestCloud, type TestCloud } from './emulator'

/** Registers the file's hooks; `started` receives the cloud as soon as it runs, before `prepare`. */
export function cloudForFile(
  started: (cloud: TestCloud) => void,
  prepare: (cloud: TestCloud) => Promise<unknown> = async () => undefined,
  timeout = 60_000,
): void {
  let cloud: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud()
    started(cloud)
    await prepare(cloud)
  }, timeout)
  afterAll(() => cloud.stop())
}

/** A test cloud holding the demo data, seeded as of `now`; answers that data. */
export function seededCloudForFile(now: Date, started: (cloud: TestCloud) => void): Seed {
  cloudForFile(started, (cloud) => seedDatabase(cloud.db, now))
  return buildSeed(now)
}

/** Database calls one action makes (each is a network round trip in the cloud). */
export async function callsOf(cloud: TestCloud, action: () => Promise<unknown>): Promise<number> {
  cloud.emulator.counters.reset()
  await action()
  return cloud.emulator.counters.snapshot().total
}
