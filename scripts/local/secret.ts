/**
 * The check-in function signs its codes with DANGKE_CHECKIN_SECRET (in the cloud: the function's environment
 * variable). Locally it is made once per data folder and kept there, so codes and offline scans stay valid
 * across restarts; an explicitly set variable wins.
 */
import { randomBytes } from 'crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs'
import { join } from 'path'

export function useCheckinSecret(dataDir: string): void {
  if (process.env.DANGKE_CHECKIN_SECRET) return
  const file = join(dataDir, 'checkin-secret')
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 })
  }
  process.env.DANGKE_CHECKIN_SECRET = readFileSync(file, 'utf8').trim()
}
