/** How a page's Excel export reaches the secretary in tests: opened in WeChat, or a new tab in the browser. */
import { taroWith } from './taroWith'

/** For the file's Taro stand-in (taroWith): in WeChat the file downloads to wxfile://tmp/<file>, then opens. */
export const exportFileApis = (file: string) => ({
  downloadFile: jest.fn(async () => ({ statusCode: 200, tempFilePath: `wxfile://tmp/${file}` })),
  openDocument: jest.fn(async () => ({ errMsg: 'openDocument:ok' })),
})

/**
 * The whole Taro stand-in of an exporting page, for its file's jest.mock factory: opened at `path` with the
 * query `params()` (read at render: the factory runs before the file's own constants), exporting `file`.
 */
export const taroForExportPage = (path: string, params: () => Record<string, string>, file: string) =>
  taroWith({ useRouter: () => ({ params: params(), path }), ...exportFileApis(file) })

/** In the browser: window.open, set before each test of the file to a stand-in that opens a tab; answers it. */
export function stubWindowOpen(): jest.Mock {
  const open = jest.fn()
  beforeEach(() => {
    window.open = open as unknown as typeof window.open
    open.mockReturnValue({})
  })
  return open
}
