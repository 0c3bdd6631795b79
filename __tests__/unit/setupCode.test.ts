import { createHash } from 'crypto'
import {
  formatSetupCode,
  newSetupCode,
  normaliseSetupCode,
  SETUP_CODE_LENGTH,
  setupCodeHash,
} from '../../src/shared/setupCode'
import { INVITE_CODE_ALPHABET } from '../../src/shared/roster'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe('setup codes', () => {
  it('are 12 characters of the invite-code alphabet, shown in groups of four', () => {
    let i = 0
    const code = newSetupCode((n) => i++ % n)
    expect(code).toHaveLength(SETUP_CODE_LENGTH)
    expect([...code].every((c) => INVITE_CODE_ALPHABET.includes(c))).toBe(true)
    expect(formatSetupCode('ABCDEFGHJKLM')).toBe('ABCD-EFGH-JKLM')
  })

  it('are read as typed: any case, with or without dashes or spaces, full-width dashes too', () => {
    for (const typed of ['ABCD-EFGH-JKLM', 'abcdefghjklm', ' abcd efgh jklm ', 'Abcd－Efgh—jklm']) {
      expect(normaliseSetupCode(typed)).toBe('ABCDEFGHJKLM')
    }
  })

  it('refuse what cannot be a code: wrong length, letters never used (0/O, 1/I), other signs', () => {
    for (const typed of [
      '',
      'ABCD-EFGH-JKL',
      'ABCD-EFGH-JKLMN',
      'ABCD-EFGH-JKL0',
      'OBCD-EFGH-JKLM',
      'ABCD_EFGH_JKLM',
    ]) {
      expect(normaliseSetupCode(typed)).toBeUndefined()
    }
  })

  it('hash the normalised code, so a loosely typed code matches the stored hash', () => {
    const stored = setupCodeHash('ABCD-EFGH-JKLM', sha256)
    expect(stored).toMatch(/^[0-9a-f]{64}$/)
    expect(setupCodeHash('abcdefghjklm', sha256)).toBe(stored)
    expect(setupCodeHash('ABCD-EFGH-JKLN', sha256)).not.toBe(stored)
  })
})
