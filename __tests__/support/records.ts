/** Stored documents that tests put straight into the database, in the shape the functions write them. */
import type { SignupDoc, SignupState } from '../../src/shared/model'

/** A member's sign-up (named by its member id) with its arrival number, written at `at`. */
export const signupDoc = (
  lectureId: string,
  memberId: string,
  branchId: string,
  status: SignupState,
  ticket: number,
  at: Date,
): SignupDoc => ({
  _id: `${lectureId}:${memberId}`,
  lectureId,
  memberId,
  memberName: memberId,
  branchId,
  status,
  ticket,
  createdAt: at,
  updatedAt: at,
})
