/**
 * `storage.*`: files kept on local disk under <data>/storage and served on loopback. Upload URLs
 * carry an HMAC of the path, so only a URL this server issued can write.
 */
import { createHmac, timingSafeEqual } from 'crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs'
import { dirname, join, normalize } from 'path'
import { invalidParam } from './database/errors'

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
        const sig = this.sign(path)
        return {
          data: {
            url: `${this.publicBase()}/storage/${encodeURI(path)}?sig=${sig}`,
            token: 'local',
            authorization: sig,
            fileId: this.fileId(path),
            cosFileId: path,
            download_url: `${this.publicBase()}/storage/${encodeURI(path)}`,
          },
        }
      }
      case 'storage.batchGetDownloadUrl':
        return {
          data: {
            download_list: (p.file_list as { fileid: string }[]).map(({ fileid }) => {
              const path = this.pathOf(fileid)
              const ok = path !== undefined && existsSync(this.file(path))
              return ok
                ? { fileID: fileid, tempFileURL: `${this.publicBase()}/storage/${encodeURI(path)}`, code: 'SUCCESS' }
                : { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
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
    const want = Buffer.from(this.sign(clean))
    const got = Buffer.from(sig)
    if (want.length !== got.length || !timingSafeEqual(want, got)) return false
    mkdirSync(dirname(this.file(clean)), { recursive: true })
    writeFileSync(this.file(clean), body)
    return true
  }

  read(path: string): Buffer | undefined {
    const file = this.file(cleanPath(path))
    return existsSync(file) ? readFileSync(file) : undefined
  }

  private sign(path: string): string {
    return createHmac('sha256', this.secret).update(`upload:${path}`).digest('hex')
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

function cleanPath(path: string): string {
  const p = normalize(decodeURIComponent(path))
    .replace(/^(\.\.(\/|\\|$))+/, '')
    .replace(/^\/+/, '')
  if (!p || p.includes('..')) throw invalidParam(`bad cloud path ${path}`)
  return p
}
