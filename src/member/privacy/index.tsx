import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { RETENTION_DAYS_DEFAULT } from '../../shared/privacy'
import { routes } from '../../utils/routes'
import './index.scss'

/**
 * What the policy says must match the code: check-in keeps the distance only (checkin/scan.ts), the
 * timer removes phones (maintenance/retention.ts), 我的数据 shows and exports the rest (member/myData.ts).
 */
const SECTIONS: { title: string; lines: string[] }[] = [
  {
    title: '我们收集哪些信息',
    lines: [
      '姓名、手机号、所在党支部和职务：来自支部导入的党员名册，用于核对您的身份。',
      '您的报名、签到签退记录、学习时长和您提交的党课申报。',
      '位置：只在需要定位的党课签到时获取一次，用来算出您离现场有多远；只保存这个距离和定位精度，不保存您在哪里。',
      '照片和文件：只有支部书记选作党课封面的照片、导入的名册表格；学时记录图片保存在您自己的手机相册里。',
    ],
  },
  {
    title: '为什么收集',
    lines: ['为了组织党课：报名、核对到场、记录学时，并按规定统计支部的学习情况。不用于其他任何目的。'],
  },
  {
    title: '谁能看到',
    lines: [
      '您本人；您所在支部的书记和支委；管理您所在组织的上级管理员。',
      '信息保存在本市党课平台的云数据库中，不提供给其他单位或个人。',
    ],
  },
  {
    title: '保存多久',
    lines: [
      '您在党员名册中时，信息一直保存，以便累计学时。',
      `您退出名册后，手机号在${RETENTION_DAYS_DEFAULT}天后删除（管理员可调整这个期限）；姓名和历史记录保留，作为党组织的学习档案。`,
    ],
  },
  {
    title: '怎样查看和导出',
    lines: ['在“我的”里打开“我的数据”，可以看到系统保存的您的全部信息，并导出为表格。'],
  },
  {
    title: '联系谁',
    lines: ['信息有误或有疑问，请联系您所在党支部的书记；也可以联系本市党课平台的管理员（组织部门）。'],
  },
]

/** 隐私政策: what is collected, why, who sees it, how long it is kept, how to see it, whom to ask. */
export default function Privacy() {
  return (
    <View className='privacy'>
      {SECTIONS.map((s) => (
        <View key={s.title} className='privacy__section'>
          <Text className='privacy__title'>{s.title}</Text>
          {s.lines.map((line) => (
            <Text key={line} className='privacy__line'>
              {line}
            </Text>
          ))}
        </View>
      ))}
      <Text className='privacy__link' onClick={() => void Taro.navigateTo({ url: routes.myData })}>
        打开“我的数据”
      </Text>
    </View>
  )
}
