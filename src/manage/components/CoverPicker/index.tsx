import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState, type ChangeEvent } from 'react'
import { call } from '../../../api/client'
import { base64FromDataUrl } from '../../utils/files'
import ActionButton from '../ActionButton'
import './index.scss'

export interface Cover {
  fileId: string
  /** A URL to show it: the detail's coverUrl or the one uploadCover answered. */
  url?: string
}

export interface CoverPickerProps {
  /** The cover now set; undefined when there is none. */
  cover?: Cover
  /** A new picture was uploaded (a Cover), or the cover was removed (undefined). */
  onChange: (cover: Cover | undefined) => void
}

interface Picked {
  fileName: string
  contentBase64: string
}

/** The contract's limit (2 MB) as base64 characters: checked here so a big photo costs no upload. */
const MAX_BASE64 = Math.ceil((2 * 1024 * 1024) / 3) * 4
const PICTURE_NAME = /\.(jpe?g|png)$/i
const READ_FAILED = '图片没有读出来，请重新选择'

/** A name the contract accepts; the server checks the bytes themselves. */
function pictureName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? ''
  return PICTURE_NAME.test(name) ? name : 'cover.jpg'
}

/** In WeChat: a photo from the album or the camera, read with the file system manager. */
async function pickInWeapp(): Promise<Picked | undefined> {
  let chosen: Taro.chooseImage.SuccessCallbackResult
  try {
    chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  } catch (err) {
    if (String((err as { errMsg?: string })?.errMsg ?? err).includes('cancel')) return undefined
    throw err
  }
  const filePath = chosen.tempFilePaths[0]
  if (!filePath) return undefined
  const contentBase64 = await new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (res) => resolve(typeof res.data === 'string' ? res.data : ''),
      fail: reject,
    })
  })
  return { fileName: pictureName(filePath), contentBase64 }
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
 * The lecture's cover picture: a preview, 选择图片 / 更换图片 and 移除. A picked JPEG or PNG goes
 * to lecture.uploadCover at once; the form then keeps its fileId for lecture.save. As FilePicker:
 * WeChat picks with chooseImage, the h5 build with a plain <input type="file"> inside a label that
 * looks like a button. Class prefix `cover-picker`.
 */
function CoverPicker(props: CoverPickerProps) {
  const { cover, onChange } = props
  const [uploading, setUploading] = useState(false)
  const [problem, setProblem] = useState<{ text: string; detail?: string }>()

  const upload = async (picked: Picked) => {
    if (!picked.contentBase64) return setProblem({ text: READ_FAILED })
    if (picked.contentBase64.length > MAX_BASE64) return setProblem({ text: '图片不能超过2MB，请换一张小一些的' })
    setUploading(true)
    setProblem(undefined)
    try {
      const reply = await call('lecture', 'uploadCover', picked)
      if (!reply.ok) return setProblem({ text: reply.message, detail: reply.explanation })
      onChange({ fileId: reply.data.fileId, url: reply.data.url })
    } finally {
      setUploading(false)
    }
  }

  const label = cover ? '更换图片' : '选择图片'
  let chooser
  if (uploading) {
    chooser = <Text className='cover-picker__busy'>正在上传…</Text>
  } else if (process.env.TARO_ENV === 'h5') {
    const change = async (e: ChangeEvent<HTMLInputElement>) => {
      const input = e.target
      const file = input.files?.[0]
      if (!file) return
      try {
        const contentBase64 = await readInBrowser(file)
        input.value = '' // the same file may be chosen again
        await upload({ fileName: file.name, contentBase64 })
      } catch (_err) {
        setProblem({ text: READ_FAILED })
      }
    }
    chooser = (
      <label className='cover-picker__h5'>
        <span className='cover-picker__h5-text'>{label}</span>
        <input
          className='cover-picker__input'
          type='file'
          accept='image/jpeg,image/png'
          onChange={(e) => void change(e)}
        />
      </label>
    )
  } else {
    const pick = async () => {
      let picked: Picked | undefined
      try {
        picked = await pickInWeapp()
      } catch (_err) {
        return setProblem({ text: READ_FAILED })
      }
      if (picked) await upload(picked)
    }
    chooser = (
      <ActionButton variant='plain' onClick={() => void pick()}>
        {label}
      </ActionButton>
    )
  }

  return (
    <View className='cover-picker'>
      {cover?.url && <Image className='cover-picker__image' src={cover.url} mode='aspectFill' />}
      <View className='cover-picker__actions'>
        {chooser}
        {cover && !uploading && (
          <ActionButton
            variant='quiet'
            className='cover-picker__remove'
            onClick={() => {
              setProblem(undefined)
              onChange(undefined)
            }}
          >
            移除
          </ActionButton>
        )}
      </View>
      {problem && (
        <View className='cover-picker__problem'>
          <Text className='cover-picker__problem-text'>{problem.text}</Text>
          {problem.detail && <Text className='cover-picker__problem-text'>{problem.detail}</Text>}
        </View>
      )}
    </View>
  )
}

CoverPicker.displayName = 'CoverPicker'

export default CoverPicker
