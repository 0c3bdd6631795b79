/**
 * Files that travel phone → storage → file id → function: where each kind lives in the bucket, what it
 * may be called and how big it may be. Pages check before uploading; the contract checks the id; the
 * function checks the stored bytes.
 */

/** A picture (a cover, a lecturer's photo): a JPEG or PNG of at most 2 MB. */
const PICTURE = { extensions: ['jpg', 'jpeg', 'png'], maxBytes: 2 * 1024 * 1024 } as const

export const UPLOADS = {
  cover: {
    folder: 'covers/',
    ...PICTURE,
    wrongKind: '请选择 JPG 或 PNG 图片',
    tooBig: '图片不能超过2MB，请换一张小一些的',
  },
  /** A lecturer's photo in the pool (师资库): as a cover, its own folder so one cannot pass for the other. */
  lecturerPhoto: {
    folder: 'lecturer-photos/',
    ...PICTURE,
    wrongKind: '请选择 JPG 或 PNG 照片',
    tooBig: '照片不能超过2MB，请换一张小一些的',
  },
  roster: {
    folder: 'rosters/',
    extensions: ['xlsx', 'csv'],
    maxBytes: 2 * 1024 * 1024,
    wrongKind: '请选择 .xlsx 或 .csv 文件',
    tooBig: '文件太大（超过2MB），请只保留本支部的名册后再导入',
  },
  orgTree: {
    folder: 'orgtrees/',
    extensions: ['xlsx'],
    // 10,000 rows (the import's limit) are about 300 KB: 2 MB leaves room for formatting.
    maxBytes: 2 * 1024 * 1024,
    wrongKind: '请选择 .xlsx 文件（组织架构表）',
    tooBig: '文件太大（超过2MB），请按区县分开导入',
  },
} as const

export type UploadKind = keyof typeof UPLOADS

/** 128 random bits as 32 hex characters: a name nobody can guess (pass crypto's random bytes). */
export function unguessableName(randomBytes: Uint8Array): string {
  if (randomBytes.length < 16) throw new Error('unguessableName needs 16 random bytes')
  return Array.from(randomBytes.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The file's extension in lower case ('' when it has none). */
export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(name.trim())
  return m ? m[1].toLowerCase() : ''
}

/** Whether a picked file's name is of this kind (the bytes are checked on the server). */
export function isNameOf(kind: UploadKind, name: string): boolean {
  return (UPLOADS[kind].extensions as readonly string[]).includes(extensionOf(name))
}

/** Where a picked file goes: `covers/<32 hex>.png`. Undefined for a name that is not of this kind. */
export function uploadPath(kind: UploadKind, fileName: string, randomBytes: Uint8Array): string | undefined {
  if (!isNameOf(kind, fileName)) return undefined
  return `${UPLOADS[kind].folder}${unguessableName(randomBytes)}.${extensionOf(fileName)}`
}

/**
 * The path inside the bucket of a CloudBase file id, `cloud://<env>.<bucket>/<path>` → `<path>`;
 * undefined for anything else (or a path that climbs out with `..`).
 */
export function cloudPathOf(fileId: string): string | undefined {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)
  if (!m || m[1].split('/').some((part) => part === '' || part === '.' || part === '..')) return undefined
  return m[1]
}

const UPLOAD_NAME = /^[0-9a-f]{32}\.([a-z0-9]+)$/

/** A file id that the app's upload of this kind made: in its folder, a random name, an allowed extension. */
export function isUploadOf(kind: UploadKind, fileId: string): boolean {
  const path = cloudPathOf(fileId)
  const spec = UPLOADS[kind]
  if (!path?.startsWith(spec.folder)) return false
  const m = UPLOAD_NAME.exec(path.slice(spec.folder.length))
  return !!m && (spec.extensions as readonly string[]).includes(m[1])
}
