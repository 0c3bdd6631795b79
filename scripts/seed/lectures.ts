/**
 * About 70 demo lectures over the nine themes, from 60 days before `now` to 45 days after it. Titles and
 * summaries are made up in the style of the programme; the red sites of the walking lectures are real.
 */
import { defaultCreditHours } from '../../src/shared/studyHours'
import { withGeo } from '../../src/shared/lectureRules'
import type { CheckinLevel, LectureDoc, MemberDoc, SpeakerRole, VenueStop } from '../../src/shared/model'
import type { ThemeCode } from '../../src/shared/themes'
import type { BranchType, Host } from './orgs'
import { personName } from './people'
import { mulberry32 } from './prng'
import { chinaTime } from '../../src/shared/chinaTime'
import lectureTemplates from './lecture-templates.json'

type When = 'past' | 'future' | 'draft' | 'cancelled'
/** The host branch's secretary, a committee member, a plain member, or an invited outsider [role, title]. */
type Who = 'sec' | 'com' | 'mem' | ['model' | 'expert', string]
/**
 * [title, summary, host, lecturer, when, at?]. host: an org id, 'street' (a street's own lecture) or branch
 * types joined by '|' (every type: any branch). at: a route key for walking lectures, else a place that replaces the host's.
 */
type Tpl = [string, string, string, Who, When, string?]

// The templates by theme: a table of rows in lecture-templates.json (data, not code).
const TEMPLATES = lectureTemplates as Record<ThemeCode, Tpl[]>

/** Red sites of Jinan (approximate coordinates). */
const SITES: Record<string, VenueStop> = {
  secretariat: {
    name: '中共山东省委秘书处旧址',
    address: '济南市五龙潭公园东南角，原东流水街105号',
    lat: 36.6663,
    lng: 117.0122,
  },
  history: { name: '山东党史陈列馆', address: '济南市历下区共青团路3号', lat: 36.665, lng: 117.0138 },
  may3: { name: '五三惨案纪念园', address: '济南市趵突泉公园北部', lat: 36.6627, lng: 117.0165 },
  jiefangge: { name: '解放阁（济南解放纪念馆）', address: '济南市历下区黑虎泉西路2号', lat: 36.6597, lng: 117.0296 },
  cemetery: { name: '济南革命烈士陵园', address: '济南市市中区英雄山路18号', lat: 36.6335, lng: 117.0068 },
  campaign: {
    name: '济南战役纪念馆',
    address: '济南市市中区英雄山路18号（济南革命烈士陵园内）',
    lat: 36.632,
    lng: 117.0045,
  },
}
const ROUTES: Record<string, string[]> = {
  A: ['secretariat', 'history', 'may3', 'jiefangge'],
  B: ['cemetery', 'campaign', 'jiefangge'],
  C: ['secretariat', 'may3', 'jiefangge'],
}

const FIELD_THEMES: ThemeCode[] = ['field', 'walking']
/** Sensible start times (China time) by where the lecture happens. */
const SLOTS: Record<string, string[]> = {
  village: ['9:00', '14:30'],
  factory: ['9:00', '14:30'],
  retired: ['9:00', '14:30'],
  community: ['9:00', '14:30', '19:00'],
  enterprise: ['14:30', '19:00'],
  organ: ['14:30', '19:00'],
  street: ['9:00', '14:30'],
  outdoor: ['9:00', '14:30'],
}

const HOUR = 3600_000

function speakerRole(m: MemberDoc): SpeakerRole {
  return m.roles.includes('secretary') ? 'secretary' : m.roles.includes('committee') ? 'committee' : 'member'
}

