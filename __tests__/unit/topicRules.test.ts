import {
  byListOrder,
  keepsTopic,
  keepsTopicsOf,
  seesUnpublished,
  topicFits,
  topicTieChanged,
} from '../../src/shared/topicRules'
import { topicInput } from '../../src/shared/contract'
import { actor } from '../support/actors'

// 市 > 区A > 街道A1 > 支部a ; 区B
const cityAdmin = actor({ roles: ['member', 'admin'], adminOrgId: 'city' })
const districtAdmin = actor({ roles: ['member', 'admin'], adminOrgId: 'dA' })
const streetAdmin = actor({ roles: ['member', 'admin'], adminOrgId: 'sA1' })
const secretary = actor({ roles: ['member', 'secretary'] })
const city = { id: 'city', kind: 'city' as const }
const dA = { id: 'dA', kind: 'district' as const }
const dB = { id: 'dB', kind: 'district' as const }
const sA1 = { id: 'sA1', kind: 'street' as const }

describe('keepsTopicsOf: who publishes a list', () => {
  it.each([
    ['city admin, the city', cityAdmin, city, true],
    ['city admin, a district below', cityAdmin, dA, false],
    ['district admin, own district', districtAdmin, dA, true],
    ['district admin, another district', districtAdmin, dB, false],
    ['district admin, the city above', districtAdmin, city, false],
    ['street admin, own street (no list at a street)', streetAdmin, sA1, false],
    ['secretary', secretary, dA, false],
    ['admin node without the role', actor({ adminOrgId: 'dA' }), dA, false],
  ])('%s → %s', (_what, who, node, expected) => {
    expect(keepsTopicsOf(who, node)).toBe(expected)
  })

  it('a stored topic is kept by its own node’s administrators only', () => {
    expect(keepsTopic(districtAdmin, { orgId: 'dA' })).toBe(true)
    expect(keepsTopic(cityAdmin, { orgId: 'dA' })).toBe(false)
    expect(keepsTopic(districtAdmin, { orgId: 'city' })).toBe(false)
  })

  it('drafts are seen by administrators of the node and above', () => {
    expect(seesUnpublished(cityAdmin, { orgPath: ['city', 'dA'] })).toBe(true)
    expect(seesUnpublished(districtAdmin, { orgPath: ['city', 'dA'] })).toBe(true)
    expect(seesUnpublished(districtAdmin, { orgPath: ['city'] })).toBe(false)
    expect(seesUnpublished(streetAdmin, { orgPath: ['city', 'dA'] })).toBe(false)
    expect(seesUnpublished(secretary, { orgPath: ['city', 'dA'] })).toBe(false)
  })
})

describe('topicFits: which lecture or proposal may take a topic', () => {
  const june2026 = new Date('2026-06-01T02:00:00Z')
  const use = { path: ['city', 'dA', 'sA1', 'bA'], at: june2026 }
  const topic = { status: 'published' as const, year: 2026, orgId: 'dA' }

  it('a published topic of the year set on the host’s path fits', () => {
    expect(topicFits(topic, use)).toBe(true)
    expect(topicFits({ ...topic, orgId: 'city' }, use)).toBe(true)
  })

  it.each([
    ['another district’s', { orgId: 'dB' }],
    ['a node below the host', { orgId: 'bX' }],
    ['a draft', { status: 'draft' as const }],
    ['a withdrawn', { status: 'withdrawn' as const }],
    ['last year’s', { year: 2025 }],
  ])('%s topic does not', (_what, over) => {
    expect(topicFits({ ...topic, ...over }, use)).toBe(false)
  })

  it('the year is China’s: 31 Dec 17:00 UTC is already the next year', () => {
    const newYear = new Date('2026-12-31T17:00:00Z')
    expect(topicFits({ ...topic, year: 2027 }, { ...use, at: newYear })).toBe(true)
    expect(topicFits(topic, { ...use, at: newYear })).toBe(false)
  })
})

describe('topicTieChanged: when an edit is checked again', () => {
  const before = { topicId: 't1', hostOrgId: 'bA', startAt: new Date('2026-06-01T02:00:00Z') }
  it.each([
    ['no topic chosen', undefined, { ...before, topicId: undefined }, false],
    ['a new lecture with a topic', undefined, before, true],
    ['nothing changed', before, { ...before, startAt: new Date('2026-07-01T02:00:00Z') }, false],
    ['another topic', before, { ...before, topicId: 't2' }, true],
    ['another host', before, { ...before, hostOrgId: 'bB' }, true],
    ['moved into the next year', before, { ...before, startAt: new Date('2027-01-02T02:00:00Z') }, true],
  ])('%s', (_what, was, now, expected) => {
    expect(topicTieChanged(was, now)).toBe(expected)
  })
})

describe('the list and the form', () => {
  it('orders the city’s topics before a district’s, each by its order', () => {
    const list = [
      { id: 'd1', orgPath: ['city', 'dA'], order: 1 },
      { id: 'c2', orgPath: ['city'], order: 2 },
      { id: 'c1', orgPath: ['city'], order: 1 },
    ]
    expect(list.sort(byListOrder).map((t) => t.id)).toEqual(['c1', 'c2', 'd1'])
  })

  it('trims the fields and refuses what a list cannot hold', () => {
    expect(topicInput.parse({ title: ' 大党学习的力量 ', department: ' 市委组织部' })).toEqual({
      title: '大党学习的力量',
      description: '',
      department: '市委组织部',
    })
    expect(topicInput.safeParse({ title: '党', department: '市委组织部' }).success).toBe(false)
    expect(topicInput.safeParse({ title: '大党学习的力量', department: ' ' }).success).toBe(false)
    expect(topicInput.safeParse({ title: 'x'.repeat(41), department: '市委组织部' }).success).toBe(false)
  })
})
