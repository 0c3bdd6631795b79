/**
 * About 70 demo lectures over the nine themes, from 60 days before `now` to 45 days after it. Titles and
 * summaries are made up in the style of the programme; the red sites of the walking lectures are real.
 */
import { defaultCreditHours } from '../../src/shared/studyHours'
import type { CheckinLevel, LectureDoc, MemberDoc, SpeakerRole, VenueStop } from '../../src/shared/model'
import type { ThemeCode } from '../../src/shared/themes'
import type { BranchType, Host } from './orgs'
import { personName } from './people'
import { mulberry32 } from './prng'
import { chinaTime } from '../../src/shared/chinaTime'

type When = 'past' | 'future' | 'draft' | 'cancelled'
/** The host branch's secretary, a committee member, a plain member, or an invited outsider [role, title]. */
type Who = 'sec' | 'com' | 'mem' | ['model' | 'expert', string]
/**
 * [title, summary, host, lecturer, when, at?]. host: an org id, 'street' (a street's own lecture) or branch
 * types joined by '|'. at: a route key for walking lectures, else a place that replaces the host's.
 */
type Tpl = [string, string, string, Who, When, string?]

const ALL = 'community|village|factory|enterprise|retired|organ'

// prettier-ignore
const TEMPLATES: Record<ThemeCode, Tpl[]> = {
  village: [
    ['用乡音讲好红色故事', '老支书用拉家常的土话，讲村里老辈人推小车支前、抬担架的故事。', 'village', 'sec', 'past'],
    ['俺村这些年：从山沟沟到乡村振兴示范村', '村党支部书记讲修路、植树、发展乡村旅游的来龙去脉。', 'br-laiwu-fg', 'sec', 'past'],
    ['老党员讲村史：家门口的初心故事', '请入党五十多年的老党员讲合作化时期村里的往事。', 'village', ['model', '老党员（1968年入党）'], 'past'],
    ['乡风文明从家风起：移风易俗大家谈', '围绕红白事简办、孝老爱亲，用身边事讲身边人。', 'village', 'com', 'future'],
    ['炕头唠党课：惠民政策咱得明白', '把医保、养老、低保政策掰开揉碎，用大白话讲给老党员和乡亲们听。', 'village', 'mem', 'past'],
    ['村规民约里的群众路线', '从修订村规民约讲起，讲“四议两公开”怎样让群众说了算。', 'village', 'sec', 'future'],
    ['古村老宅话家风', '在古村老宅院里讲耕读传家、勤俭持家，再说说新时代党员的家风。', 'br-zhangqiu-zjy', ['expert', '区委党校讲师'], 'future'],
    ['咱村的党员议事会', '用乡音讲党员议事会怎么议、群众的事怎么办。', 'village', 'com', 'past'],
  ],
  field: [
    ['地头讲政策：种粮补贴怎么领', '在麦田地头讲今年的耕地地力保护补贴和申领流程。', 'village', 'sec', 'past', '东麦田地头'],
    ['大棚里的党课：党员带头种好致富瓜', '在黄瓜大棚里讲合作社怎样带着农户增收。', 'br-jiyang-qd', 'com', 'past', '南黄瓜大棚'],
    ['三夏生产党员先行', '麦收前在田间动员，党员带头抢收抢种、做好秸秆禁烧。', 'village', 'sec', 'future', '西麦田'],
    ['果园里的绿色发展课', '请农技员在果园里讲科学施肥、减药增效。', 'village', ['expert', '区农业技术推广站高级农艺师'], 'past', '北果园'],
    ['玫瑰田里话振兴', '在玫瑰花田里讲一朵小玫瑰怎样长成一个大产业。', 'br-pingyin-xzz', 'sec', 'future', '西玫瑰种植基地'],
    ['节水灌溉与高标准农田', '在田埂上讲高标准农田建设和小麦节水灌溉。', 'village', 'mem', 'future', '高标准农田示范区'],
    ['春耕时节讲农机补贴', '在农机合作社场院讲农机购置补贴和代耕代种服务。', 'village', 'com', 'past', '农机合作社场院'],
  ],
  workshop: [
    ['安全生产，党员先上岗', '班前会上讲安全操作规程，党员示范岗现场讲隐患排查。', 'factory', 'sec', 'past'],
    ['一颗螺丝钉的精神', '以总装车间的一次质量攻关为例，讲岗位建功与工匠精神。', 'br-huaiyin-qcjc-1', 'mem', 'past'],
    ['党员示范岗怎么带', '班组长讲技术攻关小组怎样把难题变成课题。', 'factory', 'com', 'future'],
    ['千锤百炼出好锅', '老师傅在锻打车间边演示边讲：手艺人的坚守也是一份初心。', 'br-zhangqiu-tg', ['model', '市级劳动模范、锻打师傅'], 'past'],
    ['炉前党课：节能降耗人人有责', '在炼钢炉前算一算降本增效的账。', 'br-gangcheng-tg-lg', 'sec', 'future'],
    ['劳模进车间', '请劳动模范讲三十年坚守一线岗位的故事。', 'factory', ['model', '省级劳动模范'], 'past'],
    ['数字化车间里的新变化', '讲智能产线改造后党员怎样带头学新技术、带新徒弟。', 'br-gaoxin-qgqp', 'sec', 'future'],
    ['质量就是生命', '从一次客户退货讲起，党员带头抓质量。', 'factory', 'mem', 'past'],
  ],
  scenario: [
    ['情景党课《初心》', '党员演绎王尽美、邓恩铭在济南创建早期党组织的片段。', 'community', 'com', 'past'],
    ['情景剧《八天八夜》', '再现1948年济南战役攻城的故事，老党员现场点评。', 'br-shizhong-sg-1', 'sec', 'past'],
    ['情景党课《一份入党申请书》', '以一份泛黄的入党申请书为线索，讲一家三代人的入党故事。', 'enterprise', 'mem', 'future'],
    ['《小巷总理》：社区书记的一天', '把社区书记调解邻里纠纷、推动加装电梯的日常演成情景剧。', 'community', 'sec', 'past'],
    ['《红色家书》诵读与情景再现', '诵读革命先烈家书，再现写信时的情景。', 'retired', 'sec', 'future'],
    ['情景党课《支前小推车》', '再现淮海战役中山东民工推着小推车支前的故事。', 'organ', 'com', 'past'],
    ['情景党课《廉洁家访》', '用情景剧讲清廉家风，提醒大家守住小事小节。', 'organ', 'sec', 'future'],
  ],
  experience: [
    ['面对党旗重温入党誓词', '面对党旗重温入党誓词，每人讲一句入党时的心里话。', 'community', 'sec', 'past'],
    ['当一天网格员', '跟着社区网格员走楼入户，体验为民服务的“最后一米”。', 'community', 'com', 'future'],
    ['红色电影配音体验', '为经典红色电影片段配音，在声音里感受革命精神。', 'enterprise', 'mem', 'past'],
    ['一顿忆苦思甜饭', '一起蒸一锅野菜窝头，听老党员讲过去的苦日子。', 'village', ['model', '老党员、退休教师'], 'past'],
    ['垃圾分类志愿服务体验', '在小区分类投放点站一班岗，体验党员志愿服务。', 'community', 'mem', 'cancelled'],
    ['穿上军装：国防教育体验课', '退役军人带大家练队列、讲国防知识。', 'enterprise', ['model', '退役军人、老党员'], 'future'],
    ['红色研学手工坊', '动手剪红色剪纸、做党史书签，边做边讲。', 'organ', 'com', 'past'],
  ],
  walking: [
    ['寻访济南早期党组织的足迹', '从王尽美、邓恩铭活动过的省委秘书处旧址出发，一路讲到解放阁。', 'br-lixia-zjs', 'sec', 'past', 'A'],
    ['英雄山下祭英烈', '在烈士陵园敬献花篮，走进济南战役纪念馆，再到攻城突破口解放阁。', 'br-shizhong-sy', 'sec', 'past', 'B'],
    ['泉水边的红色印记', '沿着泉水游览线边走边讲泉城的革命故事。', 'org-lixia-baotuquan', ['expert', '地方党史研究学者'], 'future', 'C'],
    ['沿着济南战役的足迹', '从烈士陵园到解放阁，讲“八天八夜”的攻城战。', 'br-tianqiao-zjs', 'com', 'future', 'B'],
    ['带着家书去寻访', '带着先烈家书走访旧址，讲信仰的力量。', 'br-szjg-zzb-1', 'sec', 'past', 'A'],
    ['致敬英烈：英雄山行走党课', '青年党员分组走访英雄山，每到一站由一名党员讲一段故事。', 'br-licheng-smg', 'mem', 'future', 'B'],
    ['从五龙潭到解放阁', '青年党员打卡三处红色旧址，每站讲一段泉城往事。', 'br-gaoxin-yjs-1', 'com', 'past', 'C'],
  ],
  immersive: [
    ['走进1948年的济南', '借助老照片和声光布景，沉浸式重现济南解放前夜。', 'community', 'sec', 'past'],
    ['VR重走长征路', '戴上VR眼镜“走”过雪山草地，再一起交流体会。', 'enterprise', 'com', 'future'],
    ['剧本党课《密信》', '以山东地下党的秘密交通线为背景，党员分角色完成“送信”任务。', 'organ', 'mem', 'past'],
    ['光影里的党史', '在红色影厅观看纪录片片段，主讲人穿插讲解。', 'retired', 'sec', 'past'],
    ['红色小院读家书', '在复原的老式小院里围坐读家书、讲家风。', 'community', 'com', 'future'],
    ['听那一声冲锋号', '伴着冲锋号和战地广播，讲济南战役中的突击队。', 'organ', ['expert', '市委党校副教授'], 'future'],
    ['沉浸式党课《泉城夜雨》', '以1928年“五三”惨案后的济南为背景，讲民族救亡中的共产党人。', 'enterprise', 'sec', 'past'],
  ],
  micro: [
    ['一分钟说清“三会一课”', '支部党员大会、支委会、党小组会和党课，各自多久开一次。', ALL, 'sec', 'past'],
    ['党费怎么交、交多少', '按月交纳，基数和比例怎么算，线上怎么交。', ALL, 'com', 'past'],
    ['党旗党徽的正确使用', '什么场合挂党旗，党徽怎么佩戴。', ALL, 'mem', 'future'],
    ['主题党日怎么过', '每月一次的主题党日，怎样过得不走过场。', ALL, 'sec', 'past'],
    ['一枚党员徽章的故事', '一位老党员珍藏了几十年的党员徽章。', ALL, 'mem', 'future'],
    ['身边的共产党员：社区里的热心肠', '楼道长老李帮邻居修水管、接孩子的小事。', 'community', 'mem', 'past'],
    ['什么是“四下基层”', '宣传政策下基层、调查研究下基层、信访接待下基层、现场办公下基层。', ALL, ['expert', '区委党校讲师'], 'draft'],
    ['80个字的入党誓词', '一句一句读懂入党誓词。', ALL, 'sec', 'future'],
  ],
  standard: [
    ['学思想、强党性、重实践、建新功', '结合基层工作实际，讲党的创新理论怎样指导工作。', 'street', ['expert', '市委党校教授'], 'past'],
    ['严守纪律规矩：学习《中国共产党纪律处分条例》', '逐条讲解六项纪律，结合身边典型案例。', 'organ', 'sec', 'past'],
    ['新时代党员家风建设', '从好家风讲到好党风，讲党员家庭怎样带头。', 'community', ['expert', '市委党校副教授'], 'future'],
    ['大党学习的力量', '讲我们党靠学习走到今天，也要靠学习走向未来。', 'street', ['expert', '区委党校讲师'], 'future'],
    ['农村电商助力乡村振兴', '讲直播带货、农产品上行，村里的好东西怎么卖出去。', 'village', 'com', 'past'],
    ['党员的权利和义务', '对照党章讲清党员的八项义务和八项权利。', ALL, 'sec', 'past'],
    ['支部书记讲党课：怎样过好组织生活', '讲组织生活会、民主评议党员怎样开出质量。', ALL, 'sec', 'future'],
    ['发扬泉水精神，建设强省会', '讲济南建设“强新优富美高”新时代社会主义现代化强省会的目标和党员的担当。', 'street', ['expert', '市委党校教授'], 'past'],
    ['学党章、守党规、当先锋', '读原文、谈体会，讲在岗位上怎样当先锋。', ALL, 'com', 'draft'],
    ['以高质量党建引领高质量发展', '讲企业党建怎样和生产经营拧成一股绳。', 'enterprise', 'sec', 'past'],
    ['在基层一线践行群众路线', '老书记讲几十年来在社区为群众办事的体会。', 'street', ['model', '优秀共产党员、社区老书记'], 'future'],
  ],
}

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
      const venue: LectureDoc['venue'] = walking
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
          }

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
