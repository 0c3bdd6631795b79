import { auditDetail, dutyOf, isMemberQuery, maskPhone, memberQuery } from '../../src/shared/appointRules'

it('masks a phone as 138****1234, and anything else entirely', () => {
  expect(maskPhone('13812341234')).toBe('138****1234')
  expect(maskPhone('removed:m-0001')).toBe('—')
})

it('reads a search as a whole phone, a phone’s last four digits, or part of a name', () => {
  expect(memberQuery('13812341234')).toEqual({ by: 'phone', phone: '13812341234' })
  expect(memberQuery('1234')).toEqual({ by: 'phoneEnd', digits: '1234' })
  expect(memberQuery('王')).toEqual({ by: 'name', text: '王' })
  expect(['王芳', 'Li', '1234', '13812341234'].every(isMemberQuery)).toBe(true)
  expect(['123', '12345', '1381234123'].some(isMemberQuery)).toBe(false)
})

it('writes the audit’s sentences as an administrator reads them', () => {
  expect(auditDetail.appoint('张三', '历下区', 'admin')).toBe('任命 张三 为 历下区 管理员')
  expect(auditDetail.dismiss('张三', '历下区', 'judge')).toBe('撤下 张三 的 历下区 评审专家')
  expect(auditDetail.invite('李教授', '济南市', 'judge')).toBe('邀请系统外的 李教授 担任 济南市 评审专家')
  expect(auditDetail.branchRole('王芳', '千佛山社区党支部', ['member', 'secretary', 'admin'])).toBe(
    '将 千佛山社区党支部 王芳 的职务改为 支部书记',
  )
  expect(dutyOf(['member', 'admin'])).toBe('党员')
})
