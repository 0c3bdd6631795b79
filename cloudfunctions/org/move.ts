/**
 * org.move and org.continueJob: a node and its subtree go under another parent inside the caller's subtree.
 * The move is a job (OrgJobDoc, _shared/orgJobs.ts): this call checks everything, records the job and does
 * its first page; continueJob (or the hourly timer) does the rest. Refused with nothing written: the root, a
 * closed node or parent, the node itself or a node below it as the parent, a parent the caller does not
 * administer, a kind that cannot sit there, a name taken there, a move under way in the same part of the tree.
 */
import { randomUUID } from 'crypto'
import type { OrgJobView, ParsedInput } from '../../src/shared/contract'
import { AppError } from '../../src/shared/errors'
import type { OrgJobDoc } from '../../src/shared/model'
import { mayNestUnder } from '../../src/shared/orgTree'
import { administers } from '../../src/shared/rights'
import { ORG_KIND } from '../../src/shared/words'
import { requireActor } from '../_shared/actor'
import { writeAudit } from '../_shared/audit'
import { assertNoMoveUnderWay, runMovePage } from '../_shared/orgJobs'
import type { HandlerContext } from '../_shared/router'
import { assertFree } from './edit'
import { auditOf, loadOrg, nodeRef, nodesBelow } from './nodes'

const jobView = (job: OrgJobDoc): OrgJobView => ({
  jobId: job._id,
  done: job.done,
  total: job.total,
  finished: job.state === 'finished',
})

/**
 * Calls to check: binding, node and parent 3, the subtree 1 a thousand nodes, running jobs 1, the name at
 * the parent 1; to write: the lock on the node 1, the job 1, the audit 1, then the first page (runMovePage).
 * The checks read before they act: two moves started at once are kept apart by the lock, a conditional write
 * on the moved node that the job's last page releases.
 */
export async function moveOrg(input: ParsedInput<'org', 'move'>, ctx: HandlerContext): Promise<OrgJobView> {
  const { db, now } = ctx
  const [actor, node, parent] = await Promise.all([
    requireActor(ctx),
    loadOrg(db, input.id),
    loadOrg(db, input.parentId),
  ])
  if (!administers(actor, nodeRef(node)) || !administers(actor, nodeRef(parent))) throw new AppError('FORBIDDEN')
  if (!node.parentId) throw new AppError('INVALID_INPUT', '市级组织不能移动')
  if (parent._id === node._id || parent.path.includes(node._id)) {
    throw new AppError('INVALID_INPUT', '不能移到它自己或它下级的组织之下')
  }
  if (node.closedAt || parent.closedAt) throw new AppError('NODE_CLOSED')
  if (!mayNestUnder(node.kind, parent.kind)) {
    throw new AppError('INVALID_INPUT', `${ORG_KIND[node.kind]}不能设在${ORG_KIND[parent.kind]}之下`)
  }
  if (node.parentId === parent._id) throw new AppError('INVALID_STATE', `“${node.name}”已经在“${parent.name}”之下`)
  const below = await nodesBelow(db, node._id)
  await assertNoMoveUnderWay(db, [node._id, parent._id, ...below.map((n) => n._id)], [...node.path, ...parent.path])
  await assertFree(db, parent._id, node.name)
  const job: OrgJobDoc = {
    _id: 'job-' + randomUUID().replace(/-/g, ''),
    kind: 'move',
    nodeId: node._id,
    fromParentId: node.parentId,
    toParentId: parent._id,
    pending: [node._id, ...below.map((n) => n._id)],
    done: 0,
    total: below.length + 1,
    state: 'running',
    by: actor.memberId,
    startedAt: now,
    updatedAt: now,
  }
  const _ = db.command
  const lock = await db
    .collection('orgs')
    .where({ _id: node._id, movingJob: _.exists(false) })
    .update({ movingJob: job._id })
  if ((lock as { updated?: number }).updated !== 1) {
    throw new AppError('INVALID_STATE', '这部分组织正在移动，请等移动完成后再试')
  }
  try {
    await db.collection('orgJobs').add(job)
  } catch (err) {
    await db.collection('orgs').doc(node._id).update({ movingJob: _.remove() })
    throw err
  }
  await writeAudit(db, auditOf(actor, node, 'orgMove', `“${node.name}”调整到“${parent.name}”之下`), now)
  return jobView(await runMovePage(db, job, now))
}

/** The next page of a move, for an administrator of the moved node. Calls: binding and job 2, the node 1, the page. */
export async function continueJob(input: ParsedInput<'org', 'continueJob'>, ctx: HandlerContext): Promise<OrgJobView> {
  const [actor, res] = await Promise.all([requireActor(ctx), ctx.db.collection('orgJobs').doc(input.jobId).get()])
  const job = (res.data as OrgJobDoc[])[0]
  if (!job) throw new AppError('NOT_FOUND')
  const node = await loadOrg(ctx.db, job.nodeId)
  if (!administers(actor, nodeRef(node))) throw new AppError('FORBIDDEN')
  return jobView(await runMovePage(ctx.db, job, ctx.now))
}
