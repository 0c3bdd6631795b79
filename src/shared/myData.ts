/**
 * 我的数据 as tables: one per kind of record, the same on the page and in the exported Excel file (a sheet
 * each), in the words of words.ts and China time.
 */
import { chinaDate, chinaDateTime } from './chinaTime'
import type { MyData } from './contract/privacy'
import {
  CHECKIN_METHOD,
  CHECKIN_STATE,
  HOUR_BUCKET,
  HOUR_SOURCE,
  OWN_ROLE,
  PROPOSAL_STATUS,
  SIGNUP_STATUS,
} from './words'

/** How many of each list the page shows, and the export holds (newest first; one read each). */
export const MY_DATA_SHOWN = 100
export const MY_DATA_EXPORTED = 1000

export interface MyDataTable {
  title: string
  columns: string[]
  rows: string[][]
}

const when = (iso: string) => chinaDateTime(new Date(iso))

export function myDataTables(d: MyData): MyDataTable[] {
  const p = d.profile
  return [
    {
      title: '个人信息',
      columns: ['姓名', '手机号', '党支部', '职务', '在册', '绑定微信时间'],
      rows: [
        [
          p.name,
          p.phone || '已删除',
          p.branchName,
          p.roles.map((r) => OWN_ROLE[r]).join('、'),
          p.inactive ? '已退出' : '在册',
          when(d.binding.boundAt),
        ],
      ],
    },
    {
      title: '报名',
      columns: ['党课', '状态', '报名时间'],
      rows: d.signups.map((s) => [s.lectureTitle, SIGNUP_STATUS[s.status], when(s.at)]),
    },
    {
      title: '签到',
      columns: ['党课', '状态', '方式', '签到时间', '学时', '离现场距离'],
      rows: d.checkins.map((c) => [
        c.lectureTitle,
        CHECKIN_STATE[c.status],
        CHECKIN_METHOD[c.method],
        when(c.at),
        String(c.hours),
        c.distanceM === undefined ? '' : `${c.distanceM}米`,
      ]),
    },
    {
      title: '学时',
      columns: ['年度', '学时', '类别', '来源', '事由', '记入时间'],
      rows: d.hours.map((h) => [
        String(h.year),
        String(h.hours),
        HOUR_BUCKET[h.bucket],
        HOUR_SOURCE[h.source],
        h.title,
        when(h.at),
      ]),
    },
    {
      title: '党课申报',
      columns: ['题目', '状态', '提交时间'],
      rows: d.proposals.map((x) => [x.title, PROPOSAL_STATUS[x.status], when(x.at)]),
    },
  ]
}

/** The exported file's name. */
export const myDataFileName = (name: string, at: Date) => `我的数据-${name}-${chinaDate(at)}.xlsx`
