import { AppError, ERROR_MESSAGES, refusal } from '../../src/shared/errors'

describe('refusal', () => {
  it('carries the code and its Chinese message', () => {
    expect(refusal('FORBIDDEN')).toEqual({ ok: false, code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN })
    expect(new AppError('NOT_FOUND', 'x').explanation).toBe('x')
  })
})
