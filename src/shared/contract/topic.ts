/** topic: the year's key topics (重点选题): published by the city and districts, tied to lectures and proposals, browsed by members */
import * as z from 'zod'
import type { TopicDoc } from '../model'
import { TOPIC_LIMITS } from '../topicRules'
import { id, procedure } from './common'
import type { LectureSummary } from './lecture'

const year = z.number().int().min(2000).max(2100)

/** What an administrator types: validated in the form and again on the server. */
export const topicInput = z.object({
  title: z.string().trim().min(2, '选题至少2个字').max(TOPIC_LIMITS.title, `选题最多${TOPIC_LIMITS.title}个字`),
  description: z.string().trim().max(TOPIC_LIMITS.description, `说明最多${TOPIC_LIMITS.description}个字`).default(''),
  department: z
    .string()
    .trim()
    .min(2, '请填写提出选题的部门')
    .max(TOPIC_LIMITS.department, `部门最多${TOPIC_LIMITS.department}个字`),
})

export type TopicInput = z.input<typeof topicInput>

/** A topic as pages see it: the stored fields they show, and whether the caller keeps it (edit, publish, withdraw). */
export type TopicView = Pick<
  TopicDoc,
  'year' | 'title' | 'description' | 'department' | 'orgId' | 'orgName' | 'status'
> & {
  id: string
  canManage: boolean
}

/** A published topic offered by the lecture and proposal forms. */
export interface TopicChoice {
  id: string
  title: string
  orgName: string
}

export interface TopicList {
  year: number
  items: TopicView[]
  /** The node whose list the caller keeps (a city or district administrator), where `save` adds topics. */
  keeps?: { id: string; name: string }
}

export const topicProcedures = {
  /** The year's list in the caller's scope (the city's and their district's); keepers also see drafts. */
  list: procedure<TopicList>()(z.object({ year: year.optional() })),
  /** Published topics a lecture hosted at `orgId` (absent: the caller's branch, for a proposal) may take. */
  choices: procedure<{ items: TopicChoice[] }>()(z.object({ year, orgId: id.optional() })),
  /** Create a draft in the caller's list (no id) or edit a draft or withdrawn topic. */
  save: procedure<TopicView>()(z.object({ id: id.optional(), year: year.optional(), topic: topicInput })),
  publish: procedure<TopicView>()(z.object({ id })),
  withdraw: procedure<TopicView>()(z.object({ id })),
  /** One topic with its lectures the caller may see: upcoming (soonest first), then held (latest first). */
  detail: procedure<{ topic: TopicView; upcoming: LectureSummary[]; held: LectureSummary[] }>()(z.object({ id })),
}
