/** The people of the demo data that a function test needs, looked up by what they are. */
import type { Seed } from '../../scripts/seed/data'
import type { MemberDoc } from '../../src/shared/model'

/** Whether the seeded member is bound (signs in as `demo-<id>`). */
export const isBound = (seed: Seed, m: MemberDoc) => seed.bindings.some((b) => b.memberId === m._id)

/** The first seeded member that fits; when the data has none, the test says which it lacks. */
export function seededMember(seed: Seed, what: string, fits: (m: MemberDoc) => boolean): MemberDoc {
  const m = seed.members.find(fits)
  if (!m) throw new Error(`no seeded ${what}`)
  return m
}
