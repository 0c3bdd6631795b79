/**
 * Save the record image: WeChat draws on the page's hidden canvas 2d, makes a temporary file and saves it
 * to the album (or, if the member does not allow that, shows it full screen to long-press and keep);
 * the browser draws on a canvas of its own and downloads a PNG.
 */
import Taro from '@tarojs/taro'
import { drawRecord, type Context2D, type RecordLayout } from './record'

export const RECORD_CANVAS_ID = 'hours-record'

/** What the member is told afterwards. */
export type SaveOutcome = { ok: true; message: string } | { ok: false; message: string }

export async function saveRecord(layout: RecordLayout, fileName: string): Promise<SaveOutcome> {
  return process.env.TARO_ENV === 'weapp' ? saveInWeapp(layout) : saveInBrowser(layout, fileName)
}

function saveInBrowser(layout: RecordLayout, fileName: string): SaveOutcome {
  const canvas = document.createElement('canvas')
  canvas.width = layout.width
  canvas.height = layout.height
  const ctx = canvas.getContext('2d')
  if (!ctx) return { ok: false, message: '这个浏览器不能生成图片，请换一个浏览器再试。' }
  drawRecord(ctx as unknown as Context2D, layout)
  const link = document.createElement('a')
  link.href = canvas.toDataURL('image/png')
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  return { ok: true, message: '学时记录图片已下载。' }
}

interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): Context2D
}

function canvasNode(): Promise<CanvasNode | undefined> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${RECORD_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: CanvasNode }[]) => resolve(res?.[0]?.node))
  })
}

async function saveInWeapp(layout: RecordLayout): Promise<SaveOutcome> {
  const node = await canvasNode()
  if (!node) return { ok: false, message: '生成图片失败，请稍后再试。' }
  node.width = layout.width
  node.height = layout.height
  drawRecord(node.getContext('2d'), layout)
  let filePath: string
  try {
    const file = await Taro.canvasToTempFilePath({ canvas: node as never, fileType: 'png' } as never)
    filePath = file.tempFilePath
  } catch (_err) {
    return { ok: false, message: '生成图片失败，请稍后再试。' }
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    return { ok: true, message: '学时记录已保存到手机相册。' }
  } catch (_err) {
    // Not allowed to save (or cancelled): show it, so it can be kept by a long press or shown as it is.
    void Taro.previewImage({ urls: [filePath] })
    return { ok: false, message: '没能保存到相册。图片已打开，可以长按保存，或直接出示。' }
  }
}
