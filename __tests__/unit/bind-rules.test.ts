/** The bind page's zod-free check (main package) and the contract's bind schema give one verdict. */
import { checkBind, type BindForm } from '../../src/shared/bindRules'
import { bindInput } from '../../src/shared/contract/bind'
import { fieldErrors } from '../../src/utils/formErrors'

const FORMS: BindForm[] = [
  { method: 'invite', code: 'ab12cd' },
  { method: 'invite', code: ' AB12CD ' },
  { method: 'invite', code: 'AB12C' },
  { method: 'invite', code: 'AB-2CD' },
  { method: 'invite', code: '' },
  { method: 'roster', name: ' 王建国 ', phone: ' 13800000001 ' },
  { method: 'roster', name: '王建国', phone: '12800000001' },
  { method: 'roster', name: '王建国', phone: '1380000000' },
  { method: 'roster', name: '   ', phone: '13800000001' },
  { method: 'roster', name: '王'.repeat(20), phone: '13800000001' },
  { method: 'roster', name: '王'.repeat(21), phone: 'x' },
]

it.each(FORMS)('checks %j as the contract parses it', (form) => {
  const mine = checkBind(form)
  const theirs = bindInput.safeParse(form)
  expect(mine.success).toBe(theirs.success)
  if (mine.success && theirs.success) expect(mine.data).toEqual(theirs.data)
  if (!mine.success && !theirs.success) {
    // The contract has no member-facing words for the name; the page's check says them itself.
    const name = { name: '请填写姓名（最多20个字）' }
    expect(fieldErrors(mine.error)).toEqual(fieldErrors(theirs.error, name))
  }
})
