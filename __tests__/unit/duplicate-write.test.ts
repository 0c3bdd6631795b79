/** Duplicate writes in every shape the service answers them, recognised in one place (cloud.ts). */
import { isDuplicateWrite } from '../../cloudfunctions/_shared/cloud'

it('recognises the documented code and E11000 in another code’s message, nothing else', () => {
  expect(isDuplicateWrite({ code: 'DATABASE_DUPLICATE_WRITE', message: '' })).toBe(true)
  const e11000 = 'E11000 duplicate key error collection: tcb.signups index: _id_ dup key: { _id: "a" }'
  expect(isDuplicateWrite({ code: 'DATABASE_REQUEST_FAILED', message: e11000 })).toBe(true)
  expect(isDuplicateWrite(Object.assign(new Error(`[SYS_ERR] ${e11000}`), { code: 'SYS_ERR' }))).toBe(true)
  expect(isDuplicateWrite({ code: 'DATABASE_REQUEST_FAILED', message: 'connection reset' })).toBe(false)
  expect(isDuplicateWrite(new Error('timeout'))).toBe(false)
  expect(isDuplicateWrite(undefined)).toBe(false)
  expect(isDuplicateWrite('E11000 duplicate key')).toBe(false)
})
