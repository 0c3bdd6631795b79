/**
 * The demo organisation tree of Jinan: city → districts/counties (and two committees) → streets/towns →
 * party committees → branches. District, street and town names are real; community, village and company
 * names below them are plausible but made up unless noted (e.g. 朱家峪村, 房干村, 卧云铺村 are real villages).
 * Coordinates are approximate (a few hundred metres) and only place a venue in the right part of the city.
 */
import type { OrgDoc, OrgKind } from '../../src/shared/model'

/** What a branch is made of: decides which lecture themes it hosts and where. */
export type BranchType = 'community' | 'village' | 'factory' | 'enterprise' | 'retired' | 'organ'

interface Node {
  id: string
  name: string
  kind: OrgKind
  loc?: [number, number]
  type?: BranchType
  place?: string
  children: Node[]
}

/** A host of lectures (a branch or a street) with where its lectures take place. */
export interface Host {
  id: string
  name: string
  kind: OrgKind
  type?: BranchType
  districtId: string
  /** Ancestors, root first (as OrgDoc.path). */
  path: string[]
  /** e.g. 济南市历下区解放路街道 (empty for the city-level organs, whose places say it all) */
  area: string
  /** e.g. 山师东路社区党群服务中心 */
  place: string
  lat: number
  lng: number
}

const br = (id: string, name: string, type: BranchType, place: string): Node => ({
  id: 'br-' + id,
  name,
  kind: 'branch',
  type,
  place,
  children: [],
})
const pc = (id: string, name: string, ...children: Node[]): Node => ({
  id: 'org-' + id,
  name,
  kind: 'partyCommittee',
  children,
})
const st = (id: string, name: string, lat: number, lng: number, ...children: Node[]): Node => ({
  id: 'org-' + id,
  name,
  kind: 'street',
  loc: [lat, lng],
  children,
})
const area = (
  id: string,
  name: string,
  kind: 'district' | 'committee',
  lat: number,
  lng: number,
  ...children: Node[]
): Node => ({
  id: 'org-' + id,
  name,
  kind,
  loc: [lat, lng],
  children,
})

