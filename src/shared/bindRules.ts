/**
 * Binding's form rules without zod. The bind page lives in the main package, and any zod there brings zod's
 * whole core with it (~69 KB: the core is one set of modules for zod/mini and the classic zod the
 * sub-packages use, so it is kept whole). The contract's schema (contract/bind.ts) is built from these same
 * patterns and words; a unit test holds checkBind and the schema to one verdict.
 */
export const PHONE = /^1[3-9]\d{9}$/
export const PHONE_WORDS = '请填写11位手机号'
export const INVITE_CODE = /^[A-Z0-9]{6}$/
export const INVITE_CODE_WORDS = '邀请码是6位字母或数字'
export const NAME_MAX = 20
export const NAME_WORDS = `请填写姓名（最多${NAME_MAX}个字）`

export type BindForm = { method: 'invite'; code: string } | { method: 'roster'; name: string; phone: string }

/** A field's complaint, in the shape of a zod issue so that one fieldErrors reads both. */
interface Issue {
  path: string[]
  message: string
}

export type BindCheck = { success: true; data: BindForm } | { success: false; error: { issues: Issue[] } }

/** The form trimmed (the code upper-cased) as the server will parse it, or each field's complaint. */
export function checkBind(form: BindForm): BindCheck {
  const issues: Issue[] = []
  const unless = (ok: boolean, field: string, message: string) => ok || issues.push({ path: [field], message })
  let data: BindForm
  if (form.method === 'invite') {
    data = { method: 'invite', code: form.code.trim().toUpperCase() }
    unless(INVITE_CODE.test(data.code), 'code', INVITE_CODE_WORDS)
  } else {
    data = { method: 'roster', name: form.name.trim(), phone: form.phone.trim() }
    unless(data.name.length >= 1 && data.name.length <= NAME_MAX, 'name', NAME_WORDS)
    unless(PHONE.test(data.phone), 'phone', PHONE_WORDS)
  }
  return issues.length ? { success: false, error: { issues } } : { success: true, data }
}
