import { defaultCreditHours } from '../../src/shared/studyHours'

describe('defaultCreditHours', () => {
  it.each([
    [0, 0],
    [29, 0],
    [30, 0.5],
    [59, 0.5],
    [60, 1],
    [90, 1.5],
    [119, 1.5],
    [240, 4],
    [290, 4], // half a day: at most 4
    [480, 8],
    [720, 8], // a day: at most 8
  ])('%i minutes give %f 学时', (minutes, hours) => {
    expect(defaultCreditHours('standard', minutes)).toBe(hours)
  })

  it('gives a micro lecture 0.5', () => {
    expect(defaultCreditHours('micro', 5)).toBe(0.5)
  })
})
