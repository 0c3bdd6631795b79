/**
 * Keeping the pool: 入库 (add) and 移出 (remove, with a reason) by administrators of the profile's node or
 * above; edit by them (every field) or by the bound member (editMine: introduction and specialties).
 * Refusals write nothing: every check runs before the one write.
 */
import { randomBytes } from 'crypto'
import type { ParsedInput } from '../../src/shared/contract'
import { AppError, type ErrorCode } from '../../src/shared/errors'
import { speakerRoleOf } from '../../src/shared/lectureRules'
import { districtOf, editRefusal, keepRefusal, memberProfileId, profileNode } from '../../src/shared/lecturerRules'
import type { LecturerDoc } from '../../src/shared/model'
import type { Refused } from '../../src/shared/rights'
import { requireActor } from '../_shared/actor'
import { addIfAbsent, cloudApp, type Database } from '../_shared/cloud'
import { assertPicture } from '../_shared/files'
import { memberAsActor } from '../_shared/members'
import { readOrg } from '../_shared/orgs'
import type { HandlerContext } from '../_shared/router'
import { loadProfile } from './profiles'

const refuse = (r: Refused | undefined) => {
  if (r) throw new AppError(r.code as ErrorCode, r.explanation)
}

type AddInput = ParsedInput<'lecturer', 'add'>

export async function add(input: AddInput, ctx: HandlerContext): Promise<{ id: string }> {
  const actor = await requireActor(ctx)
  const { db, now } = ctx
  const where = 'memberId' in input ? await memberPlace(db, input.memberId) : await outsiderPlace(db, input)
  refuse(keepRefusal(actor, profileNode(where)))
  if (input.photoFileId) await assertPicture('lecturerPhoto', input.photoFileId)
  const doc: LecturerDoc = {
    ...where,
    unit: input.unit,
    title: input.title,
    themes: input.themes,
    topicIds: input.topicIds,
    intro: input.intro,
    ...(input.photoFileId && { photoFileId: input.photoFileId }),
    status: 'active',
    addedBy: actor.memberId,
    createdAt: now,
    updatedAt: now,
  }
  if (await addIfAbsent(db, 'lecturers', doc)) return { id: doc._id }
  // A member's profile exists: a retry answers it; a removed one comes back to the pool with this form.
  const { _id, createdAt: _c, ...fields } = doc
  const _ = db.command
  await db
    .collection('lecturers')
    .where({ _id, status: 'removed' })
    .update({ ...fields, themes: _.set(doc.themes), topicIds: _.set(doc.topicIds), ...unRemoved(_) })
  return { id: _id }
}

const unRemoved = (_: Database['command']) => ({
  removedReason: _.remove(),
  removedAt: _.remove(),
  removedBy: _.remove(),
})

type Place = Pick<LecturerDoc, '_id' | 'name' | 'speakerRole' | 'orgId' | 'orgPath' | 'districtId' | 'memberId'>

/** A bound member's profile hangs at their branch, under their roster name. */
async function memberPlace(db: Database, memberId: string): Promise<Place> {
  const found = await memberAsActor(db, memberId)
  if (!found?.branch) throw new AppError('NOT_FOUND', '没有找到这位党员')
  if (found.member.status === 'inactive') throw new AppError('MEMBER_INACTIVE')
  const orgPath = found.actor.path
  return {
    _id: memberProfileId(memberId),
    name: found.member.name,
    speakerRole: speakerRoleOf(found.member.roles),
    memberId,
    orgId: found.branch._id,
    orgPath,
    ...placeOf(orgPath),
  }
}

async function outsiderPlace(db: Database, input: Extract<AddInput, { orgId: string }>): Promise<Place> {
  const org = await readOrg(db, input.orgId)
  if (!org) throw new AppError('NOT_FOUND', '没有找到这个组织')
  const orgPath = [...org.path, org._id]
  return {
    _id: `lp-${randomBytes(12).toString('hex')}`,
    name: input.name,
    speakerRole: input.speakerRole,
    orgId: org._id,
    orgPath,
    ...placeOf(orgPath),
  }
}

const placeOf = (orgPath: string[]) => {
  const districtId = districtOf(orgPath)
  return districtId ? { districtId } : {}
}

export async function edit(input: ParsedInput<'lecturer', 'edit'>, ctx: HandlerContext): Promise<{ id: string }> {
  const [actor, doc] = await Promise.all([requireActor(ctx), loadProfile(ctx.db, input.id)])
  refuse(editRefusal(actor, doc, 'all'))
  if (doc.memberId && (input.name || input.speakerRole)) {
    throw new AppError('INVALID_INPUT', '党员主讲人的姓名和身份以党员名册为准')
  }
  if (input.photoFileId && input.photoFileId !== doc.photoFileId)
    await assertPicture('lecturerPhoto', input.photoFileId)
  const _ = ctx.db.command
  await write(ctx, doc, {
    ...(input.name && { name: input.name }),
    ...(input.speakerRole && { speakerRole: input.speakerRole }),
    unit: input.unit,
    title: input.title,
    intro: input.intro,
    themes: _.set(input.themes),
    topicIds: _.set(input.topicIds),
    photoFileId: input.photoFileId ?? _.remove(),
  })
  return { id: doc._id }
}

export async function editMine(
  input: ParsedInput<'lecturer', 'editMine'>,
  ctx: HandlerContext,
): Promise<{ id: string }> {
  const actor = await requireActor(ctx)
  const doc = await loadProfile(ctx.db, memberProfileId(actor.memberId))
  refuse(editRefusal(actor, doc, 'own'))
  const _ = ctx.db.command
  await write(ctx, doc, { intro: input.intro, themes: _.set(input.themes), topicIds: _.set(input.topicIds) })
  return { id: doc._id }
}

/** The edit holds only while the profile is still in the pool (a removal meanwhile wins). */
async function write(ctx: HandlerContext, doc: LecturerDoc, changes: object): Promise<void> {
  const res = await ctx.db
    .collection('lecturers')
    .where({ _id: doc._id, status: 'active' })
    .update({ ...changes, updatedAt: ctx.now })
  if (!(res as { updated?: number }).updated && (await loadProfile(ctx.db, doc._id)).status !== 'active') {
    throw new AppError('LECTURER_REMOVED')
  }
}

export async function remove(input: ParsedInput<'lecturer', 'remove'>, ctx: HandlerContext): Promise<{ id: string }> {
  const [actor, doc] = await Promise.all([requireActor(ctx), loadProfile(ctx.db, input.id)])
  refuse(keepRefusal(actor, profileNode(doc)))
  // Removed once: a second tap changes nothing (the first reason stays).
  await ctx.db.collection('lecturers').where({ _id: doc._id, status: 'active' }).update({
    status: 'removed',
    removedReason: input.reason,
    removedAt: ctx.now,
    removedBy: actor.memberId,
    updatedAt: ctx.now,
  })
  return { id: doc._id }
}

/** A photo uploaded for a profile, checked before the form is sent; administrators only (they add and edit). */
export async function checkPhoto(
  input: ParsedInput<'lecturer', 'checkPhoto'>,
  ctx: HandlerContext,
): Promise<{ fileId: string; url: string }> {
  const actor = await requireActor(ctx)
  if (!actor.roles.includes('admin') || !actor.adminOrgId) throw new AppError('FORBIDDEN')
  await assertPicture('lecturerPhoto', input.fileId)
  const { fileList } = await cloudApp().getTempFileURL({ fileList: [input.fileId] })
  return { fileId: input.fileId, url: fileList[0]?.tempFileURL ?? '' }
}
