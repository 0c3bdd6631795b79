import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Reply } from '../../../shared/errors'
import ActionButton from '../ActionButton'
import Notice from '../Notice'

export interface ExportButtonProps {
  /** Asks the server for the file (e.g. signup.exportRoster). */
  request: () => Promise<Reply<{ url: string; fileName: string }>>
  /** What the file is, in the messages: 名单, 学时表. */
  noun: string
  className?: string
}

interface Message {
  tone: 'error' | 'success'
  text: string
  detail?: string
}

/**
 * Opens an exported file. WeChat: download it, then open it in the document viewer, whose menu
 * can forward it to a chat or a PC. h5: a new tab (the browser saves the .xlsx). Returns false when
 * the browser blocked the tab, so the page can offer a link to tap.
 */
export async function openExport(url: string): Promise<boolean> {
  if (process.env.TARO_ENV === 'weapp') {
    const file = await Taro.downloadFile({ url })
    if (file.statusCode !== 200) throw new Error(`download answered ${file.statusCode}`)
    await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true })
    return true
  }
  return window.open(url, '_blank') !== null
}

/**
 * 导出Excel: asks for the file, opens it, and says what happened under the button (with a 下载
 * button in a browser that blocked the new tab). Styles: ActionButton's and Notice's only.
 */
function ExportButton(props: ExportButtonProps) {
  const { request, noun, className } = props
  const [exporting, setExporting] = useState(false)
  const [exported, setExported] = useState<{ url: string; fileName: string; blocked: boolean }>()
  const [message, setMessage] = useState<Message>()

  const run = async () => {
    if (exporting) return
    setExporting(true)
    setMessage(undefined)
    try {
      const reply = await request()
      if (!reply.ok) return setMessage({ tone: 'error', text: reply.message, detail: reply.explanation })
      const opened = await openExport(reply.data.url)
      setExported({ url: reply.data.url, fileName: reply.data.fileName, blocked: !opened })
    } catch (_err) {
      setMessage({ tone: 'error', text: `${noun}已生成，但没有打开，请稍后再试` })
    } finally {
      setExporting(false)
    }
  }

  return (
    <>
      <ActionButton variant='plain' busy={exporting} className={className} onClick={() => void run()}>
        {exporting ? '正在导出…' : '导出Excel'}
      </ActionButton>
      {message && <Notice tone={message.tone} text={message.text} detail={message.detail} />}
      {exported && (
        <Notice
          tone='success'
          text={`${noun}已导出：${exported.fileName}`}
          detail={exported.blocked ? '浏览器没有自动打开，请点下面的按钮下载。' : undefined}
        >
          {process.env.TARO_ENV === 'h5' && (
            <ActionButton size='small' variant='plain' onClick={() => void openExport(exported.url)}>
              下载
            </ActionButton>
          )}
        </Notice>
      )}
    </>
  )
}

ExportButton.displayName = 'ExportButton'

export default ExportButton
