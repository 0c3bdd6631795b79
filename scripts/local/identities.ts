/** Who the local sign-in page offers: every seeded member bound to a demo WeChat identity. */
import type { Store } from '../../emulator/src/database/store'
import type { Identity } from '../../emulator/src/identity'
import type { BindingDoc, MemberDoc, OrgDoc, Role } from '../../src/shared/model'
import { ROLE } from '../../src/shared/words'
import { TODAY_BRANCH_ID } from '../seed/today'

/** The sign-in page groups the demo's administrators by the office they work in. */
const ROLE_NAMES: Record<Role, string> = { ...ROLE, admin: '组织部门管理员' }

export function localIdentities(store: Store): Identity[] {
  const members = new Map(store.scan('members', {}).map((r) => [r.id, r.doc as unknown as MemberDoc]))
  const orgs = new Map(store.scan('orgs', {}).map((r) => [r.id, r.doc as unknown as OrgDoc]))
  const out: (Identity & { rank: number })[] = []
  for (const { doc } of store.scan('bindings', {})) {
    const b = doc as unknown as BindingDoc
    const m = members.get(b.memberId)
    if (!m) continue
    const role = (['admin', 'secretary', 'committee', 'judge'] as Role[]).find((r) => m.roles.includes(r))
    // The branch of the demo's lecture of today comes first: its secretary runs check-in, its members scan.
    const today = m.branchId === TODAY_BRANCH_ID
    const group = today ? '今日党课（签到演示）' : ROLE_NAMES[role ?? 'member']
    const where = m.adminOrgId ? orgs.get(m.adminOrgId)?.name : orgs.get(m.branchId)?.name
    out.push({
      openid: b._id,
      label: `${m.name}\u3000${today ? `${ROLE_NAMES[role ?? 'member']}·` : ''}${where ?? ''}`, // \u3000: full-width space
      group,
      rank: (today ? -10 : 0) + (role ? ['admin', 'secretary', 'committee', 'judge'].indexOf(role) : 9),
    })
  }
  out.sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label, 'zh-CN'))
  return out.map(({ rank, ...identity }) => (void rank, identity))
}

/** The same rule for one openid, without building and sorting the whole list: a binding of a roster member. */
export function isIdentity(store: Store, openid: string): boolean {
  const binding = store.getById('bindings', openid)?.doc as unknown as BindingDoc | undefined
  return binding !== undefined && store.getById('members', binding.memberId) !== undefined
}
