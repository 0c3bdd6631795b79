/** One test cloud for a whole test file: started (and prepared) before its tests, stopped after them. */
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

/** A test cloud holding the demo data, seeded as of `now`. */
export const seededCloudForFile = (now: Date, started: (cloud: TestCloud) => void) =>
  cloudForFile(started, (cloud) => seedDatabase(cloud.db, now))
