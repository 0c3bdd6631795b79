/**
 * Shapes of the stored documents, one collection each (cloudfunctions/collections.json declares the
 * collections and their indexes). Dates are stored as BSON dates; ids are strings.
 */
import type { ThemeCode } from './themes'

export type OrgKind = 'city' | 'district' | 'committee' | 'street' | 'partyCommittee' | 'branch'

export interface OrgDoc {
  _id: string
  name: string
  kind: OrgKind
  parentId: string | null
  /** Ids of all ancestors, root first: a subtree query is `{path: id}`. */
  path: string[]
}

export type Role = 'member' | 'secretary' | 'committee' | 'admin' | 'judge'

export interface MemberDoc {
  _id: string
  name: string
  phone: string
  branchId: string
  roles: Role[]
  /** For node administrators: the node whose subtree they manage. */
  adminOrgId?: string
}

/**
 * A WeChat identity bound to a member. Its own collection, keyed by openid, with a unique index on
 * memberId: one identity per member and one member per identity, and no unique index over a field
 * that unbound members lack (MongoDB would count every missing value as the same null).
 */
export interface BindingDoc {
  _id: string
  memberId: string
  boundAt: Date
}

export type SpeakerRole = 'secretary' | 'committee' | 'member' | 'expert' | 'model'
export type LectureStatus = 'draft' | 'published' | 'cancelled' | 'finished'
export type CheckinLevel = 'L0' | 'L1' | 'L2' | 'L3'
export type HourBucket = 'training' | 'collective' | 'lecturing' | 'online'

export interface VenueStop {
  name: string
  address: string
  lat: number
  lng: number
}

export interface LectureDoc {
  _id: string
  title: string
  theme: ThemeCode
  summary: string
  lecturer: { name: string; title?: string; memberId?: string }
  speakerRole: SpeakerRole
  hostOrgId: string
  /** Copied from the org at posting time so that a list page needs no second read. */
  hostOrgName: string
  coHostOrgIds: string[]
  /** Org ids whose members may see the lecture (host, co-hosts); `openToAll` widens it. */
  openToAll: boolean
  venue: { address: string; lat?: number; lng?: number; radiusM: number; stops: VenueStop[] }
  startAt: Date
  endAt: Date
  signupDeadline: Date
  capacity: number
  signedUp: number
  approvalRequired: boolean
  cancelPolicy: 'untilDeadline' | 'untilStart'
  credit: { hours: number; bucket: HourBucket }
  checkinLevel: CheckinLevel
  coverFileId?: string
  status: LectureStatus
  createdAt: Date
  updatedAt: Date
}
