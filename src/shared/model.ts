/**
 * Shapes of the stored documents, one collection each (cloudfunctions/collections.json declares the
 * collections and their indexes). Dates are stored as BSON dates; ids are strings.
 */
import type { ScanLocation } from './contract/location'
import type { ProposalView } from './contract/proposal'
import type { ThemeCode } from './themes'

export type OrgKind = 'city' | 'district' | 'committee' | 'street' | 'partyCommittee' | 'branch'

export interface OrgDoc {
  _id: string
  name: string
  kind: OrgKind
  parentId: string | null
  /** Ids of all ancestors, root first: a subtree query is `{path: id}`. */
  path: string[]
  /** The official organisation code (组织代码), when the import gave one; unique within the city. */
  code?: string
  /** A closed node: its lectures and history stay readable; no new lectures, bindings or members. */
  closedAt?: Date
  /** Administrators appointed at this node (kept by appointments, so the city never loses its last). */
  admins?: number
  /** The running move of this node and its subtree (OrgJobDoc id): one at a time. */
  movingJob?: string
}

export type Role = 'member' | 'secretary' | 'committee' | 'admin' | 'judge'

export interface MemberDoc {
  _id: string
  name: string
  phone: string
  branchId: string
  roles: Role[]
  /** Given with the roster; a member binds their WeChat with it once (unique). */
  inviteCode: string
  /** For node administrators: the node whose subtree they manage. */
  adminOrgId?: string
  /** For judges (评审专家): the node whose selection they judge. */
  judgeOrgId?: string
  /**
   * Appointed from outside the rolls (an invited administrator or judge): `branchId` is the node they were
   * appointed at; in no roster and no study-hour target.
   */
  outsider?: true
  /** Absent: active. `inactive`: left the party organisation's rolls — binding ended, history kept, no target. */
  status?: 'inactive'
  deactivatedAt?: Date
  deactivatedReason?: string
  /** When the phone was removed, the retention period after deactivation having passed (phone becomes `removed:<id>`). */
  phoneRemovedAt?: Date
  /** A transfer to another branch waiting for that branch to accept (transfers collection): one at a time. */
  pendingTransferId?: string
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
  /**
   * A copy of what rights need (src/shared/rights.ts Actor), so that knowing who calls costs one
   * read. Rewritten whenever the member's branch or roles change.
   */
  name: string
  branchId: string
  path: string[]
  roles: Role[]
  adminOrgId?: string
  judgeOrgId?: string
  /** Set after too many wrong check-in codes (checkin function): no check-in by code until then. */
  checkinBlockedUntil?: Date
  /** Typed check-in codes tried since `typedWindowStart` (checkin function's typed-try gate). */
  typedWindowStart?: Date
  typedTries?: number
  /** Invitations to lecture waiting for this member's answer (lecturer function), for 我的's row without a read. */
  invitationsPending?: number
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

/** GeoJSON [longitude, latitude], as the database's geo types store a point. */
export type LngLat = [number, number]

/**
 * The venue's points for the 2dsphere index `venue.geo` (附近的党课): a Point, or a MultiPoint of a walking
 * lecture's stops (the database measures to the nearest of them). Derived on every write (lectureRules.venueGeo).
 */
export type VenueGeo = { type: 'Point'; coordinates: LngLat } | { type: 'MultiPoint'; coordinates: LngLat[] }

export interface LectureDoc {
  _id: string
  title: string
  theme: ThemeCode
  summary: string
  /** `profileId`: the 师资库 profile (lecturers collection) the form picked, when it did. */
  lecturer: { name: string; title?: string; memberId?: string; profileId?: string }
  speakerRole: SpeakerRole
  /** The year's key topic (点题, topics collection) it answers, and its title copied for the list. */
  topicId?: string
  topicTitle?: string
  /**
   * The audience's ratings summed (issue 8): moved by an atomic increment in the request that stores a
   * rating, so showing a lecture's rating costs no extra read. Absent: no rating yet.
   */
  rating?: RatingSums
  /**
   * Members whose rating is in `rating`: pushed by the same update that adds it, which is conditional on the
   * member not being here, so a retry after a crash between storing the rating and counting it counts it
   * once (cloudfunctions/rating/rate.ts). lecture.detail reads it to know whether the caller has rated.
   */
  ratedBy?: string[]
  hostOrgId: string
  /** Copied from the org at posting time so that a list page needs no second read. */
  hostOrgName: string
  /** The host's ancestors, root first: an administrator of any of them manages the lecture. */
  hostPath: string[]
  coHostOrgIds: string[]
  /** Org ids whose members may see the lecture (host, co-hosts); `openToAll` widens it. */
  openToAll: boolean
  /** `geo`: absent when the venue has no coordinates (such a lecture is not among 附近的党课). */
  venue: { address: string; lat?: number; lng?: number; radiusM: number; stops: VenueStop[]; geo?: VenueGeo }
  startAt: Date
  endAt: Date
  signupDeadline: Date
  capacity: number
  /** Confirmed sign-ups (never above capacity). */
  signedUp: number
  /**
   * capacity − signedUp, never below 0: a seat is claimed with `seatsFree > 0` (a plain counter condition;
   * the real service has no documented way to compare two fields in an update's filter). Moves with signedUp.
   */
  seatsFree: number
  /** When a counter last moved (the database's clock): the repair leaves a lecture with a request in flight alone. */
  countersAt?: Date
  /** Members on the waitlist. */
  waiting: number
  /** Sign-up arrivals so far: each sign-up takes the next number, which orders the waitlist. */
  tickets: number
  approvalRequired: boolean
  cancelPolicy: 'untilDeadline' | 'untilStart'
  credit: { hours: number; bucket: HourBucket }
  checkinLevel: CheckinLevel
  /** Check-in only for members with a confirmed sign-up. */
  signupRequired: boolean
  /** Set when the secretary closes the lecture after it was held (lecturing credit given). */
  finishedAt?: Date
  coverFileId?: string
  status: LectureStatus
  cancelReason?: string
  /** Member who posted it (absent for imported or seeded lectures). */
  createdBy?: string
  createdAt: Date
  updatedAt: Date
}

export type SignupState = 'confirmed' | 'waitlisted' | 'pending' | 'declined' | 'cancelled'

/** One per member and lecture: `_id` is `${lectureId}:${memberId}`. */
export interface SignupDoc {
  _id: string
  lectureId: string
  memberId: string
  memberName: string
  branchId: string
  status: SignupState
  /** Arrival number (LectureDoc.tickets): the waitlist is served in this order. */
  ticket: number
  reason?: string
  createdAt: Date
  updatedAt: Date
}

/** The fields pages see (ProposalView), with the id and date as the database keeps them, and who decided. */
export interface ProposalDoc extends Omit<ProposalView, 'id' | 'createdAt'> {
  _id: string
  createdAt: Date
  decidedAt?: Date
  decidedBy?: string
}

export type CheckinMethod = 'qr' | 'typed' | 'manual' | 'memberCode'

/**
 * One per member and lecture: `_id` is `${lectureId}:${memberId}`, so the database refuses a second one.
 * Undo does not delete it: status `undone`, and a later check-in reuses it with `round` + 1 (ledger entry
 * ids carry the round, so each round credits and reverses at most once). An offline scan that only the
 * phone vouches for waits as `pending` until the secretary confirms it (`in`/`out`, credited) or refuses
 * it (`refused`, never credited; a later check-in reuses the record like an undone one): checkinReview.ts.
 * Only `in` and `out` hold credit.
 */
export interface CheckinDoc {
  _id: string
  lectureId: string
  memberId: string
  memberName: string
  branchId: string
  status: 'in' | 'out' | 'undone' | 'pending' | 'refused'
  round: number
  checkedInAt: Date
  /** L3 only. */
  checkedOutAt?: Date
  method: CheckinMethod
  /** Hours credited for this round (0 at L3 until check-out). */
  hours: number
  /** A scan kept on the phone and sent later: when it was scanned and when it arrived. */
  offline?: { scannedAt: Date; receivedAt: Date }
  /**
   * How far from the venue the phone said it was (L2, L3), and how sure it was: never the coordinates
   * themselves, as the 隐私政策 (member/privacy) promises.
   */
  location?: { distanceM: number; accuracy: ScanLocation['accuracy'] }
  /** The secretary who checked the member in (manual, member code). */
  by?: string
  reason?: string
  /** Who undid the round, why and when: a scan made before then cannot check the member in again. */
  undo?: { at: Date; by: string; reason: string }
  /** An offline scan held for the secretary: which scan waits (check-in or, at L3, check-out), and the decision. */
  review?: CheckinReview
  updatedAt: Date
}

export interface CheckinReview {
  held: 'in' | 'out'
  decision?: 'confirmed' | 'refused'
  /** Who decided, when and why (a refusal's reason is what the member sees). */
  at?: Date
  by?: string
  byName?: string
  reason?: string
}

/** A refused check-in, kept for the secretary (and counted to slow down guessing). */
export interface CheckinAttemptDoc {
  _id: string
  lectureId: string
  memberId: string
  memberName: string
  code: string
  method: CheckinMethod
  at: Date
}

/** Manual check-in, undo, check-in by member code: who, when, why. Never edited. */
export interface CheckinAuditDoc {
  _id: string
  lectureId: string
  memberId: string
  memberName: string
  action: 'manual' | 'undo' | 'memberCode' | 'confirm' | 'refuse'
  by: string
  byName: string
  reason: string
  at: Date
}

export type HourSource = 'attendance' | 'lecturing' | 'adjustment' | 'reversal'

/**
 * One study-hour credit (学时). History is never edited: a correction is a new entry (a reversal names
 * the entry it reverses). Ids of automatic entries are deterministic, so a retried write cannot credit
 * twice: `att:<lectureId>:<memberId>:<round>`, `rev:<lectureId>:<memberId>:<round>`, `lect:<lectureId>:<memberId>`;
 * an adjustment is `adj:<requestId>`, the id its form made once for all retries of one submission.
 */
export interface LedgerEntryDoc {
  _id: string
  memberId: string
  /** China calendar year the hours count in. */
  year: number
  /** Negative for a reversal or a downward adjustment. */
  hours: number
  bucket: HourBucket
  source: HourSource
  /** What the member sees: the lecture's title, or the adjustment's reason. */
  title: string
  lectureId?: string
  reverses?: string
  reason?: string
  /** Who made a manual adjustment or undid a check-in. */
  by?: string
  at: Date
}

/** Yearly targets per role (settings document `studyHourTargets`); a year without its own uses the defaults. */
export interface HourTargetsDoc {
  _id: 'studyHourTargets'
  defaults: { member: number; officer: number }
  years: Record<string, { member: number; officer: number }>
  updatedAt?: Date
  updatedBy?: string
}

/**
 * Check-in rules a city may tune (settings document `checkinRules`); a missing field takes the default of
 * checkinRules.ts DEFAULT_CHECKIN_SETTINGS.
 */
export interface CheckinSettingsDoc {
  _id: 'checkinRules'
  manualGraceDays?: number
  lecturingMinScans?: number
  updatedAt?: Date
  updatedBy?: string
}

/** The rating window (settings document `ratingRules`; ratingRules.ts has the default, 7 days). */
export interface RatingSettingsDoc {
  _id: 'ratingRules'
  windowDays?: number
  updatedAt?: Date
  updatedBy?: string
}

/**
 * Privacy rules a city may tune (settings document `privacy`); a missing field takes the default of
 * privacy.ts. retentionDays: how long a deactivated member's phone is kept (design15 "Phone removal").
 */
export interface PrivacySettingsDoc {
  _id: 'privacy'
  retentionDays?: number
  updatedAt?: Date
  updatedBy?: string
}

/** `exports`: one exported file (key: its random folder name), removed with the file a day after `createdAt`. */
export interface ExportDoc {
  _id: string
  fileId: string
  createdAt: Date
}

/**
 * `settings` document `setup`: the one-time, expiring code that makes the first city administrator
 * (scripts/setup-city.ts writes it; member.claimSetup takes it). Only the code's SHA-256 is stored.
 */
export interface SetupDoc {
  _id: 'setup'
  rootOrgId: string
  codeHash: string
  expiresAt: Date
  createdAt: Date
  /** Set by the one claim that wins: the claimer's openid and the member made for them. */
  usedBy?: string
  usedAt?: Date
  memberId?: string
}

/** `audit`: who changed the tree, an appointment, a transfer or a member's standing. Never edited. */
export interface AuditDoc {
  _id: string
  action:
    | 'setup'
    | 'orgAdd'
    | 'orgRename'
    | 'orgMove'
    | 'orgClose'
    | 'orgImport'
    | 'appoint'
    | 'dismiss'
    | 'invite'
    | 'branchRole'
    | 'transfer'
    | 'transferAccept'
    | 'transferDecline'
    | 'transferWithdraw'
    | 'deactivate'
  /** The member who acted (or 'setup' for the first-start command) and their name. */
  by: string
  byName: string
  /** The node acted on or under (for an administrator's audit view: `{orgPath: id}`). */
  orgId: string
  orgPath: string[]
  memberId?: string
  /** What happened, in Chinese, as an administrator reads it ("任命 张三 为 历下区 管理员"). */
  detail: string
  at: Date
}

/** `transfers`: a member moving from one branch to another (组织关系转接). */
export interface TransferDoc {
  _id: string
  memberId: string
  memberName: string
  fromBranchId: string
  fromBranchName: string
  toBranchId: string
  toBranchName: string
  status: 'pending' | 'accepted' | 'declined' | 'withdrawn'
  reason: string
  by: string
  byName: string
  createdAt: Date
  decidedAt?: Date
  decidedBy?: string
  decidedByName?: string
  /** Why the new branch did not accept (declined only). */
  declineReason?: string
}

/**
 * `orgJobs`: a move of a node, done in bounded pages (each call rewrites the path copies of a few nodes:
 * their org document, their members' bindings, their lectures) and resumable: a cut-off page is done again.
 */
export interface OrgJobDoc {
  _id: string
  kind: 'move'
  nodeId: string
  fromParentId: string
  toParentId: string
  /** The nodes whose path copies still need rewriting (the moved node and its subtree), in order. */
  pending: string[]
  done: number
  total: number
  state: 'running' | 'finished'
  by: string
  startedAt: Date
  updatedAt: Date
  finishedAt?: Date
}

/**
 * Running sums of a lecture's (or a lecturer's, a node's) ratings: `count` ratings; `sum` per criterion
 * (overall 总体, content 内容, delivery 讲授, gain 收获), each rating 1–5; `dist` counts the overall scores,
 * `dist['1']`…`dist['5']`. An average is sum / count, shown only from 3 ratings (ratingRules.ts).
 */
export interface RatingSums {
  count: number
  sum: { overall: number; content: number; delivery: number; gain: number }
  dist: Record<'1' | '2' | '3' | '4' | '5', number>
}

/**
 * `ratings`: one member's rating of one lecture, never changed: `_id` is `${lectureId}:${memberId}`, so a
 * retry or a double tap stores one. The name is kept for abuse handling and shown only to administrators
 * at district level or above of the hosting node's ancestors.
 */
export interface RatingDoc {
  _id: string
  lectureId: string
  memberId: string
  memberName: string
  hostOrgId: string
  hostPath: string[]
  /** The lecturer as the lecture names them (for per-lecturer averages). */
  lecturerMemberId?: string
  lecturerProfileId?: string
  overall: number
  content: number
  delivery: number
  gain: number
  /** Trimmed, at most 200 characters; '' when none. */
  comment: string
  createdAt: Date
}

/**
 * `topics`: one of the year's key topics (重点选题, 点题). Published by a city administrator for the city, or
 * by a district administrator for their district: a lecture or proposal may take a published topic whose
 * `orgId` is on its host's path (ratingRules/topicRules decide the scope).
 */
export interface TopicDoc {
  _id: string
  year: number
  title: string
  description: string
  /** The department that asked for it (市纪委监委, 市委宣传部 …). */
  department: string
  orgId: string
  orgName: string
  /** The publishing node's ancestors, root first, then the node itself. */
  orgPath: string[]
  status: 'draft' | 'published' | 'withdrawn'
  /** Place in the year's list. */
  order: number
  createdBy: string
  createdAt: Date
  updatedAt: Date
  publishedAt?: Date
}

/**
 * `lecturers`: a profile in the lecturer pool (师资库). A bound member's profile has `_id` `m:<memberId>`
 * (one per member, without a unique index over a field outsiders lack); an outsider's (expert, model worker,
 * old member) a random id. The lectures given and ratings are computed, not typed in.
 */
export interface LecturerDoc {
  _id: string
  name: string
  unit: string
  title: string
  speakerRole: SpeakerRole
  memberId?: string
  themes: ThemeCode[]
  topicIds: string[]
  intro: string
  photoFileId?: string
  /** The node whose administrator added it to the pool, its path (root first, itself last) and district. */
  orgId: string
  orgPath: string[]
  districtId?: string
  status: 'active' | 'removed'
  removedReason?: string
  removedAt?: Date
  removedBy?: string
  addedBy: string
  createdAt: Date
  updatedAt: Date
}

/**
 * `invitations`: a secretary asks a pool lecturer of another node to give a lecture. A bound lecturer
 * answers on 我的; for an outsider the secretary records the answer.
 */
export interface InvitationDoc {
  _id: string
  lectureId: string
  lectureTitle: string
  lectureStartAt: Date
  lecturerId: string
  lecturerName: string
  /** The lecturer's member id when bound: their 我的 lists it. */
  memberId?: string
  fromOrgId: string
  fromOrgName: string
  by: string
  byName: string
  status: 'pending' | 'accepted' | 'declined' | 'withdrawn'
  /** Why declined (the lecturer's words). */
  reason?: string
  /** Set when the secretary recorded an outsider's answer. */
  recordedBy?: string
  createdAt: Date
  decidedAt?: Date
}
