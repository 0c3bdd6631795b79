/**
 * The audit trail of going live (tree edits, appointments, transfers, deactivations): one entry per change,
 * written after the change it records, never edited. Its id is random; a retried request that changed
 * nothing the second time writes no second entry because callers write only when their change applied.
 */
import { randomUUID } from 'crypto'
import type { AuditDoc } from '../../src/shared/model'
import { addIfAbsent, type Database } from './cloud'

export type AuditEntry = Omit<AuditDoc, '_id' | 'at'>

/** `id`: a deterministic one, for a change whose retry cannot tell whether it applied (then written once). */
export async function writeAudit(db: Database, entry: AuditEntry, at: Date, id?: string): Promise<void> {
  const doc: AuditDoc = { _id: id ?? 'aud-' + randomUUID().replace(/-/g, ''), ...entry, at }
  if (id) await addIfAbsent(db, 'audit', doc)
  else await db.collection('audit').add(doc)
}
