/**
 * The demo city's organisation tree as an Excel file in the import's format (名称, 类型, 上级, 组织代码):
 * 济南市's 12 districts and counties and 3 functional areas (their Party working committees, 工委), 200
 * streets and towns (real names where known, plausible ones to make up the number), 3 community Party
 * committees of 7 branches and 4 branches of its own under each street: 5,000 branches, 5,815 rows.
 * Deterministic: the same bytes' rows on every run. Codes follow the administrative division codes
 * (district 370102… then two digits for the street, the committee and the branch).
 *
 * Used by the from-nothing browser test and `npm run bench -- tree`. Usage: tsx scripts/demo-city-tree.ts [out.xlsx]
 */
import { writeFileSync } from 'fs'
import { treeWorkbook } from '../cloudfunctions/org/exportTree'
import { ORG_KIND } from '../src/shared/words'
import { mulberry32 } from './seed/prng'

const CITY = '济南市'
/** [name, division code, kind, its streets and towns joined by 、]: 12 districts and counties, 3 functional areas. */
const AREAS: [string, string, 'district' | 'committee', string][] = [
  [
    '历下区',
    '370102',
    'district',
    '解放路街道、千佛山街道、趵突泉街道、泉城路街道、大明湖街道、东关街道、文东街道、建新街道、甸柳街道、燕山街道、姚家街道、龙洞街道、智远街道',
  ],
  [
    '市中区',
    '370103',
    'district',
    '大观园街道、杆石桥街道、四里村街道、魏家庄街道、二七街道、七里山街道、六里山街道、舜玉路街道、泺源街道、王官庄街道、舜耕街道、白马山街道、七贤街道、十六里河街道、兴隆街道',
  ],
  [
    '槐荫区',
    '370104',
    'district',
    '振兴街街道、中大槐树街道、道德街街道、西市场街道、五里沟街道、营市街街道、青年公园街道、南辛庄街道、段店北路街道、张庄路街道、匡山街道、美里湖街道、腊山街道、兴福街道',
  ],
  [
    '天桥区',
    '370105',
    'district',
    '无影山街道、天桥东街街道、北村街道、南村街道、堤口路街道、北坦街道、制锦市街道、宝华街街道、官扎营街道、纬北路街道、药山街道、北园街道、泺口街道、桑梓店街道',
  ],
  [
    '历城区',
    '370112',
    'district',
    '山大路街道、洪家楼街道、东风街道、全福街道、华山街道、荷花路街道、王舍人街道、鲍山街道、郭店街道、唐冶街道、港沟街道、西营街道、彩石街道、董家街道',
  ],
  [
    '长清区',
    '370113',
    'district',
    '文昌街道、崮云湖街道、平安街道、五峰山街道、归德街道、张夏街道、万德街道、马山镇、孝里镇、双泉镇、峰山镇、石麟镇、长清湖街道',
  ],
  [
    '章丘区',
    '370114',
    'district',
    '明水街道、双山街道、枣园街道、龙山街道、埠村街道、圣井街道、普集街道、绣惠街道、相公庄街道、文祖街道、官庄街道、高官寨街道、白云湖街道、宁家埠街道',
  ],
  [
    '济阳区',
    '370115',
    'district',
    '济阳街道、济北街道、崔寨街道、孙耿街道、回河街道、太平街道、新市镇、垛石街道、曲堤街道、仁风镇、闻韶街道、唐庙镇、姜集镇',
  ],
  [
    '莱芜区',
    '370116',
    'district',
    '凤城街道、张家洼街道、高庄街道、鹏泉街道、口镇街道、羊里街道、方下街道、雪野街道、大王庄镇、寨里镇、杨庄镇、茶业口镇、和庄镇',
  ],
  [
    '钢城区',
    '370117',
    'district',
    '艾山街道、里辛街道、汶源街道、颜庄街道、棋山街道、辛庄街道、黄庄街道、钢都街道、汶河街道、新兴街道、东港街道、南山街道、北岭街道',
  ],
  [
    '平阴县',
    '370124',
    'district',
    '榆山街道、锦水街道、东阿镇、玫瑰镇、安城镇、洪范池镇、孔村镇、孝直镇、店子镇、胡庄街道、栾湾街道、云翠街道、翠屏街道',
  ],
  [
    '商河县',
    '370126',
    'district',
    '许商街道、殷巷镇、怀仁镇、龙桑寺镇、郑路镇、贾庄镇、玉皇庙镇、白桥镇、孙集镇、韩庙镇、沙河镇、张坊镇、滨河街道',
  ],
  [
    '济南高新区党工委',
    '370171',
    'committee',
    '舜华路街道、孙村街道、巨野河街道、遥墙街道、临港街道、章锦街道、开元街道、创新谷街道、东城街道、科航街道、汉峪街道、齐鲁街道、龙奥街道',
  ],
  [
    '济南新旧动能转换起步区党工委',
    '370172',
    'committee',
    '大桥街道、崔寨新区街道、孙耿新区街道、太平新区街道、泺口新区街道、鹊山街道、华山新区街道、黄河街道、北湖街道、城市客厅街道、济北新区街道、桑梓新区街道',
  ],
  [
    '南部山区党工委',
    '370173',
    'committee',
    '仲宫街道、柳埠街道、西营新区街道、锦绣川街道、高而街道、龙湾街道、卧虎山街道、九如山街道、红叶谷街道、跑马岭街道、泉乡街道、金刚纂街道、藕池街道',
  ],
]
/** Communities and villages below a street: their names are made up (a street name's first two characters and these). */
const PLACES =
  '和平 幸福 新华 文化 光明 建设 胜利 东城 西城 南苑 北苑 朝阳 阳光 花园 青年 丰收 金桥 长青 兴隆 安康'.split(' ')
