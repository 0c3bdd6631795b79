/**
 * Moves of a node, done in bounded pages (OrgJobDoc): each page rewrites the path copies of at most
 * PAGE_NODES nodes of the moved subtree, three writes a node (its org document, its members' bindings, the
 * lectures it hosts), all absolute values, so a page cut off and done again changes nothing twice. The `org`
 * function runs the first page and the next on request (org.continueJob); the maintenance timer runs the rest.
 */
import { AppError } from '../../src/shared/errors'
import type { OrgDoc, OrgJobDoc } from '../../src/shared/model'
import type { Database } from './cloud'

/** Nodes a page rewrites: 3 writes each, 8 at a time, well within a function's time limit. */
export const PAGE_NODES = 40
const PARALLEL = 8

/**
 * The next page of a running job: reads the job's target parent and the page's nodes (2 reads), rewrites
 * them (3 writes each), then records the progress (1 write) only if the job is still as it was read: the
 * timer and continueJob may run the same job at once, and the one that lost re-reads it (1 read) and stops.
 * The last page releases the moved node (1 write). Answers the job as it now stands.
 */
export async function runMovePage(db: Database, job: OrgJobDoc, now: Date, pageNodes = PAGE_NODES): Promise<OrgJobDoc> {
  if (job.state !== 'running') return job
  const page = job.pending.slice(0, pageNodes)
  const _ = db.command
  const [parentRes, nodesRes] = await Promise.all([
    db.collection('orgs').doc(job.toParentId).get(),
    db
      .collection('orgs')
      .where({ _id: _.in(page) })
      .field({ path: true })
      .limit(page.length)
      .get(),
  ])
  const parent = (parentRes.data as OrgDoc[])[0]
  if (!parent) throw new Error(`org job ${job._id}: target parent ${job.toParentId} is gone`)
  const prefix = [...parent.path, parent._id]
  const nodes = new Map((nodesRes.data as OrgDoc[]).map((n) => [n._id, n]))
  // A node no longer below the moved node (moved away since) is left as it is.
  const queue = page.filter((id) => id === job.nodeId || (nodes.get(id)?.path.includes(job.nodeId) ?? false))
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const old = nodes.get(id)!.path
      // From the moved node down, the path stays; above it, it becomes the new parent's.
      const path = id === job.nodeId ? prefix : [...prefix, ...old.slice(old.indexOf(job.nodeId))]
      await rewriteNode(db, id, path, id === job.nodeId ? parent._id : undefined)
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker))
  const pending = job.pending.slice(page.length)
  const progress = {
    pending,
    done: job.total - pending.length,
    state: pending.length ? ('running' as const) : ('finished' as const),
    updatedAt: now,
    ...(pending.length ? {} : { finishedAt: now }),
  }
  const res = await db.collection('orgJobs').where({ _id: job._id, done: job.done, state: 'running' }).update(progress)
  if ((res as { updated?: number }).updated !== 1) return (await loadJob(db, job._id)) ?? job
  if (!pending.length) {
    await db.collection('orgs').where({ _id: job.nodeId, movingJob: job._id }).update({ movingJob: _.remove() })
  }
  return { ...job, ...progress }
}

export async function loadJob(db: Database, id: string): Promise<OrgJobDoc | undefined> {
  const res = await db.collection('orgJobs').doc(id).get()
  return (res.data as OrgJobDoc[])[0]
}

/** A node's three path copies: its own, its members' bindings' (which end with the node), its lectures' hostPath. */
async function rewriteNode(db: Database, id: string, path: string[], parentId?: string): Promise<void> {
  await Promise.all([
    db
      .collection('orgs')
      .doc(id)
      .update(parentId ? { path, parentId } : { path }),
    db
      .collection('bindings')
      .where({ branchId: id })
      .update({ path: [...path, id] }),
    db.collection('lectures').where({ hostOrgId: id }).update({ hostPath: path }),
  ])
}

/**
 * Running jobs continued by the maintenance timer, page by page, until the deadline (ms since the epoch).
 * Each page starts from the job read afresh: continueJob may have moved it on, or finished it, meanwhile.
 */
export async function continueOrgJobs(db: Database, now: Date, deadline: number) {
  const res = await db.collection('orgJobs').where({ state: 'running' }).field({ _id: true }).limit(20).get()
  const totals = { jobs: 0, pages: 0, finished: 0, unfinished: false }
  for (const { _id } of res.data as Pick<OrgJobDoc, '_id'>[]) {
    totals.jobs++
    for (let job = await loadJob(db, _id); job?.state === 'running'; job = await loadJob(db, _id)) {
      if (Date.now() > deadline) return { ...totals, unfinished: true }
      await runMovePage(db, job, now)
      totals.pages++
    }
    totals.finished++
  }
  return totals
}

/**
 * A tree edit while a move is under way would copy, or miss, the paths the move has not yet rewritten: refused
 * while a running move's node, its old or new parent, or a node still waiting for it lies in `region` (the
 * nodes the edit reads or writes), or while the moved node lies above the region (`above`: its ancestors).
 * One read.
 */
export async function assertNoMoveUnderWay(db: Database, region: string[], above: string[]): Promise<void> {
  const res = await db
    .collection('orgJobs')
    .where({ state: 'running' })
    .field({ nodeId: true, fromParentId: true, toParentId: true, pending: true })
    .get()
  const inRegion = new Set(region)
  for (const job of res.data as OrgJobDoc[]) {
    const touched = [job.nodeId, job.fromParentId, job.toParentId, ...job.pending].some((id) => inRegion.has(id))
    if (touched || above.includes(job.nodeId)) {
      throw new AppError('INVALID_STATE', '这部分组织正在移动，请等移动完成后再试')
    }
  }
}
