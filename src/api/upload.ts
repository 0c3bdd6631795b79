/**
 * Files travel phone → storage → file id → function; their bytes never ride in a payload (CloudBase's
 * callFunction is for small payloads). `uploadFile('cover', picked)` stores the file under the kind's folder
 * with an unguessable name and answers its file id, which the page then passes to an action
 * (lecture.checkCover, member.importRoster).
 * weapp: Taro.cloud.uploadFile (the real path). h5: POST /app/upload on the local server, which stores the
 * file as that upload would.
 */
import Taro from '@tarojs/taro'
import { type UploadKind, UPLOADS, isNameOf, uploadPath } from '../shared/files'
import { type Reply, refusal } from '../shared/errors'
import { weappCloud } from './client'

/** Compile-time constant (config/index.ts `defineConstants`). */
declare const API_BASE: string

/** A file the person picked: in WeChat a temporary path, in a browser the File itself. */
export interface LocalFile {
  name: string
  size: number
  path?: string
  blob?: Blob
}

/** Why this file cannot be uploaded as this kind, in words for the person; undefined when it can. */
export function localFileProblem(kind: UploadKind, file: LocalFile): string | undefined {
  if (!isNameOf(kind, file.name)) return UPLOADS[kind].wrongKind
  if (file.size <= 0) return '文件是空的，或者没有读出来，请重新选择'
  if (file.size > UPLOADS[kind].maxBytes) return UPLOADS[kind].tooBig
  return undefined
}

export async function uploadFile(kind: UploadKind, file: LocalFile): Promise<Uploaded> {
  const problem = localFileProblem(kind, file)
  if (problem) return refusal('INVALID_INPUT', problem)
  try {
    const cloudPath = uploadPath(kind, file.name, await randomBytes())!
    return process.env.TARO_ENV === 'weapp' ? await viaCloud(cloudPath, file) : await viaHttp(cloudPath, file, kind)
  } catch (err) {
    console.warn(`uploadFile ${kind} failed`, err)
    return refusal('NETWORK')
  }
}

async function randomBytes(): Promise<Uint8Array> {
  if (process.env.TARO_ENV === 'weapp') {
    return new Uint8Array((await Taro.getRandomValues({ length: 16 })).randomValues)
  }
  return crypto.getRandomValues(new Uint8Array(16))
}

type Uploaded = Reply<{ fileId: string }>

async function viaCloud(cloudPath: string, file: LocalFile): Promise<Uploaded> {
  if (!file.path) throw new Error('uploadFile: no file path in WeChat')
  const res = await weappCloud().uploadFile({ cloudPath, filePath: file.path })
  return res.fileID ? { ok: true, data: { fileId: res.fileID } } : refusal('INTERNAL')
}

async function viaHttp(cloudPath: string, file: LocalFile, kind: UploadKind): Promise<Uploaded> {
  if (!file.blob) throw new Error('uploadFile: no file in the browser')
  const res = await fetch(`${API_BASE}/app/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/octet-stream' },
    body: file.blob,
  })
  if (res.status === 401) return refusal('NOT_SIGNED_IN')
  if (res.status === 413) return refusal('INVALID_INPUT', UPLOADS[kind].tooBig)
  const fileId = res.ok ? ((await res.json()) as { fileId?: string }).fileId : undefined
  return fileId ? { ok: true, data: { fileId } } : refusal('INTERNAL')
}
