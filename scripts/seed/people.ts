/**
 * About 200 demo members: made-up names (common surnames of Shandong, 亓 and 毕 as in Laiwu), phone numbers of
 * a valid mainland format, one secretary and 0-2 committee members per branch, node administrators, judges.
 */
import type { MemberDoc, Role } from '../../src/shared/model'
import { mulberry32, type Rng } from './prng'

const SURNAMES = [...'王王王王张张张李李李刘刘孙孙赵陈杨徐高马郭于朱董吕田韩姜宋曹崔侯邢毕鲁房亓吴胡任袁石尹']
const GIVEN_FIRST = [...'建立秀玉海国志春晓文明桂红德凤丽永兆庆淑宝新雪振学传荣金家子佳欣梦思雨浩俊宇']
const GIVEN_SECOND = [...'华军英芳平强伟兰梅霞刚东杰静敏涛峰勇娟波鹏琳磊斌萍娜亮辉云清诚怡涵瑶轩博']
/** Names of public figures that the lists above could produce. */
const AVOID = new Set(
  `王刚 李刚 李娜 张杰 刘涛 李静 陈红 马云 于波 王海 王立军
   刘志军 朱建华 王志刚 孙春兰 杨丽萍 王宝强 刘德华 陈建斌 李玉刚 宋佳`.split(/\s+/),
)
/** The local sign-in's stand-in for a WeChat openid. */
export const demoOpenid = (memberId: string) => `demo-${memberId}`
/** Invite codes: no 0/O or 1/I, which people misread on a printed roster. */
const CODE_ALPHABET = [...'ABCDEFGHJKLMNPQRSTUVWXYZ23456789']

const PHONE_PREFIXES = `130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156
  157 158 159 177 178 180 181 182 183 185 186 187 188 189 191 199`.split(/\s+/)

/** A new plausible name, not in `taken` (which it extends). */
export function personName(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const given = rng.next() < 0.2 ? rng.pick(GIVEN_SECOND) : rng.pick(GIVEN_FIRST) + rng.pick(GIVEN_SECOND)
    const name = rng.pick(SURNAMES) + given
    if (!AVOID.has(name) && !taken.has(name)) {
      taken.add(name)
      return name
    }
  }
}

/** Members per branch: at least 3 (more where roles need them), at most 8, `total` in all. */
function branchSizes(rng: Rng, branchIds: string[], minimum: Record<string, number>, total: number): number[] {
  const sizes = branchIds.map((id) => minimum[id] ?? 3)
  for (let left = total - sizes.reduce((a, b) => a + b, 0); left > 0;) {
    const i = rng.int(0, sizes.length - 1)
    if (sizes[i] < 8) {
      sizes[i]++
      left--
    }
  }
  return sizes
}

const CITY = 'org-jinan'
/** [node administered, branch of the administrator]: the city organisation department, districts, streets. */
const ADMINS: Array<[string, string]> = [
  [CITY, 'br-szjg-zzb-1'],
  ['org-lixia', 'br-lixia-qfs-jg'],
  ['org-jiyang', 'br-jiyang-cbh'],
  ['org-zhangqiu', 'br-zhangqiu-bmq'],
  ['org-lixia-jiefanglu', 'br-lixia-ssdl-1'],
  ['org-shizhong-shungeng', 'br-shizhong-sg-1'],
  ['org-jiyang-qudi', 'br-jiyang-qd'],
]
/** The expert judges teach at the city Party school and judge the city's selection. */
const JUDGE_BRANCH = 'br-szjg-dx-jy'
const MEMBER_COUNT = 200
const UNBOUND_COUNT = 20

export interface People {
  members: MemberDoc[]
  /** Members bound to a demo WeChat identity (the rest bind themselves with their invite code). */
  bound: MemberDoc[]
  /** Every name used so far, so that invited lecturers get other names. */
  names: Set<string>
}

export function buildMembers(branchIds: string[]): People {
  const rng = mulberry32(0x5eed0001)
  const names = new Set<string>()
  const phones = new Set<string>()
  const codes = new Set<string>()
  const inviteCode = (): string => {
    for (;;) {
      const c = Array.from({ length: 6 }, () => rng.pick(CODE_ALPHABET)).join('')
      if (!codes.has(c)) {
        codes.add(c)
        return c
      }
    }
  }
  const phone = (): string => {
    for (;;) {
      const p = rng.pick(PHONE_PREFIXES) + String(rng.int(0, 99999999)).padStart(8, '0')
      if (!phones.has(p)) {
        phones.add(p)
        return p
      }
    }
  }
  const sizes = branchSizes(rng, branchIds, { [JUDGE_BRANCH]: 6 }, MEMBER_COUNT)
  const members: MemberDoc[] = []
  branchIds.forEach((branchId, b) => {
    const committee = rng.int(0, Math.min(2, sizes[b] - 2))
    for (let i = 0; i < sizes[b]; i++) {
      const roles: Role[] = ['member']
      if (i === 0) roles.push('secretary')
      else if (i <= committee) roles.push('committee')
      const _id = 'm-' + String(members.length + 1).padStart(4, '0')
      members.push({ _id, name: personName(rng, names), phone: phone(), branchId, roles, inviteCode: inviteCode() })
    }
  })
  const lastOf = (branchId: string, skip = 0): MemberDoc =>
    members.filter((m) => m.branchId === branchId).reverse()[skip]
  for (const [orgId, branchId] of ADMINS) {
    const m = lastOf(branchId)
    m.roles.push('admin')
    m.adminOrgId = orgId
  }
  for (const skip of [0, 1, 2]) {
    const judge = lastOf(JUDGE_BRANCH, skip)
    judge.roles.push('judge')
    judge.judgeOrgId = CITY
  }
  // Bind everyone to a demo WeChat identity except UNBOUND_COUNT plain members, evenly spread.
  const plain = members.filter((m) => m.roles.length === 1)
  const unbound = new Set(
    Array.from({ length: UNBOUND_COUNT }, (_, k) => plain[Math.floor(((k + 0.5) * plain.length) / UNBOUND_COUNT)]),
  )
  return { members, names, bound: members.filter((m) => !unbound.has(m)) }
}
