/**
 * member.claimSetup: the first city administrator of a new environment takes its setup code (启用码), which
 * scripts/setup-city.ts made. One conditional update of the setup document decides the one winner; every
 * later step is idempotent (fixed ids, absolute values), so the winner's retry completes a claim cut off midway.
 * The binding is written last: once it exists, the claim is complete.
 */
import { randomInt } from 'crypto'
import type { Me, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { MemberDoc, OrgDoc, SetupDoc } from '../../src/shared/model'
import { newInviteCode } from '../../src/shared/roster'
import { actorOf, bindingFor, findActor } from '../_shared/actor'
import { writeAudit } from '../_shared/audit'
import { addIfAbsent, type Database } from '../_shared/cloud'
import type { HandlerContext } from '../_shared/router'
import { hashSetupCode, readSetup, SETUP_ID } from '../_shared/setup'
import { countAttempt } from './attempts'
import { readOrg } from './data'
import { describeMember, orgsOf } from './me'

/** The first administrator's member id: the same for every retry of the winner. */
export const FIRST_ADMIN_ID = 'm-setup'

type ClaimInput = ParsedInput<'member', 'claimSetup'>

/** Database calls: 11 when it makes the administrator; 4 for a wrong code; 2 for an identity already bound. */
export async function claimSetup(input: ClaimInput, ctx: HandlerContext): Promise<Me> {
  const { db, now, openid } = ctx
  if (!openid) throw new AppError('NOT_SIGNED_IN')
  const [already, setup] = await Promise.all([findActor(ctx), readSetup(db)])
  if (already) {
    if (setup?.usedBy === openid) return describeMember(already, await orgsOf(db, already))
    throw new AppError('ALREADY_BOUND')
  }
  const root = await countAttempt(
    { ...ctx, openid },
    'setup',
    '请10分钟后再试，并向负责部署的同志核对启用码',
    async () => (setup ? readOrg(db, setup.rootOrgId) : undefined),
  )
  if (!setup || !root) throw new AppError('SETUP_CODE_INVALID')
  if (setup.usedBy && setup.usedBy !== openid) throw new AppError('SETUP_DONE')
  if (setup.codeHash !== hashSetupCode(input.code)) throw new AppError('SETUP_CODE_INVALID')
  // The winner's retry goes on even after the code's expiry: the claim itself was in time.
  if (!setup.usedBy) await take(db, setup, openid, now)

  const member = await addFirstAdmin(db, input, root)
  await db.collection('orgs').doc(root._id).update({ admins: 1 })
  const audit = {
    action: 'setup' as const,
    ...{ by: member._id, byName: member.name, memberId: member._id },
    ...{ orgId: root._id, orgPath: [...root.path, root._id] },
    detail: `${member.name} 用启用码成为 ${root.name} 的首位管理员`,
  }
  await writeAudit(db, audit, now, 'aud-setup-claim')
  const binding = bindingFor(openid, member, root, now)
  await addIfAbsent(db, 'bindings', binding)
  return describeMember(actorOf(binding), await orgsOf(db, member))
}

/** The one conditional update that makes this identity the winner; anyone else learns why not. */
async function take(db: Database, setup: SetupDoc, openid: string, now: Date): Promise<void> {
  const _ = db.command
  const res = await db
    .collection('settings')
    .where({ _id: SETUP_ID, codeHash: setup.codeHash, usedBy: _.exists(false), expiresAt: _.gt(now) })
    .update({ usedBy: openid, usedAt: now, memberId: FIRST_ADMIN_ID })
  if ((res as { updated?: number }).updated === 1) return
  const after = await readSetup(db)
  if (after?.usedBy === openid) return // this identity's double tap won
  throw new AppError(after?.usedBy ? 'SETUP_DONE' : 'SETUP_CODE_INVALID')
}

/** The administrator's member document: the stored one on a retry (the first name and phone stay). */
async function addFirstAdmin(db: Database, input: ClaimInput, root: OrgDoc): Promise<MemberDoc> {
  // Twice: a fresh invite code that happens to exist (32^6 of them) refuses the first add.
  for (let attempt = 0; attempt < 2; attempt++) {
    const member: MemberDoc = {
      _id: FIRST_ADMIN_ID,
      name: input.name,
      phone: input.phone,
      branchId: root._id,
      roles: ['member', 'admin'],
      adminOrgId: root._id,
      inviteCode: newInviteCode(randomInt),
    }
    if (await addIfAbsent(db, 'members', member)) return member
    const stored = (await db.collection('members').doc(FIRST_ADMIN_ID).get()).data as MemberDoc[]
    if (stored[0]) return stored[0]
  }
  throw new Error('claimSetup: the first administrator could not be written (invite code or phone taken)')
}
