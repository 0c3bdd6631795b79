/**
 * The demo's audience ratings (issue 8): for each held lecture, some of the members who checked in rated it
 * within the window, more on some lectures and fewer than 3 on others (so 评价人数不足 shows too). The
 * lecture's sums and `ratedBy` are made by the same rules rating.rate uses (sumsOf, addSums), so a recount of
 * the ratings always agrees. In lectures whose window is still open most attendees have not rated yet: the
 * demo's 待评价.
 */
import type { CheckinDoc, LectureDoc, MemberDoc, RatingDoc } from '../../src/shared/model'
import {
  addSums,
  DEFAULT_RATING_SETTINGS,
  isRatingOpen,
  ratingId,
  ratingWindow,
  sumsOf,
} from '../../src/shared/ratingRules'
import { isCredited } from '../../src/shared/checkinReview'
import { mulberry32, type Rng } from './prng'

/** Share of attendees who rated a lecture, picked per lecture: the demo's lectures have 1 to 6 attendees. */
const SHARES = [0, 0.5, 1, 1, 1]
/** While the window is open, few have rated yet. */
const OPEN_SHARE = 0.15

const COMMENTS = [
  '',
  '',
  '',
  '讲得很实在，都是身边的事，听得懂。',
  '希望以后多讲讲村里的新政策。',
  '案例生动，很有收获。',
  '时间有点长，后面有些听不清。',
  '老党员的故事很感人，值得学习。',
  '建议多留一些时间交流提问。',
]

const clamp = (n: number) => Math.max(1, Math.min(5, n))

function scoresOf(rng: Rng) {
  const overall = rng.pick([3, 4, 4, 4, 5, 5, 5, 2])
  return {
    overall,
    content: clamp(overall + rng.int(-1, 1)),
    delivery: clamp(overall + rng.int(-1, 1)),
    gain: clamp(overall + rng.int(-1, 1)),
  }
}

/** The ratings of the held lectures; each lecture's `rating` and `ratedBy` are set in place to match. */
export function buildRatings(
  now: Date,
  lectures: LectureDoc[],
  checkins: CheckinDoc[],
  members: MemberDoc[],
): RatingDoc[] {
  const rng = mulberry32(0x5eed0008)
  const names = new Map(members.map((m) => [m._id, m.name]))
  const attendees = new Map<string, string[]>()
  for (const c of checkins)
    if (isCredited(c.status)) attendees.set(c.lectureId, [...(attendees.get(c.lectureId) ?? []), c.memberId])
  const out: RatingDoc[] = []
  for (const lecture of lectures) {
    const came = attendees.get(lecture._id)
    if (!came?.length || lecture.endAt > now) continue
    const open = isRatingOpen(lecture, DEFAULT_RATING_SETTINGS, now)
    const share = open ? OPEN_SHARE : rng.pick(SHARES)
    const raters = came.filter(() => rng.next() < share)
    const closes = Math.min(ratingWindow(lecture, DEFAULT_RATING_SETTINGS).closesAt.getTime(), now.getTime())
    const ratings = raters.map((memberId): RatingDoc => {
      const doc: RatingDoc = {
        _id: ratingId(lecture._id, memberId),
        lectureId: lecture._id,
        memberId,
        memberName: names.get(memberId) ?? '',
        hostOrgId: lecture.hostOrgId,
        hostPath: lecture.hostPath,
        ...scoresOf(rng),
        comment: rng.pick(COMMENTS),
        createdAt: new Date(lecture.endAt.getTime() + rng.next() * (closes - lecture.endAt.getTime())),
      }
      if (lecture.lecturer.memberId) doc.lecturerMemberId = lecture.lecturer.memberId
      if (lecture.lecturer.profileId) doc.lecturerProfileId = lecture.lecturer.profileId
      return doc
    })
    if (!ratings.length) continue
    lecture.rating = addSums(ratings.map(sumsOf))
    lecture.ratedBy = raters
    out.push(...ratings)
  }
  return out
}
