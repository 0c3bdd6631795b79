/**
 * The demo's key topics (重点选题) of the current year: the city's list with the topics the source document
 * names (大党学习的力量, 新时代党员家风建设, 农村电商助力乡村振兴) and others of the departments it names, one
 * draft, a district's own topics; and the demo lectures of that year tied to them by their titles, within
 * the scope the server would check (topicRules.topicFits).
 */
import { chinaYear } from '../../src/shared/chinaTime'
import type { LectureDoc, OrgDoc, TopicDoc } from '../../src/shared/model'
import { topicFits } from '../../src/shared/topicRules'

interface DemoTopic {
  orgId: string
  title: string
  department: string
  description: string
  /** Words of the titles of the lectures that answer it. */
  words: string[]
  draft?: boolean
}

const TOPICS: DemoTopic[] = [
  {
    orgId: 'org-jinan',
    title: '大党学习的力量',
    department: '市委组织部',
    description: '讲清楚我们党靠学习走到今天、走向未来，结合本单位本支部的学习实践。',
    words: ['大党学习', '学思想', '高质量党建'],
  },
  {
    orgId: 'org-jinan',
    title: '新时代党员家风建设',
    department: '市纪委监委',
    description: '以好家风涵养好党风，讲身边党员的家教家风故事和廉洁家访。',
    words: ['家风', '家书', '廉洁'],
  },
  {
    orgId: 'org-jinan',
    title: '农村电商助力乡村振兴',
    department: '市发改委',
    description: '党员带头用好电商平台，把土特产卖出去、把乡亲们带起来。',
    words: ['电商', '振兴', '致富'],
  },
  {
    orgId: 'org-jinan',
    title: '党员带头，建设和美乡村',
    department: '市委宣传部',
    description: '移风易俗、人居环境、乡村治理，讲党员在村里带头干的实事。',
    words: ['和美乡村', '村规民约', '议事会'],
  },
  {
    orgId: 'org-jinan',
    title: '绿色低碳，守护黄河生态',
    department: '市生态环境局',
    description: '黄河流域生态保护和高质量发展，从车间节能到果园绿色种植。',
    words: ['绿色', '节能', '节水'],
  },
  {
    orgId: 'org-jinan',
    title: '依法纳税与优化营商环境',
    department: '市税务局',
    description: '税费政策怎么讲明白，党员窗口怎样服务好企业和群众。',
    words: [],
    draft: true,
  },
  {
    orgId: 'org-lixia',
    title: '社区治理中的党员作用',
    department: '历下区委组织部',
    description: '网格里、楼道里、小巷里，讲社区党员怎样当好群众的贴心人。',
    words: ['社区', '网格'],
  },
  {
    orgId: 'org-jiyang',
    title: '大棚里的党课：科技兴农',
    department: '济阳区委组织部',
    description: '党员技术员进大棚，讲新品种、新技术和合作社的路子。',
    words: ['大棚', '种粮'],
  },
]

/** The year's topics, and the lectures of that year tied to the first topic whose words their title holds. */
export function seedTopics(now: Date, orgs: OrgDoc[], lectures: LectureDoc[]): TopicDoc[] {
  const year = chinaYear(now)
  const byId = new Map(orgs.map((o) => [o._id, o]))
  const topics: TopicDoc[] = TOPICS.map((t, i) => {
    const org = byId.get(t.orgId)!
    const doc: TopicDoc = {
      _id: `topic-${year}-${String(i + 1).padStart(2, '0')}`,
      year,
      title: t.title,
      description: t.description,
      department: t.department,
      orgId: org._id,
      orgName: org.name,
      orgPath: [...org.path, org._id],
      status: t.draft ? 'draft' : 'published',
      order: i + 1,
      createdBy: 'seed',
      createdAt: now,
      updatedAt: now,
    }
    if (!t.draft) doc.publishedAt = now
    return doc
  })
  for (const lecture of lectures) {
    const use = { path: [...lecture.hostPath, lecture.hostOrgId], at: lecture.startAt }
    const i = TOPICS.findIndex((t, k) => t.words.some((w) => lecture.title.includes(w)) && topicFits(topics[k], use))
    if (i >= 0) Object.assign(lecture, { topicId: topics[i]._id, topicTitle: topics[i].title })
  }
  return topics
}
