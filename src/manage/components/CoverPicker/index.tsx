import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../../api/client'
import { type LocalFile, uploadFile } from '../../../api/upload'
import H5FileInput from '../H5FileInput'
import ActionButton from '../ActionButton'
import './index.scss'

export interface Cover {
  fileId: string
  /** A URL to show it: the detail's coverUrl or the one checkCover answered. */
  url?: string
}

export interface CoverPickerProps {
  /** The cover now set; undefined when there is none. */
  cover?: Cover
  /** A new picture was uploaded (a Cover), or the cover was removed (undefined). */
  onChange: (cover: Cover | undefined) => void
  /** A lecture's cover (lecture.checkCover), or a lecturer's photo (lecturer.checkPhoto). */
  kind?: 'cover' | 'lecturerPhoto'
}

/** The picture as uploaded, checked by its kind's function: answered with a URL to show it. */
const checkPicture = (kind: 'cover' | 'lecturerPhoto', uploaded: { fileId: string }) =>
  kind === 'cover' ? call('lecture', 'checkCover', uploaded) : call('lecturer', 'checkPhoto', uploaded)

const PICTURE_NAME = /\.(jpe?g|png)$/i
const PICK_FAILED = '图片没有选上，请重新选择'

/** WeChat's temporary paths end in the picture's type; anything else is sent as a .jpg and its bytes decide. */
function pictureName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? ''
  return PICTURE_NAME.test(name) ? name : 'cover.jpg'
}

/** In WeChat: a photo from the album or the camera. */
async function pickInWeapp(): Promise<LocalFile | undefined> {
  let chosen: Taro.chooseImage.SuccessCallbackResult
  try {
    chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  } catch (err) {
    if (String((err as { errMsg?: string })?.errMsg ?? err).includes('cancel')) return undefined
    throw err
  }
  const file = chosen.tempFiles[0]
  return file ? { name: pictureName(file.path), size: file.size, path: file.path } : undefined
}

/**
 * The lecture's cover picture (or a lecturer's photo, `kind`): a preview, 选择图片 / 更换图片 and 移除. A picked JPEG or PNG is uploaded
 * to storage at once (src/api/upload.ts) and its file id checked by lecture.checkCover; the form then keeps
 * the fileId for lecture.save. As FilePicker: WeChat picks with chooseImage, the h5 build with a plain
 * <input type="file"> inside a label that looks like a button. Class prefix `cover-picker`.
 */
function CoverPicker(props: CoverPickerProps) {
  const { cover, onChange, kind = 'cover' } = props
  const [uploading, setUploading] = useState(false)
  const [problem, setProblem] = useState<{ text: string; detail?: string }>()

  const upload = async (picked: LocalFile) => {
    setUploading(true)
    setProblem(undefined)
    try {
      const uploaded = await uploadFile(kind, picked)
      const reply = uploaded.ok ? await checkPicture(kind, uploaded.data) : uploaded
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
    chooser = (
      <H5FileInput
        label={label}
        accept='image/jpeg,image/png'
        classes={{ label: 'cover-picker__h5', text: 'cover-picker__h5-text', input: 'cover-picker__input' }}
        onFile={(file) => void upload(file)}
      />
    )
  } else {
    const pick = async () => {
      let picked: LocalFile | undefined
      try {
        picked = await pickInWeapp()
      } catch (_err) {
        return setProblem({ text: PICK_FAILED })
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
