/** org.audit: the audit entries of a node the caller administers and of everything below it, newest first. */
import type { AuditCursor, AuditView, ParsedInput } from '../../src/shared/contract'
import type { AuditDoc } from '../../src/shared/model'
import { newestFirst } from '../_shared/newest'
import type { HandlerContext } from '../_shared/router'
import { requireAdministered } from './nodes'

const PAGE_SIZE = 20

/** Database calls: caller and node at once, one page (one more entry read tells whether another follows): 3. */
export async function auditList({ orgId, cursor }: ParsedInput<'org', 'audit'>, ctx: HandlerContext) {
  const { db } = ctx
  const _ = db.command
  await requireAdministered(ctx, orgId)
  const conditions: object[] = [{ orgPath: orgId }]
  if (cursor) {
    const at = new Date(cursor.at)
    conditions.push(_.or([{ at: _.lt(at) }, { at, _id: _.lt(cursor.id) }]))
  }
  const docs = await newestFirst<AuditDoc>(db, 'audit', _.and(conditions), 'at', PAGE_SIZE + 1, '_id')
  const items: AuditView[] = docs.slice(0, PAGE_SIZE).map((d) => ({
    id: d._id,
    action: d.action,
    byName: d.byName,
    orgId: d.orgId,
    ...(d.memberId ? { memberId: d.memberId } : {}),
    detail: d.detail,
    at: new Date(d.at).toISOString(),
  }))
  const last = items[items.length - 1]
  const next: AuditCursor | undefined = docs.length > PAGE_SIZE && last ? { at: last.at, id: last.id } : undefined
  return next ? { items, next } : { items }
}
