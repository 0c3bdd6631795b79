/**
 * Sets the storage permission of a real CloudBase environment to what cloudfunctions/storage.json declares
 * (PRIVATE: exports readable only by the functions). The default of a new environment is READONLY, "all
 * users read", under which an export's plain URL serves it to anyone who has it.
 *   ENV_ID=<env> TENCENTCLOUD_SECRETID=... TENCENTCLOUD_SECRETKEY=... npm run deploy:storage
 *   npm run deploy:storage -- --dry-run      prints what it would set
 * Docs: https://docs.cloudbase.net/storage/security-rules ; manager-node StorageService.setStorageAcl.
 */
import { readFileSync } from 'fs'
import { join } from 'path'
import { managerFromEnv } from './cloudbaseManager'

export type StorageAcl = 'READONLY' | 'PRIVATE' | 'ADMINWRITE' | 'ADMINONLY' | 'CUSTOM'

export interface StorageDeclaration {
  acl: StorageAcl
  /** Only with CUSTOM: `{read, write}` expressions of CloudBase's storage security rules. */
  rule?: { read: boolean | string; write: boolean | string }
}

export function loadStorageDeclaration(): StorageDeclaration {
  const file = join(__dirname, '..', 'cloudfunctions', 'storage.json')
  const { acl, rule } = JSON.parse(readFileSync(file, 'utf8')) as StorageDeclaration
  return rule ? { acl, rule } : { acl }
}

/** Whether a client that is not a file's creator may read it: what must stay false for exports. */
export function othersMayRead(d: StorageDeclaration): boolean {
  if (d.acl === 'READONLY' || d.acl === 'ADMINWRITE') return true
  if (d.acl !== 'CUSTOM') return false
  const read = d.rule?.read
  return read === true || (typeof read === 'string' && read !== 'resource.openid == auth.openid')
}

async function deploy(dryRun: boolean): Promise<void> {
  const declared = loadStorageDeclaration()
  if (othersMayRead(declared)) throw new Error(`storage.json would let any client read exports: ${declared.acl}`)
  if (dryRun) {
    console.log(JSON.stringify(declared))
    return
  }
  const { storage } = await managerFromEnv()
  await storage.setStorageAcl(declared.acl, declared.rule)
  console.log(`storage: ${await storage.getStorageAcl()}`)
}

if (require.main === module) {
  deploy(process.argv.includes('--dry-run')).catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
