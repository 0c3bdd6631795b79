import Taro from '@tarojs/taro'
import type { ChangeEvent } from 'react'
import { base64FromDataUrl } from '../../utils/files'
import ActionButton from '../ActionButton'
import './index.scss'

export interface PickedFile {
  fileName: string
  contentBase64: string
}

export interface FilePickerProps {
  /** The button's words, e.g. 选择名册文件. */
  label: string
  onPicked: (file: PickedFile) => void
  /** The file could not be read (not a cancel: a cancel says nothing). */
  onProblem: (text: string) => void
}

const READ_FAILED = '文件没有读出来，请重新选择'

/** In WeChat: a file from a chat (a PC's files reach the phone through 文件传输助手). */
async function pickInWeapp(): Promise<PickedFile | undefined> {
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
  } catch (err) {
    if (String((err as { errMsg?: string })?.errMsg ?? err).includes('cancel')) return undefined
    throw err
  }
  const file = chosen.tempFiles[0]
  if (!file) return undefined
  const contentBase64 = await new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      encoding: 'base64',
      success: (res) => resolve(typeof res.data === 'string' ? res.data : ''),
      fail: reject,
    })
  })
  return { fileName: file.name, contentBase64 }
}

/** In a browser: the file's bytes as base64, through a data URL. */
function readInBrowser(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(base64FromDataUrl(String(reader.result)))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}

/**
 * Choose one .xlsx or .csv file and read it as base64. WeChat has no file input: there the file
 * comes from a chat (chooseMessageFile) and is read with the file system manager; the h5 build
 * renders a plain <input type="file"> inside a label that looks like a button. Class prefix
 * `file-picker`.
 */
function FilePicker(props: FilePickerProps) {
  const { label, onPicked, onProblem } = props

  if (process.env.TARO_ENV === 'h5') {
    const change = async (e: ChangeEvent<HTMLInputElement>) => {
      const input = e.target
      const file = input.files?.[0]
      if (!file) return
      try {
        onPicked({ fileName: file.name, contentBase64: await readInBrowser(file) })
      } catch (_err) {
        onProblem(READ_FAILED)
      } finally {
        input.value = '' // the same file may be chosen again after it was corrected
      }
    }
    return (
      <label className='file-picker file-picker--h5'>
        <span className='file-picker__text'>{label}</span>
        <input
          className='file-picker__input'
          type='file'
          accept='.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
          onChange={(e) => void change(e)}
        />
      </label>
    )
  }

  const pick = async () => {
    try {
      const file = await pickInWeapp()
      if (file) onPicked(file)
    } catch (_err) {
      onProblem(READ_FAILED)
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
