/** member.myData / member.exportMyData: what the system holds about the caller (我的数据), to see and to export. */
import * as z from 'zod'
import type { CheckinMethod, HourBucket, HourSource, Role, SignupState } from '../model'
import type { AttendanceState } from './checkin'
import { procedure } from './common'
import type { ProposalStatus } from './proposal'

export interface MyData {
  profile: {
    name: string
    /** Empty once removed after the retention period (a member who left the rolls). */
    phone: string
    branchName: string
    roles: Role[]
    inactive: boolean
  }
  binding: { boundAt: string }
  signups: { lectureTitle: string; status: SignupState; at: string }[]
  /** The distance from the venue where the lecture asked for the place: no coordinates are kept. */
  checkins: {
    lectureTitle: string
    status: AttendanceState
    method: CheckinMethod
    at: string
    hours: number
    distanceM?: number
  }[]
  hours: { year: number; hours: number; bucket: HourBucket; source: HourSource; title: string; at: string }[]
  proposals: { title: string; status: ProposalStatus; at: string }[]
  /** The lists cut at their limit (the newest kept): the page says the export holds more. */
  cut: ('signups' | 'checkins' | 'hours' | 'proposals')[]
}

export const privacyProcedures = {
  myData: procedure<MyData>()(z.object({})),
  exportMyData: procedure<{ fileId: string; url: string; fileName: string }>()(z.object({})),
}
