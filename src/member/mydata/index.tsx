import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { call } from '../../api/client'
import PageState, { usePageLoad } from '../../components/PageState'
// The secretary's export button (asks, opens the file, says what happened), shared rather than copied.
import ExportButton from '../../manage/components/ExportButton'
import { MY_DATA_SHOWN, myDataTables, type MyDataTable } from '../../shared/myData'
import { routes } from '../../utils/routes'
import './index.scss'

/** One table as cards: each record's fields as label and value, or a line saying there is none. */
function Table({ table }: { table: MyDataTable }) {
  return (
    <View className='mydata__section'>
      <Text className='mydata__title'>{`${table.title}（${table.rows.length}）`}</Text>
      {table.rows.length === 0 && <Text className='mydata__none'>没有记录</Text>}
      {table.rows.map((row, i) => (
        <View key={i} className='mydata__record'>
          {row.map((value, j) =>
            value ? (
              <Text key={table.columns[j]} className='mydata__field'>{`${table.columns[j]}：${value}`}</Text>
            ) : null,
          )}
        </View>
      ))}
    </View>
  )
}

/**
 * 我的数据: everything the system holds about the member (member.myData), in the tables the export writes
 * (shared/myData.ts), and 导出Excel for the whole of it (member.exportMyData).
 */
export default function MyDataPage() {
  const page = usePageLoad(() => call('member', 'myData', {}), [])
  if (page.phase !== 'ready') {
    return <PageState className='mydata' phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
  }
  const data = page.data
  return (
    <View className='mydata'>
      <View className='mydata__head'>
        <Text className='mydata__intro'>这里是系统保存的您的全部信息。位置只保存签到时离现场的距离。</Text>
        <ExportButton noun='我的数据' request={() => call('member', 'exportMyData', {})} />
        <Text className='mydata__link' onClick={() => void Taro.navigateTo({ url: routes.privacy })}>
          查看《隐私政策》
        </Text>
      </View>
      {data.cut.length > 0 && (
        <Text className='mydata__cut'>{`记录较多，每类只显示最近${MY_DATA_SHOWN}条；导出的表格里有更多。`}</Text>
      )}
      {myDataTables(data).map((t) => (
        <Table key={t.title} table={t} />
      ))}
    </View>
  )
}