// One line per org (prettier would put every argument on a line of its own).
// prettier-ignore
const TREE: Node = {
  id: 'org-jinan',
  name: '济南市',
  kind: 'city',
  loc: [36.6512, 117.1201],
  children: [
    area('lixia', '历下区', 'district', 36.6664, 117.0763,
      st('lixia-jiefanglu', '解放路街道', 36.669, 117.044,
        pc('lixia-ssdl', '山师东路社区党委',
          br('lixia-ssdl-1', '山师东路社区第一党支部', 'community', '山师东路社区党群服务中心'),
          br('lixia-ssdl-lt', '山师东路社区离退休党支部', 'retired', '山师东路社区老年活动室'))),
      st('lixia-qianfoshan', '千佛山街道', 36.647, 117.037,
        br('lixia-qfs', '千佛山社区党支部', 'community', '千佛山社区党群服务中心'),
        br('lixia-qfs-jg', '千佛山街道机关党支部', 'organ', '办事处三楼会议室')),
      st('lixia-baotuquan', '趵突泉街道', 36.66, 117.016,
        br('lixia-zjs', '正觉寺社区党支部', 'community', '正觉寺社区党群服务中心'))),
    area('shizhong', '市中区', 'district', 36.651, 116.997,
      st('shizhong-daguanyuan', '大观园街道', 36.658, 116.988,
        br('shizhong-jsl', '经四路社区党支部', 'community', '经四路社区党群服务中心')),
      st('shizhong-shungeng', '舜耕街道', 36.631, 117.022,
        pc('shizhong-sg', '舜耕社区党委',
          br('shizhong-sg-1', '舜耕社区第一党支部', 'community', '舜耕社区党群服务中心'),
          br('shizhong-sg-lt', '舜耕社区离退休党支部', 'retired', '舜耕社区老年大学教室'))),
      st('shizhong-shunyulu', '舜玉路街道', 36.632, 117.008,
        br('shizhong-sy', '舜玉社区党支部', 'community', '舜玉社区党群服务中心'))),
    area('huaiyin', '槐荫区', 'district', 36.651, 116.901,
      st('huaiyin-xishichang', '西市场街道', 36.664, 116.97,
        br('huaiyin-xsc', '西市场社区党支部', 'community', '西市场社区党群服务中心')),
      st('huaiyin-duandianbeilu', '段店北路街道', 36.665, 116.94,
        pc('huaiyin-qcjc', '泉城机床制造有限公司党委',
          br('huaiyin-qcjc-1', '泉城机床制造有限公司总装车间党支部', 'factory', '泉城机床制造有限公司总装车间'),
          br('huaiyin-qcjc-2', '泉城机床制造有限公司机加工车间党支部', 'factory', '泉城机床制造有限公司机加工车间'))),
      st('huaiyin-meilihu', '美里湖街道', 36.703, 116.905,
        br('huaiyin-wjz', '王家庄村党支部', 'village', '王家庄村党群服务中心'))),
    area('tianqiao', '天桥区', 'district', 36.693, 116.987,
      st('tianqiao-zhijinshi', '制锦市街道', 36.675, 117.005,
        br('tianqiao-zjs', '制锦市社区党支部', 'community', '制锦市社区党群服务中心')),
      st('tianqiao-beiyuan', '北园街道', 36.692, 117.0,
        br('tianqiao-by-lt', '北园社区离退休党支部', 'retired', '北园社区老年活动中心')),
      st('tianqiao-luokou', '泺口街道', 36.72, 116.995,
        br('tianqiao-lk', '泺口社区党支部', 'community', '泺口社区党群服务中心'))),
    area('licheng', '历城区', 'district', 36.683, 117.067,
      st('licheng-hongjialou', '洪家楼街道', 36.683, 117.065,
        br('licheng-hjl', '洪家楼社区党支部', 'community', '洪家楼社区党群服务中心')),
      st('licheng-shandalu', '山大路街道', 36.675, 117.055,
        pc('licheng-kjy', '山大路科技园联合党委',
          br('licheng-smg', '数码港软件有限公司党支部', 'enterprise', '数码港软件有限公司党员活动室'),
          br('licheng-dqsb', '华泉电气设备有限公司生产党支部', 'factory', '华泉电气设备有限公司装配车间'))),
      st('licheng-tangwang', '唐王街道', 36.818, 117.27,
        br('licheng-qwj', '前王家村党支部', 'village', '前王家村党群服务中心'))),
    area('changqing', '长清区', 'district', 36.553, 116.752,
      st('changqing-wenchang', '文昌街道', 36.555, 116.745,
        br('changqing-wc', '文昌社区党支部', 'community', '文昌社区党群服务中心')),
      st('changqing-zhangxia', '张夏街道', 36.44, 116.905,
        br('changqing-xzc', '西张村党支部', 'village', '西张村党群服务中心')),
      st('changqing-mashan', '马山镇', 36.43, 116.62,
        br('changqing-sjy', '孙家峪村党支部', 'village', '孙家峪村党群服务中心'))),
    area('zhangqiu', '章丘区', 'district', 36.714, 117.527,
      st('zhangqiu-mingshui', '明水街道', 36.72, 117.54,
        br('zhangqiu-bmq', '百脉泉社区党支部', 'community', '百脉泉社区党群服务中心'),
        br('zhangqiu-tg', '章丘铁锅锻造专业合作社党支部', 'factory', '铁锅锻造合作社锻打车间')),
      st('zhangqiu-shuangshan', '双山街道', 36.71, 117.51,
        br('zhangqiu-bwz', '北王庄村党支部', 'village', '北王庄村党群服务中心')),
      st('zhangqiu-guanzhuang', '官庄街道', 36.6, 117.455,
        br('zhangqiu-zjy', '朱家峪村党支部', 'village', '朱家峪村党群服务中心'))),
    area('jiyang', '济阳区', 'district', 36.978, 117.173,
      st('jiyang-jiyang', '济阳街道', 36.98, 117.18,
        br('jiyang-cbh', '澄波湖社区党支部', 'community', '澄波湖社区党群服务中心')),
      st('jiyang-jibei', '济北街道', 37.0, 117.19,
        br('jiyang-sp', '济北开发区食品企业联合党支部', 'factory', '鲁北食品有限公司包装车间')),
      st('jiyang-qudi', '曲堤街道', 37.06, 117.33,
        br('jiyang-qd', '曲堤村党支部', 'village', '曲堤村党群服务中心'))),
    area('laiwu', '莱芜区', 'district', 36.214, 117.677,
      st('laiwu-fengcheng', '凤城街道', 36.205, 117.665,
        br('laiwu-hy', '花园社区党支部', 'community', '花园社区党群服务中心'),
        br('laiwu-fc-lt', '凤城街道离退休干部党支部', 'retired', '老干部活动室')),
      st('laiwu-xueye', '雪野街道', 36.33, 117.56,
        br('laiwu-fg', '房干村党支部', 'village', '房干村党群服务中心')),
      st('laiwu-chayekou', '茶业口镇', 36.39, 117.73,
        br('laiwu-wyp', '卧云铺村党支部', 'village', '卧云铺村党群服务中心'))),
    area('gangcheng', '钢城区', 'district', 36.059, 117.811,
      st('gangcheng-aishan', '艾山街道', 36.06, 117.81,
        pc('gangcheng-tg', '钢城特钢有限公司党委',
          br('gangcheng-tg-lg', '钢城特钢有限公司炼钢车间党支部', 'factory', '钢城特钢有限公司炼钢车间'),
          br('gangcheng-tg-zg', '钢城特钢有限公司轧钢车间党支部', 'factory', '钢城特钢有限公司轧钢车间'))),
      st('gangcheng-wenyuan', '汶源街道', 36.05, 117.8,
        br('gangcheng-wy', '汶源社区党支部', 'community', '汶源社区党群服务中心')),
      st('gangcheng-lixin', '里辛街道', 36.09, 117.82,
        br('gangcheng-dyz', '大峪庄村党支部', 'village', '大峪庄村党群服务中心'))),
    area('pingyin', '平阴县', 'district', 36.289, 116.456,
      st('pingyin-yushan', '榆山街道', 36.29, 116.45,
        br('pingyin-cp', '翠屏社区党支部', 'community', '翠屏社区党群服务中心')),
      st('pingyin-meigui', '玫瑰镇', 36.345, 116.405,
        br('pingyin-xzz', '西张庄村党支部', 'village', '西张庄村党群服务中心'),
        br('pingyin-mg', '玫瑰产业专业合作社党支部', 'factory', '玫瑰产业合作社精油加工车间')),
      st('pingyin-hongfanchi', '洪范池镇', 36.17, 116.35,
        br('pingyin-dynyc', '东峪南崖村党支部', 'village', '东峪南崖村党群服务中心'))),
    area('shanghe', '商河县', 'district', 37.309, 117.157,
      st('shanghe-xushang', '许商街道', 37.31, 117.15,
        br('shanghe-xy', '鑫源社区党支部', 'community', '鑫源社区党群服务中心')),
      st('shanghe-yuhuangmiao', '玉皇庙镇', 37.2, 117.1,
        br('shanghe-qwz', '前王庄村党支部', 'village', '前王庄村党群服务中心')),
      st('shanghe-zhenglu', '郑路镇', 37.37, 117.27,
        br('shanghe-zjz', '赵家庄村党支部', 'village', '赵家庄村党群服务中心'))),
    area('gaoxin', '济南高新区', 'committee', 36.68, 117.13,
      st('gaoxin-shunhualu', '舜华路街道', 36.665, 117.13,
        pc('gaoxin-qlrjy', '齐鲁软件园企业联合党委',
          br('gaoxin-yjs-1', '泉城云计算有限公司第一党支部', 'enterprise', '泉城云计算有限公司党员活动室'),
          br('gaoxin-yjs-2', '泉城云计算有限公司第二党支部', 'enterprise', '泉城云计算有限公司多功能厅'))),
      st('gaoxin-suncun', '孙村街道', 36.69, 117.3,
        br('gaoxin-qgqp', '泉工汽车零部件有限公司车间党支部', 'factory', '泉工汽车零部件有限公司冲压车间'))),
    area('szjg', '市直机关工委', 'committee', 36.653, 117.12,
      pc('szjg-zzb', '市委组织部机关党委',
        br('szjg-zzb-1', '市委组织部机关第一党支部', 'organ', '济南市龙奥大厦（市级机关办公楼）会议室'),
        br('szjg-zzb-lt', '市委组织部离退休干部党支部', 'retired', '济南市老干部活动中心')),
      pc('szjg-dx', '市委党校机关党委',
        br('szjg-dx-jy', '市委党校教研第一党支部', 'organ', '济南市委党校教学楼报告厅')),
      pc('szjg-sthj', '市生态环境局机关党委',
        br('szjg-sthj-1', '市生态环境局机关第一党支部', 'organ', '济南市生态环境局会议室'))),
  ],
}

