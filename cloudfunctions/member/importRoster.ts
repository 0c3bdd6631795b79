/**
 * member.importRoster: a secretary (or an administrator above) loads the branch roster from an Excel or CSV
 * file the page uploaded under rosters/. Its size is checked before anything is parsed (at most 2 MB), and the
 * file is deleted once read (it holds names and phones). Bytes → rows → every row checked (src/shared/roster.ts) → either a report of what is wrong, row by
 * row, with nothing written, or the writes and a report of what was done.
 */
import { randomInt, randomUUID } from 'crypto'
import type { ImportReport, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { MemberDoc, Role } from '../../src/shared/model'
import { managesRosterOf } from '../../src/shared/rights'
import {
  type ExistingMember,
  type ImportPlan,
  newInviteCode,
  planImport,
  readRosterSheet,
} from '../../src/shared/roster'
import type { Database } from '../_shared/cloud'
import { requireActor } from '../_shared/actor'
import type { HandlerContext } from '../_shared/router'
import { isDuplicateWrite } from '../_shared/cloud'
import { readUpload, removeUpload } from '../_shared/files'
import { loadBranch, nodeOf } from './data'
import { readRosterFile } from './rosterFile'

/** Members per batch insert (the SDK's limit for one add). */
const INSERT_BATCH = 100
/** Members updated at once: enough to be quick, few enough not to flood the database. */
const UPDATE_PARALLEL = 8

/**
 * Database calls: 3 to check (caller and branch at once, then the stored members with the file's phones);
 * to write, one per 100 new members and two per changed member. Storage: a download URL, the download and
 * the deletion.
 */
export async function importRoster(input: ParsedInput<'member', 'importRoster'>, ctx: HandlerContext) {
  const { db } = ctx
  const [actor, branch] = await Promise.all([requireActor(ctx), loadBranch(db, input.branchId)])
  if (!managesRosterOf(actor, nodeOf(branch))) throw new AppError('FORBIDDEN')
  if (branch.closedAt) throw new AppError('NODE_CLOSED')

  let bytes: Buffer
  try {
    bytes = await readUpload('roster', input.fileId)
  } finally {
    await removeUpload(input.fileId)
  }
  // The file id ends in the name's extension (.xlsx or .csv), which says how to read it.
  const sheet = readRosterSheet(await readRosterFile(input.fileId, bytes))
  if (!sheet.ok) throw new AppError('INVALID_INPUT', sheet.problem)
  const phones = [...new Set(sheet.lines.map((l) => l.phone).filter((p) => /^\d{11}$/.test(p)))]
  const existing = phones.length ? await membersWithPhones(db, phones) : []
  const plan = planImport(sheet.lines, existing, branch._id)
  if (!plan.ok) return plan.report

  await write(db, branch._id, plan, new Map(existing.map((m) => [m._id, m.roles])))
  const report: ImportReport = { ...plan.report, applied: true }
  return report
}

/** Stored members, of any branch, with these phones: this branch's to update, another's to refuse. */
async function membersWithPhones(db: Database, phones: string[]): Promise<ExistingMember[]> {
  const res = await db
    .collection('members')
    .where({ phone: db.command.in(phones) })
    .field({ name: true, phone: true, branchId: true, roles: true, status: true })
    .limit(1000)
    .get()
  return res.data as ExistingMember[]
}

/**
 * If a write fails midway (the network, the database), some of the import is stored and the person gets
 * INTERNAL. Importing the same file again completes it: rows match stored members by phone, so what was
 * written comes out 'unchanged' and the rest is written. For that, a changed member's binding snapshot is
 * rewritten BEFORE the member: if the member write fails, the member still differs next time and both are
 * written again. A failed validation never gets here: then nothing at all is written. A member whose roles
 * changed since they were read (an appointment) keeps them, and the import ends INVALID_STATE: run it again.
 */
async function write(db: Database, branchId: string, plan: ImportPlan, rolesRead: Map<string, Role[]>): Promise<void> {
  const members = db.collection('members')
  for (let i = 0; i < plan.creates.length; i += INSERT_BATCH) {
    const batch = plan.creates.slice(i, i + INSERT_BATCH)
    const docs = (): MemberDoc[] =>
      batch.map((c) => ({
        _id: 'm-' + randomUUID().replace(/-/g, '').slice(0, 16),
        name: c.name,
        phone: c.phone,
        branchId,
        roles: c.roles,
        inviteCode: newInviteCode(randomInt),
      }))
    try {
      await members.add(docs())
    } catch (err) {
      // A fresh invite code that happens to exist (rare: 32^6 ≈ 10^9 codes) refuses the batch, which then
      // wrote nothing (all or nothing; if a real batch ever stopped midway, importing again completes it as
      // said above), so it is tried once more with new codes. Twice is something else: a member with one of
      // these phones written meanwhile by another import, if members.phone is unique. Say so.
      if (!isDuplicateWrite(err)) throw err
      try {
        await members.add(docs())
      } catch (again) {
        if (!isDuplicateWrite(again)) throw again
        throw new AppError('INVALID_STATE', '同一时间有另一次导入，请稍后把这个文件再导入一次')
      }
    }
  }
  const bindings = db.collection('bindings')
  const queue = [...plan.updates]
  let changedMeanwhile = false
  const worker = async () => {
    for (let u = queue.shift(); u; u = queue.shift()) {
      await bindings.where({ memberId: u.memberId }).update({ name: u.name, roles: u.roles })
      // Only over the roles read: an appointment or a 职务 set in the app meanwhile is not overwritten.
      const res = await members
        .where({ _id: u.memberId, roles: rolesRead.get(u.memberId) })
        .update({ name: u.name, roles: u.roles })
      if (res.updated) continue
      // The binding back to the member as stored (with what came meanwhile); importing again updates both.
      const stored = (await members.doc(u.memberId).get()).data[0] as MemberDoc
      await bindings.where({ memberId: u.memberId }).update({ name: stored.name, roles: stored.roles })
      changedMeanwhile = true
    }
  }
  await Promise.all(Array.from({ length: UPDATE_PARALLEL }, worker))
  if (changedMeanwhile) throw new AppError('INVALID_STATE', '同一时间有人修改了这个支部的党员，请再导入一次')
}
