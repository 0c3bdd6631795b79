import Taro from '@tarojs/taro'
import type { LocalFile } from '../../../api/upload'
import H5FileInput from '../H5FileInput'
import ActionButton from '../ActionButton'
import './index.scss'

export interface FilePickerProps {
  /** The button's words, e.g. 选择名册文件. */
  label: string
  /** The picked file, not yet read: the page uploads it (src/api/upload.ts). */
  onPicked: (file: LocalFile) => void
  /** The file could not be picked (not a cancel: a cancel says nothing). */
  onProblem: (text: string) => void
}

const PICK_FAILED = '文件没有选上，请重新选择'

/** In WeChat: a file from a chat (a PC's files reach the phone through 文件传输助手). */
async function pickInWeapp(): Promise<LocalFile | undefined> {
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
  } catch (err) {
    if (String((err as { errMsg?: string })?.errMsg ?? err).includes('cancel')) return undefined
    throw err
  }
  const file = chosen.tempFiles[0]
  return file ? { name: file.name, size: file.size, path: file.path } : undefined
}

/**
 * Choose one .xlsx or .csv file. WeChat has no file input: there the file comes from a chat
 * (chooseMessageFile); the h5 build renders a plain <input type="file"> inside a label that looks like
 * a button. Class prefix `file-picker`.
 */
function FilePicker(props: FilePickerProps) {
  const { label, onPicked, onProblem } = props

  if (process.env.TARO_ENV === 'h5') {
    return (
      <H5FileInput
        label={label}
        accept='.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
        classes={{ label: 'file-picker file-picker--h5', text: 'file-picker__text', input: 'file-picker__input' }}
        onFile={onPicked}
      />
    )
  }

  const pick = async () => {
    try {
      const file = await pickInWeapp()
      if (file) onPicked(file)
    } catch (_err) {
      onProblem(PICK_FAILED)
    }
  }
  return (
    <ActionButton variant='plain' onClick={() => void pick()} className='file-picker'>
      {label}
    </ActionButton>
  )
}

FilePicker.displayName = 'FilePicker'

export default FilePicker