export interface OrgSeed {
  orgs: OrgDoc[]
  /** Every branch and street, with the place where it holds lectures. */
  hosts: Host[]
}

export function buildOrgs(): OrgSeed {
  const orgs: OrgDoc[] = []
  const hosts: Host[] = []
  const visit = (n: Node, path: string[], loc: [number, number], district: Node | null, street: Node | null): void => {
    orgs.push({ _id: n.id, name: n.name, kind: n.kind, parentId: path.length ? path[path.length - 1] : null, path })
    const here = n.loc ?? loc
    const d = n.kind === 'district' || n.kind === 'committee' ? n : district
    const s = n.kind === 'street' ? n : street
    if (d && (n.kind === 'branch' || n.kind === 'street')) {
      const prefix = d.id === 'org-szjg' ? '' : `济南市${d.name.replace(/^济南/, '')}${s ? s.name : ''}`
      const place = n.place ?? '新时代文明实践所'
      hosts.push({
        id: n.id,
        name: n.name,
        kind: n.kind,
        type: n.type,
        districtId: d.id,
        path,
        area: prefix,
        place,
        lat: here[0],
        lng: here[1],
      })
    }
    for (const c of n.children) visit(c, [...path, n.id], here, d, s)
  }
  visit(TREE, [], TREE.loc!, null, null)
  return { orgs, hosts }
}
