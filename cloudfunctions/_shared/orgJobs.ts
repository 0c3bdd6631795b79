/**
 * Moves of a node, done in bounded pages (OrgJobDoc): each page rewrites the path copies of at most
 * PAGE_NODES nodes of the moved subtree, three writes a node (its org document, its members' bindings, the
 * lectures it hosts), all absolute values, so a page cut off and done again changes nothing twice. The `org`
 * function runs the first page and the next on request (org.continueJob); the maintenance timer runs the rest.
 */
import type { OrgDoc, OrgJobDoc } from '../../src/shared/model'
import type { Database } from './cloud'

/** Nodes a page rewrites: 3 writes each, 8 at a time, well within a function's time limit. */
export const PAGE_NODES = 40
const PARALLEL = 8

/**
 * The next page of a running job: reads the job's target parent and the page's nodes (2 reads), rewrites
 * them (3 writes each), then records the progress (1 write). Answers the job as it now stands.
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
  const queue = page.filter((id) => nodes.has(id))
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
  await db.collection('orgJobs').doc(job._id).update(progress)
  return { ...job, ...progress }
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

/** Running jobs continued by the maintenance timer, page by page, until the budget is spent. */
export async function continueOrgJobs(db: Database, now: Date, budgetMs: number) {
  const started = Date.now()
  const res = await db.collection('orgJobs').where({ state: 'running' }).limit(20).get()
  const totals = { jobs: 0, pages: 0, finished: 0, unfinished: false }
  for (let job of res.data as OrgJobDoc[]) {
    totals.jobs++
    while (job.state === 'running') {
      if (Date.now() - started > budgetMs) return { ...totals, unfinished: true }
      job = await runMovePage(db, job, now)
      totals.pages++
    }
    totals.finished++
  }
  return totals
}
