/**
 * The org function's tree actions on the demo city, in-process through the real SDK and the emulator: reading
 * the tree (children, find) by role and node.
 */
import { main } from '../../cloudfunctions/org/main'
import type { OrgChildren, OrgNodeView } from '../../src/shared/contract'
import { caller } from '../support/caller'
import { callsOf, seededCloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'

const now = new Date()
let cloud: TestCloud
const seed = seededCloudForFile(now, (c) => (cloud = c))
const { call, ok } = caller(main)

const adminOf = (orgId: string) => `demo-${seed.members.find((m) => m.adminOrgId === orgId)!._id}`
const CITY_ADMIN = adminOf('org-jinan')
const LIXIA_ADMIN = adminOf('org-lixia')
const STREET_ADMIN = adminOf('org-lixia-jiefanglu')
const secretary = seed.members.find((m) => m.branchId === 'br-lixia-ssdl-1' && m.roles.includes('secretary'))!
const SECRETARY = `demo-${secretary._id}`
const PLAIN = `demo-${seed.members.find((m) => m.roles.length === 1 && seed.bindings.some((b) => b.memberId === m._id))!._id}`

describe('org.children', () => {
  it('gives an administrator their own node first, its children in tree order with their counts', async () => {
    const r = await ok<OrgChildren>('children', {}, LIXIA_ADMIN)
    expect(r.node).toMatchObject({ id: 'org-lixia', kind: 'district', parentId: 'org-jinan', closed: false })
    expect(r.node.children).toBe(r.children.length)
    expect(r.ancestors).toEqual([])
    const street = r.children.find((c) => c.id === 'org-lixia-jiefanglu')!
    const under = seed.orgs.filter((o) => o.parentId === 'org-lixia-jiefanglu').length
    expect(street).toMatchObject({ kind: 'street', children: under, path: ['org-jinan', 'org-lixia'] })
    const kinds = r.children.map((c) => c.kind)
    expect(kinds).toEqual([...kinds].sort((a, b) => (a === b ? 0 : a === 'branch' ? 1 : b === 'branch' ? -1 : 0)))
  })

  it('gives the way back only from the caller’s own node down', async () => {
    const deep = await ok<OrgChildren>('children', { parentId: 'org-lixia-ssdl' }, LIXIA_ADMIN)
    expect(deep.ancestors.map((a) => a.name)).toEqual(['历下区', '解放路街道'])
    const city = await ok<OrgChildren>('children', { parentId: 'org-lixia-ssdl' }, CITY_ADMIN)
    expect(city.ancestors.map((a) => a.id)).toEqual(['org-jinan', 'org-lixia', 'org-lixia-jiefanglu'])
  })

  it('lets a secretary read their branch only, and refuses the rest', async () => {
    const r = await ok<OrgChildren>('children', {}, SECRETARY)
    expect(r).toMatchObject({ node: { id: 'br-lixia-ssdl-1', kind: 'branch', children: 0 }, children: [] })
    expect(await call('children', { parentId: 'org-lixia-ssdl' }, SECRETARY)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('children', { parentId: 'org-lixia' }, STREET_ADMIN)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('children', { parentId: 'org-jinan' }, LIXIA_ADMIN)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('children', {}, PLAIN)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('children', {}, 'wx-nobody')).toMatchObject({ code: 'NOT_A_MEMBER' })
    expect(await call('children', { parentId: 'org-none' }, CITY_ADMIN)).toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('org.find', () => {
  it('finds nodes of the caller’s subtree by part of the name, of a kind if asked', async () => {
    const { nodes } = await ok<{ nodes: OrgNodeView[] }>('find', { q: '山师东路' }, STREET_ADMIN)
    expect(nodes.length).toBeGreaterThan(1)
    expect(nodes.every((n) => n.name.includes('山师东路') && n.path.includes('org-lixia-jiefanglu'))).toBe(true)
    const branches = await ok<{ nodes: OrgNodeView[] }>('find', { q: '山师东路', kind: 'branch' }, STREET_ADMIN)
    expect(branches.nodes.every((n) => n.kind === 'branch')).toBe(true)
    expect(branches.nodes.length).toBeLessThan(nodes.length)
    const own = await ok<{ nodes: OrgNodeView[] }>('find', { q: '解放路' }, STREET_ADMIN)
    expect(own.nodes.map((n) => n.id)).toContain('org-lixia-jiefanglu')
  })

  it('finds nothing outside the subtree, at most 20, and takes the typed text literally', async () => {
    const outside = await ok<{ nodes: OrgNodeView[] }>('find', { q: '历城' }, LIXIA_ADMIN)
    expect(outside.nodes).toEqual([])
    const many = await ok<{ nodes: OrgNodeView[] }>('find', { q: '支部' }, CITY_ADMIN)
    expect(many.nodes).toHaveLength(20)
    expect((await ok<{ nodes: OrgNodeView[] }>('find', { q: '.*' }, CITY_ADMIN)).nodes).toEqual([])
    const mine = await ok<{ nodes: OrgNodeView[] }>('find', { q: '党支部' }, SECRETARY)
    expect(mine.nodes.map((n) => n.id)).toEqual(['br-lixia-ssdl-1'])
    expect(await call('find', { q: '支部' }, PLAIN)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await call('find', { q: ' ' }, CITY_ADMIN)).toMatchObject({ code: 'INVALID_INPUT' })
  })
})

describe('what reading the tree costs', () => {
  it('children: 5 database calls; find: 3', async () => {
    expect(await callsOf(cloud, () => ok('children', { parentId: 'org-lixia-jiefanglu' }, LIXIA_ADMIN))).toBe(5)
    expect(await callsOf(cloud, () => ok('find', { q: '社区' }, LIXIA_ADMIN))).toBe(3)
  })
})
