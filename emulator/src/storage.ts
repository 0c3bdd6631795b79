/**
 * `storage.*`: files kept on local disk under <data>/storage and served on loopback. Upload URLs
 * carry an HMAC of the path, so only a URL this server issued can write. Files are read only through
 * temporary URLs, as the real service gives them (`?sign=…&t=<expiry>`, `max_age` seconds, default ten
 * minutes, at most a day): the HMAC covers the path and the expiry, and an expired or unsigned URL answers 403. That is the
 * deployed storage rule (cloudfunctions/storage.json: only the creator and the server read); the emulator
 * keeps no file owners, so no plain URL reads anything.
 */
import { createHmac, timingSafeEqual } from 'crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs'
import { dirname, join, normalize } from 'path'
import { invalidParam } from './database/errors'

/**
 * A temporary URL's life: the server SDK's default for a private file is ten minutes, and no link lasts over
 * a day (WeChat docs: Cloud.getTempFileURL, "私有的文件获取的链接十分钟有效期"; wx.cloud.getTempFileURL,
 * "最大不超过一天").
 */
const DEFAULT_MAX_AGE = 600
const MAX_MAX_AGE = 86400

/** Raw SDK parameters, as parsed from the request body; each action casts the fields it reads. */
type Params = Record<string, unknown>

export class StorageService {
  constructor(
    private readonly root: string,
    private readonly secret: string,
    private readonly publicBase: () => string,
    private readonly envId: string,
  ) {
    mkdirSync(root, { recursive: true })
  }

  handle(action: string, p: Params): Record<string, unknown> {
    switch (action) {
      case 'storage.getUploadMetadata': {
        const path = cleanPath(String(p.path))
        const sig = this.sign(`upload:${path}`)
        return {
          data: {
            url: `${this.publicBase()}/storage/${encodeURI(path)}?sig=${sig}`,
            token: 'local',
            authorization: sig,
            fileId: this.fileId(path),
            // Opaque in the cloud and sent back as an HTTP header by the SDK: never raw (a Chinese name breaks it).
            cosFileId: encodeURIComponent(path),
            // The plain URL: readable only where the storage rule lets anyone read (here: nowhere).
            download_url: `${this.publicBase()}/storage/${encodeURI(path)}`,
          },
        }
      }
      case 'storage.batchGetDownloadUrl':
        return {
          data: {
            download_list: (p.file_list as { fileid: string; max_age?: number }[]).map(({ fileid, max_age }) => {
              const path = this.pathOf(fileid)
              if (path === undefined || !existsSync(this.file(path))) {
                return { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
              }
              const expiry =
                Math.floor(Date.now() / 1000) +
                Math.min(Number(max_age) > 0 ? Number(max_age) : DEFAULT_MAX_AGE, MAX_MAX_AGE)
              const query = `sign=${this.sign(`download:${path}:${expiry}`)}&t=${expiry}`
              return {
                fileID: fileid,
                tempFileURL: `${this.publicBase()}/storage/${encodeURI(path)}?${query}`,
                code: 'SUCCESS',
              }
            }),
          },
        }
      case 'storage.batchDeleteFile':
        return {
          data: {
            delete_list: (p.fileid_list as string[]).map((fileID) => {
              const path = this.pathOf(fileID)
              if (path === undefined || !existsSync(this.file(path))) return { fileID, code: 'STORAGE_FILE_NONEXIST' }
              rmSync(this.file(path))
              return { fileID, code: 'SUCCESS' }
            }),
          },
        }
      default:
        throw invalidParam(`emulator: action ${action} is not emulated`)
    }
  }

  /** PUT from the SDK's upload step; `sig` must be the one getUploadMetadata issued for this path. */
  put(path: string, sig: string, body: Buffer): boolean {
    const clean = cleanPath(path)
    if (!sameText(this.sign(`upload:${clean}`), sig)) return false
    this.write(clean, body)
    return true
  }

  /**
   * GET through a temporary URL: `sign` must be this server's HMAC of the path and `t`, and `t` (seconds)
   * not past. Anything else is 'denied', before the file's existence is even looked at.
   */
  read(path: string, sign: string, t: string): Buffer | 'denied' | 'missing' {
    let clean: string
    try {
      clean = cleanPath(path)
    } catch {
      return 'denied' // no URL this server signs names such a path
    }
    const expiry = Number(t)
    if (!/^\d+$/.test(t) || expiry < Date.now() / 1000) return 'denied'
    if (!sameText(this.sign(`download:${clean}:${expiry}`), sign)) return 'denied'
    const file = this.file(clean)
    return existsSync(file) ? readFileSync(file) : 'missing'
  }

  /** A new file, as the SDK's upload would store it; undefined if one is there already (never overwritten). */
  create(path: string, body: Buffer): string | undefined {
    const clean = cleanPath(path)
    if (existsSync(this.file(clean))) return undefined
    this.write(clean, body)
    return this.fileId(clean)
  }

  private write(path: string, body: Buffer): void {
    mkdirSync(dirname(this.file(path)), { recursive: true })
    writeFileSync(this.file(path), body)
  }

  private sign(what: string): string {
    return createHmac('sha256', this.secret).update(what).digest('hex')
  }

  private fileId(path: string): string {
    return `cloud://${this.envId}.local-bucket/${path}`
  }

  private pathOf(fileId: string): string | undefined {
    const prefix = `cloud://${this.envId}.local-bucket/`
    return fileId.startsWith(prefix) ? cleanPath(fileId.slice(prefix.length)) : undefined
  }

  private file(path: string): string {
    return join(this.root, path)
  }
}

function sameText(want: string, got: string): boolean {
  const [a, b] = [Buffer.from(want), Buffer.from(got)]
  return a.length === b.length && timingSafeEqual(a, b)
}

function cleanPath(path: string): string {
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    throw invalidParam(`bad cloud path ${path}`) // a stray `%`
  }
  const p = normalize(decoded)
    .replace(/^(\.\.(\/|\\|$))+/, '')
    .replace(/^\/+/, '')
  if (!p || p.includes('..')) throw invalidParam(`bad cloud path ${path}`)
  return p
}
