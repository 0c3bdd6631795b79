import { memberProcedures, proposalProcedures } from '../../src/shared/contract'
import { fieldErrors } from '../../src/utils/formErrors'
import { routes } from '../../src/utils/routes'

describe('fieldErrors', () => {
  it("gives the schema's own message per field", () => {
    const r = memberProcedures.bind.input.safeParse({ method: 'roster', name: '王建国', phone: '1234' })
    expect(r.success).toBe(false)
    if (!r.success) expect(fieldErrors(r.error)).toEqual({ phone: '请填写11位手机号' })
  })

  it('keeps the first message of a field, and uses the given wording for fields without a member-facing one', () => {
    const r = proposalProcedures.propose.input.safeParse({ title: '', outline: '太短' })
    expect(r.success).toBe(false)
    if (!r.success) {
      expect(fieldErrors(r.error, { theme: '请选择一种党课形式' })).toEqual({
        theme: '请选择一种党课形式',
        title: '题目至少2个字',
        outline: '提纲至少10个字',
      })
    }
  })
})

describe('routes', () => {
  it('puts ids into the query string encoded', () => {
    expect(routes.lecture('lec-001')).toBe('/pages/lecture/index?id=lec-001')
    expect(routes.manageRoster('a&b')).toBe('/manage/roster/index?id=a%26b')
  })
})
