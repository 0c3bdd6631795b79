/** member: binding a WeChat identity to a roster entry, and the roster a secretary keeps. */
import * as z from 'zod'
import type { OrgKind, Role } from '../model'
import { normaliseSetupCode } from '../setupCode'
import { bindInput, memberName, phone } from './bind'
import { id, procedure, uploadedFileId } from './common'
import { privacyProcedures } from './privacy'
import { transferProcedures } from './transfer'

export { inviteCode, phone } from './bind'

export interface Me {
  bound: boolean
  member?: {
    id: string
    name: string
    branchId: string
    branchName: string
    roles: Role[]
    /** Nodes whose lectures this member may manage (their branch as an officer, an administrator's node). */
    manages: { id: string; name: string; kind: OrgKind }[]
    /** An administrator with more branches below than `manages` lists: pages find the others with org.find. */
    managesMore?: true
    /** Invitations to lecture waiting for this member's answer (师资库), when there are any. */
    invitationsPending?: number
  }
}

export interface RosterEntry {
  id: string
  name: string
  phone: string
  roles: Role[]
  bound: boolean
  inviteCode: string
  /** Left the party organisation's rolls (退出党员名册): listed apart, no actions. */
  inactive?: true
  /** A transfer out of the branch waits for the new branch to accept. */
  transferPending?: true
}

export interface ImportReport {
  /** False when any row failed: then nothing was written. */
  applied: boolean
  created: number
  updated: number
  /**
   * Every data row, numbered as in Excel. When `applied` is false, a good row's result says what importing
   * it would have done; nothing was written.
   */
  rows: { row: number; name: string; result: 'created' | 'updated' | 'unchanged' | 'error'; errors: string[] }[]
}

/** A setup code as typed (any case, dashes or not), answered as its 12 characters. */
export const setupCode = z.string().transform((typed, ctx) => {
  const code = normaliseSetupCode(typed)
  if (code) return code
  ctx.issues.push({ code: 'custom', message: '启用码是12位字母或数字，形如 ABCD-EFGH-JKLM', input: typed })
  return z.NEVER
})

export const memberProcedures = {
  me: procedure<Me>()(z.object({})),
  bind: procedure<Me>()(bindInput),
  unbind: procedure<{ memberId: string }>()(z.object({ memberId: id })),
  roster: procedure<{ branch: { id: string; name: string }; members: RosterEntry[] }>()(z.object({ branchId: id })),
  /**
   * An Excel (.xlsx) or CSV file with Chinese headings 姓名, 手机号, 职务, uploaded by the page under
   * rosters/ (phone → storage → file id); all rows or none. Strict: file bytes never travel in a payload.
   */
  importRoster: procedure<ImportReport>()(z.strictObject({ branchId: id, fileId: uploadedFileId('roster') })),
  /** The first city administrator takes the environment's setup code (scripts/setup-city.ts made it). */
  claimSetup: procedure<Me>()(z.object({ code: setupCode, name: memberName, phone })),
  ...privacyProcedures,
  ...transferProcedures,
}
