/** Loads the demo data into an empty database (first start of the local system). */
import { buildSeed } from './data'

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
  if (existing.total > 0) return { seeded: false, counts: {} }
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
