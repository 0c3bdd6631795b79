/**
 * Lecture ids are made here, never by the database: an id becomes the `scene` of the lecture's
 * mini-program code (wxacode.getUnlimited), which holds at most 32 characters of a small set
 * (miniProgramCode.isScene). The database's own ids have no documented length.
 */
import { createHash, randomBytes } from 'crypto'

/** 'lec-' and 96 random bits in hex: 28 characters. */
export function newLectureId(): string {
  return `lec-${randomBytes(12).toString('hex')}`
}

/**
 * The draft lecture a proposal becomes: the same id for every accept of that proposal (a second accept
 * collides with the first), and 32 characters whatever the proposal's id is.
 */
export function proposalLectureId(proposalId: string): string {
  return `lec-p-${createHash('sha256').update(proposalId).digest('hex').slice(0, 26)}`
}
