/** Bench members: bound members of one seeded branch, written straight into the emulator's store in bulk. */
import type { Emulator } from '../../emulator/src/server'
import type { BindingDoc, MemberDoc, OrgDoc } from '../../src/shared/model'

/**
 * `count` members `<prefix>-<i>`, the first `bound` of them bound to the openids `<prefix>-wx-<i>`, in the
 * first seeded branch. `series` (0–9) keeps the phones and invite codes of two calls apart; '~' keeps them
 * apart from real ones.
 */
export function addBenchMembers(
  emulator: Emulator,
  prefix: string,
  series: number,
  count: number,
  bound = count,
): { memberIds: string[]; openids: string[] } {
  const branch = emulator.store.scan('orgs', {}).find((r) => (r.doc as unknown as OrgDoc).kind === 'branch')!
    .doc as unknown as OrgDoc
  const now = new Date()
  const members: MemberDoc[] = []
  const bindings: BindingDoc[] = []
  for (let i = 0; i < count; i++) {
    const id = `${prefix}-${i}`
    members.push({
      _id: id,
      name: `测试党员${i}`,
      phone: `10${series}${String(i).padStart(8, '0')}`,
      branchId: branch._id,
      roles: ['member'],
      inviteCode: `~${series}${i.toString(36).padStart(4, '0')}`,
    })
    if (i < bound)
      bindings.push({
        _id: `${prefix}-wx-${i}`,
        memberId: id,
        boundAt: now,
        name: `测试党员${i}`,
        branchId: branch._id,
        path: [...branch.path, branch._id],
        roles: ['member'],
      })
  }
  emulator.store.insertMany('members', members as never)
  emulator.store.insertMany('bindings', bindings as never)
  return { memberIds: members.map((m) => m._id), openids: bindings.map((b) => b._id) }
}