const ORDINALS = ['第一', '第二', '第三', '第四', '第五', '第六', '第七']
const OWN_BRANCHES = ['机关第一党支部', '机关第二党支部', '非公企业联合党支部', '离退休党支部']

const two = (n: number) => String(n).padStart(2, '0')

/** The rows of the file, each after its parent (parents named by code; the districts' by the city's name). */
export function demoCityTreeRows(): string[][] {
  const rng = mulberry32(0x7ee5)
  const rows: string[][] = []
  for (const [area, division, kind, streetNames] of AREAS) {
    const streets = streetNames.split('、')
    const areaCode = `${division}000000`
    rows.push([area, ORG_KIND[kind], CITY, areaCode])
    streets.forEach((street, s) => {
      const streetCode = `${division}${two(s + 1)}0000`
      rows.push([street, ORG_KIND.street, areaCode, streetCode])
      const stem = street.slice(0, 2)
      const places = [...PLACES].sort(() => rng.next() - 0.5).slice(0, 3)
      places.forEach((place, c) => {
        const community = `${stem}${place}${street.endsWith('镇') ? '村' : '社区'}`
        const committeeCode = `${division}${two(s + 1)}${two(c + 1)}00`
        rows.push([`${community}党委`, ORG_KIND.partyCommittee, streetCode, committeeCode])
        ORDINALS.forEach((ordinal, b) =>
          rows.push([
            `${community}${ordinal}党支部`,
            ORG_KIND.branch,
            committeeCode,
            `${division}${two(s + 1)}${two(c + 1)}${two(b + 1)}`,
          ]),
        )
      })
      OWN_BRANCHES.forEach((name, b) =>
        rows.push([`${street}${name}`, ORG_KIND.branch, streetCode, `${division}${two(s + 1)}00${two(b + 1)}`]),
      )
    })
  }
  return rows
}

/** The demo city's tree as .xlsx bytes. */
export function demoCityTreeXlsx(): Promise<Buffer> {
  return treeWorkbook(demoCityTreeRows(), new Date('2026-01-01T00:00:00+08:00'))
}

if (require.main === module) {
  const out = process.argv[2] ?? 'demo-city-tree.xlsx'
  demoCityTreeXlsx()
    .then((bytes) => {
      writeFileSync(out, bytes)
      console.log(`${out}: ${demoCityTreeRows().length} rows, ${(bytes.length / 1024).toFixed(0)} KB`)
    })
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
