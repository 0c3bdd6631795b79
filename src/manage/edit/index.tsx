import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import PrivacySheet from '../../components/PrivacySheet'
import { Notice, PageState, usePageLoad } from '../components'
import { LECTURE_STATUS } from '../../shared/words'
import { readParam } from '../utils/route'
import ContentSection from './ContentSection'
import CreditSection from './CreditSection'
import EditFooter from './EditFooter'
import HostSection from './HostSection'
import LecturerSection from './LecturerSection'
import { loadEditor, type EditorStart } from './loadEditor'
import ScheduleSection from './ScheduleSection'
import SignupSection from './SignupSection'
import { useLectureForm } from './useLectureForm'
import VenueSection from './VenueSection'
import './index.scss'

/**
 * The form to post or edit a lecture (?id= edits, ?orgId= preselects the host). Loaded once, on mount:
 * a later show (back from picking a cover) must not put the server's lecture over what is being typed.
 */
export default function ManageEdit() {
  const { params } = useRouter()
  const id = readParam(params, 'id')
  const orgId = readParam(params, 'orgId')
  const page = usePageLoad(() => loadEditor(id, orgId), [], 'mount')

  if (page.phase !== 'ready') {
    return (
      <View className='manage-edit'>
        <PageState phase={page.phase} refusal={page.refusal} onRetry={() => void page.reload()} />
      </View>
    )
  }
  return <LectureEditor start={page.data} />
}

/** The form's sections, checked with the contract's `lectureInput` and saved by useLectureForm. */
function LectureEditor({ start }: { start: EditorStart }) {
  const lecture = useLectureForm(start)
  const { lectureId, status } = lecture
  const closed = status === 'cancelled' || status === 'finished'
  return (
    <View className='manage-edit'>
      <View className='manage-edit__heading'>
        <Text className='manage-edit__heading-title'>{lectureId ? '编辑党课' : '发布新党课'}</Text>
        {status && <Text className='manage-edit__heading-status'>{LECTURE_STATUS[status]}</Text>}
      </View>
      {closed && (
        <Notice
          tone='error'
          text={status === 'cancelled' ? '这场党课已取消，不能再修改。' : '这场党课已结束，不能再修改。'}
          detail='可以在「我的党课」里把它复制为新草稿。'
        />
      )}
      <ContentSection lecture={lecture} />
      <LecturerSection lecture={lecture} />
      <HostSection lecture={lecture} />
      <VenueSection lecture={lecture} />
      <ScheduleSection lecture={lecture} />
      <SignupSection lecture={lecture} />
      <CreditSection lecture={lecture} />
      <EditFooter lecture={lecture} closed={closed} />
      <PrivacySheet />
    </View>
  )
}
