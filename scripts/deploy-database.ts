/**
 * Creates the collections and indexes of cloudfunctions/collections.json in a real CloudBase
 * environment (the same file the local emulator enforces). Idempotent: existing collections and
 * indexes are left alone.
 *   ENV_ID=<env> TENCENTCLOUD_SECRETID=... TENCENTCLOUD_SECRETKEY=... npm run deploy:database
 *   npm run deploy:database -- --dry-run      prints what it would create
 */
import { type Declarations, loadDeclarations } from '../emulator/src/database/declarations'
import { managerFromEnv } from './cloudbaseManager'

/** The manager API's index shape (TCB CreateIndex / MgoKeySchema). */
export interface CreateIndex {
  IndexName: string
  MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: { Name: string; Direction: string }[] }
}

export function indexPlan(declarations: Declarations): { collection: string; indexes: CreateIndex[] }[] {
  return Object.entries(declarations).map(([collection, decl]) => ({
    collection,
    indexes: decl.indexes.map((ix) => ({
      IndexName: ix.name,
      MgoKeySchema: {
        MgoIsUnique: ix.unique === true,
        MgoIndexKeys: Object.entries(ix.keys).map(([Name, dir]) => ({ Name, Direction: String(dir) })),
      },
    })),
  }))
}

async function deploy(dryRun: boolean): Promise<void> {
  const plan = indexPlan(loadDeclarations())
  if (dryRun) {
    console.log(JSON.stringify(plan, null, 2))
    return
  }
  const { database } = await managerFromEnv()
  for (const { collection, indexes } of plan) {
    await database.createCollectionIfNotExists(collection)
    const missing: CreateIndex[] = []
    for (const ix of indexes) if (!(await database.checkIndexExists(collection, ix.IndexName)).Exists) missing.push(ix)
    if (missing.length) await database.updateCollection(collection, { CreateIndexes: missing })
    console.log(
      `${collection}: ${missing.length ? `created ${missing.map((i) => i.IndexName).join(', ')}` : 'up to date'}`,
    )
  }
}

if (require.main === module) {
  deploy(process.argv.includes('--dry-run')).catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
