/** The setup document (`settings` / `setup`): written by scripts/setup-city.ts, taken by member.claimSetup. */
import { createHash } from 'crypto'
import type { SetupDoc } from '../../src/shared/model'
import { setupCodeHash } from '../../src/shared/setupCode'
import type { Database } from './cloud'

export const SETUP_ID = 'setup'

/** What SetupDoc.codeHash holds for a code as typed. */
export const hashSetupCode = (code: string) =>
  setupCodeHash(code, (text) => createHash('sha256').update(text).digest('hex'))

/** Read fresh every time (never from the settings cache): it is used once. */
export async function readSetup(db: Database): Promise<SetupDoc | undefined> {
  const res = await db.collection('settings').doc(SETUP_ID).get()
  return (res.data as SetupDoc[])[0]
}
