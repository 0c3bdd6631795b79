/** Roster files on their way to member.importRoster. */

/** The contract's limit on `contentBase64` (src/shared/contract/member.ts). */
export const MAX_ROSTER_BASE64 = 4_000_000

const ROSTER_FILE = /\.(xlsx|csv)$/i

export function isRosterFileName(name: string): boolean {
  return ROSTER_FILE.test(name.trim())
}

/** "data:application/...;base64,UEsDB..." (FileReader.readAsDataURL) → "UEsDB...". */
export function base64FromDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',')
  return comma >= 0 && dataUrl.slice(0, comma).endsWith(';base64') ? dataUrl.slice(comma + 1) : ''
}

/**
 * Why a picked file cannot be sent, in words for the secretary; undefined when it can.
 * Checked before sending so that a wrong file does not cost a trip to the server.
 */
export function rosterFileProblem(fileName: string, contentBase64: string): string | undefined {
  if (!isRosterFileName(fileName)) return '请选择 .xlsx 或 .csv 文件'
  if (!contentBase64) return '文件是空的，或者没有读出来，请重新选择'
  if (contentBase64.length > MAX_ROSTER_BASE64) return '文件太大（超过3MB），请只保留本支部的名册后再导入'
  return undefined
}