export function buildLectures(now: Date, hosts: Host[], members: MemberDoc[], takenNames: Set<string>): LectureDoc[] {
  const rng = mulberry32(0x5eed0002)
  const names = new Set(takenNames)
  const used = new Map<string, number>()
  const findHost = (spec: string): Host => {
    const exact = hosts.find((h) => h.id === spec)
    if (exact) return exact
    const types = spec.split('|')
    const fits = hosts.filter((h) => (spec === 'street' ? h.kind === 'street' : types.includes(h.type as BranchType)))
    const least = Math.min(...fits.map((h) => used.get(h.id) ?? 0))
    return rng.pick(fits.filter((h) => (used.get(h.id) ?? 0) === least))
  }
  const lectures: LectureDoc[] = []
  for (const [theme, templates] of Object.entries(TEMPLATES) as Array<[ThemeCode, Tpl[]]>) {
    for (const [title, summary, hostSpec, who, when, at] of templates) {
      const host = findHost(hostSpec)
      used.set(host.id, (used.get(host.id) ?? 0) + 1)

      let lecturer: LectureDoc['lecturer']
      let role: SpeakerRole
      if (Array.isArray(who)) {
        lecturer = { name: personName(rng, names), title: who[1] }
        role = who[0]
      } else {
        const own = members.filter((m) => m.branchId === host.id)
        if (!own.length) throw new Error(`${title}: ${host.id} has no members to lecture`)
        const sec = own.filter((m) => m.roles.includes('secretary'))
        const com = own.filter((m) => m.roles.includes('committee'))
        const plain = own.filter((m) => speakerRole(m) === 'member')
        const pool = who === 'sec' ? sec : who === 'com' ? (com.length ? com : sec) : plain.length ? plain : own
        const m = rng.pick(pool)
        lecturer = { name: m.name, memberId: m._id }
        role = speakerRole(m)
      }

      const walking = theme === 'walking'
      const stops = walking ? ROUTES[at ?? 'A'].map((k) => SITES[k]) : []
      const jitter = (): number => (rng.next() - 0.5) * 0.006
      const venue: LectureDoc['venue'] = withGeo(
        walking
          ? {
              address: `集合地点：${stops[0].name}，${stops[0].address}`,
              lat: stops[0].lat,
              lng: stops[0].lng,
              radiusM: 300,
              stops,
            }
          : {
              address: host.area + (at ? host.name.replace(/党支部$/, '') + at : host.place),
              lat: +(host.lat + jitter()).toFixed(5),
              lng: +(host.lng + jitter()).toFixed(5),
              radiusM: FIELD_THEMES.includes(theme) ? rng.pick([300, 400, 500]) : 200,
              stops: [],
            },
      )

      const future = when !== 'past'
      const slot = rng.pick(SLOTS[FIELD_THEMES.includes(theme) ? 'outdoor' : (host.type ?? 'street')])
      const [h, m] = slot.split(':').map(Number)
      const day = future ? rng.int(1, 45) : -rng.int(1, 60)
      const startAt = chinaTime(now, day, h, m)
      const minutes = theme === 'micro' ? rng.int(5, 10) : walking ? 120 : rng.pick([60, 75, 90, 90, 100, 120])
      const endAt = new Date(startAt.getTime() + minutes * 60_000)
      // posted a few days before, in office hours, and never after `now`
      const [ch, cm] = [rng.pick([9, 10, 15, 16]), rng.pick([0, 15, 30, 45])]
      const posted = chinaTime(now, day - rng.int(3, 10), ch, cm)
      const createdAt = posted < now ? posted : chinaTime(now, -rng.int(1, 5), ch, cm)
      const updatedAt = new Date(Math.min(createdAt.getTime() + rng.pick([0, 0, 1, 2, 24]) * HOUR, now.getTime()))

      const wide = walking || host.kind === 'street'
      const coHostOrgIds =
        host.districtId === 'org-lixia' && host.kind === 'branch' && rng.next() < 0.5
          ? [rng.pick(hosts.filter((o) => o.districtId === 'org-lixia' && o.kind === 'branch' && o.id !== host.id)).id]
          : []
      const checkinLevel: CheckinLevel = FIELD_THEMES.includes(theme)
        ? 'L2'
        : theme === 'micro' || host.type === 'retired'
          ? 'L0'
          : rng.next() < 0.15
            ? 'L2'
            : 'L1'

      // Drawn in this order (the same seed gives the same city).
      const openToAll = wide || rng.next() < 0.2
      const capacity = walking
        ? rng.pick([30, 40])
        : wide
          ? rng.pick([60, 80, 100, 120])
          : rng.pick([20, 30, 40, 50, 60])
      lectures.push({
        _id: 'lec-' + String(lectures.length + 1).padStart(3, '0'),
        title,
        theme,
        summary,
        lecturer,
        speakerRole: role,
        hostOrgId: host.id,
        hostOrgName: host.name,
        hostPath: host.path,
        coHostOrgIds,
        openToAll,
        venue,
        startAt,
        endAt,
        signupDeadline: new Date(startAt.getTime() - 2 * HOUR),
        capacity,
        signedUp: 0,
        seatsFree: capacity,
        waiting: 0,
        tickets: 0,
        approvalRequired: walking,
        cancelPolicy: rng.next() < 0.7 ? 'untilDeadline' : 'untilStart',
        credit: { hours: defaultCreditHours(theme, minutes), bucket: 'collective' },
        checkinLevel,
        signupRequired: theme !== 'micro',
        status: when === 'past' ? 'finished' : when === 'future' ? 'published' : when,
        createdAt,
        updatedAt,
      })
    }
  }
  return lectures
}
