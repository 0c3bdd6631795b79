/**
 * member.myData and member.exportMyData (我的数据): what the system holds about the caller — profile,
 * binding, sign-ups, check-ins (the distance, never coordinates), study-hour entries, proposals — and the
 * same as an Excel file with a sheet each (_shared/exports.ts: private, a temporary URL, removed after a
 * day). Only the caller's own data: the member id comes from their binding, never from the payload.
 *
 * Database calls: the binding, then the member, their branch and the four lists side by side (one read
 * each, newest first, at most MY_DATA_SHOWN / MY_DATA_EXPORTED), then the lectures' titles (one read per
 * thousand lectures): 8.
 */
import type { ActionOutput, MyData, ParsedInput } from '../../src/shared/contract'
import type {
  CheckinDoc,
  LectureDoc,
  LedgerEntryDoc,
  MemberDoc,
  OrgDoc,
  ProposalDoc,
  SignupDoc,
} from '../../src/shared/model'
import { MY_DATA_EXPORTED, MY_DATA_SHOWN, myDataFileName, myDataTables } from '../../src/shared/myData'
import { isRemovedPhone } from '../../src/shared/privacy'
import { requireBinding } from '../_shared/actor'
import { readByIds } from '../_shared/byIds'
import { saveExport } from '../_shared/exports'
import { loadExcel } from '../_shared/lazy'
import { newestFirst } from '../_shared/newest'
import type { HandlerContext } from '../_shared/router'

export async function myData(_input: ParsedInput<'member', 'myData'>, ctx: HandlerContext): Promise<MyData> {
  return collect(ctx, MY_DATA_SHOWN)
}

export async function exportMyData(
  _input: ParsedInput<'member', 'exportMyData'>,
  ctx: HandlerContext,
): Promise<ActionOutput<'member', 'exportMyData'>> {
  const data = await collect(ctx, MY_DATA_EXPORTED)
  const ExcelJS = await loadExcel()
  const book = new ExcelJS.Workbook()
  book.creator = '我来讲党课'
  book.created = ctx.now
  for (const table of myDataTables(data)) {
    const sheet = book.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = table.columns.map((header) => ({ header, width: 16 }))
    sheet.getRow(1).font = { bold: true }
    sheet.addRows(table.rows)
  }
  const fileName = myDataFileName(data.profile.name, ctx.now)
  const { fileId, url } = await saveExport(ctx.db, fileName, Buffer.from(await book.xlsx.writeBuffer()), ctx.now)
  return { fileId, url, fileName }
}

async function collect(ctx: HandlerContext, limit: number): Promise<MyData> {
  const { db } = ctx
  const { binding } = await requireBinding(ctx)
  const mine = { memberId: binding.memberId }
  const [members, branches, signups, checkins, hours, proposals] = await Promise.all([
    db.collection('members').doc(binding.memberId).get(),
    db.collection('orgs').doc(binding.branchId).get(),
    newestFirst<SignupDoc>(db, 'signups', mine, 'createdAt', limit),
    newestFirst<CheckinDoc>(db, 'checkins', mine, 'checkedInAt', limit),
    newestFirst<LedgerEntryDoc>(db, 'ledger', mine, 'at', limit),
    newestFirst<ProposalDoc>(db, 'proposals', mine, 'createdAt', limit),
  ])
  const member = (members.data as MemberDoc[])[0]
  const branch = (branches.data as OrgDoc[])[0]
  const lectureIds = [...new Set([...signups, ...checkins].map((x) => x.lectureId))]
  const lectures = await readByIds<Pick<LectureDoc, '_id' | 'title'>>(db, 'lectures', lectureIds, { title: true })
  const titles = new Map(lectures.map((l) => [l._id, l.title]))
  const title = (lectureId: string) => titles.get(lectureId) ?? '（已删除的党课）'
  const iso = (at: Date) => new Date(at).toISOString()
  const full = { signups, checkins, hours, proposals }
  return {
    profile: {
      name: member?.name ?? binding.name,
      phone: member && !isRemovedPhone(member.phone) ? member.phone : '',
      branchName: branch?.name ?? '',
      roles: binding.roles,
      inactive: member?.status === 'inactive',
    },
    binding: { boundAt: iso(binding.boundAt) },
    signups: signups.map((s) => ({ lectureTitle: title(s.lectureId), status: s.status, at: iso(s.createdAt) })),
    checkins: checkins.map((c) => ({
      lectureTitle: title(c.lectureId),
      status: c.status,
      method: c.method,
      at: iso(c.checkedInAt),
      hours: c.hours,
      ...(c.location && { distanceM: c.location.distanceM }),
    })),
    hours: hours.map((h) => ({
      year: h.year,
      hours: h.hours,
      bucket: h.bucket,
      source: h.source,
      title: h.title,
      at: iso(h.at),
    })),
    proposals: proposals.map((p) => ({ title: p.title, status: p.status, at: iso(p.createdAt) })),
    cut: (Object.keys(full) as MyData['cut']).filter((k) => full[k].length === limit),
  }
}
