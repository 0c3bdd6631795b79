/** Uploaded files: where each kind goes, which file ids pass the contract, what a page refuses before uploading. */
import { localFileProblem } from '../../src/api/upload'
import { contract } from '../../src/shared/contract'
import { cloudPathOf, isUploadOf, uploadPath, UPLOADS } from '../../src/shared/files'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))
jest.mock('../../src/api/client', () => ({ weappCloud: jest.fn() }))

const RANDOM = Uint8Array.from({ length: 16 }, (_, i) => i * 17)
const HEX = '00112233445566778899aabbccddeeff'
const id = (path: string) => `cloud://dangke-1a2b.6461-dangke-1a2b-1250000000/${path}`

it('puts a picked file in its kind’s folder under 128 random bits, keeping the extension', () => {
  expect(uploadPath('cover', 'IMG_0001.JPG', RANDOM)).toBe(`covers/${HEX}.jpg`)
  expect(uploadPath('roster', '正觉寺名册.xlsx', RANDOM)).toBe(`rosters/${HEX}.xlsx`)
  expect(uploadPath('cover', 'notes.pdf', RANDOM)).toBeUndefined()
})

it('knows an upload of a kind by its file id, and nothing else', () => {
  expect(cloudPathOf(id('covers/a.png'))).toBe('covers/a.png')
  expect(cloudPathOf(id('covers/../exports/x.xlsx'))).toBeUndefined()
  expect(isUploadOf('cover', id(`covers/${HEX}.png`))).toBe(true)
  expect(isUploadOf('roster', id(`rosters/${HEX}.csv`))).toBe(true)
  // another branch's export, a roster as a cover, a name someone chose, a path that climbs out
  expect(isUploadOf('cover', id(`exports/${HEX}/名单.xlsx`))).toBe(false)
  expect(isUploadOf('cover', id(`rosters/${HEX}.xlsx`))).toBe(false)
  expect(isUploadOf('cover', id('covers/my-photo.png'))).toBe(false)
  expect(isUploadOf('cover', id(`covers/../exports/${HEX}.png`))).toBe(false)
  expect(isUploadOf('cover', `covers/${HEX}.png`)).toBe(false)
})

describe('the contract takes file ids, never file bytes', () => {
  const cover = contract.lecture.checkCover.input
  const roster = contract.member.importRoster.input
  it('accepts an uploaded file’s id', () => {
    expect(cover.safeParse({ fileId: id(`covers/${HEX}.png`) }).success).toBe(true)
    expect(roster.safeParse({ branchId: 'br-1', fileId: id(`rosters/${HEX}.xlsx`) }).success).toBe(true)
  })
  it('refuses base64 in the payload, alone or beside a file id', () => {
    const base64 = Buffer.from('姓名,手机号\n').toString('base64')
    expect(roster.safeParse({ branchId: 'br-1', fileName: 'a.csv', contentBase64: base64 }).success).toBe(false)
    expect(
      roster.safeParse({ branchId: 'br-1', fileId: id(`rosters/${HEX}.csv`), contentBase64: base64 }).success,
    ).toBe(false)
    expect(cover.safeParse({ fileName: 'a.png', contentBase64: base64 }).success).toBe(false)
    expect(cover.safeParse({ fileId: id(`covers/${HEX}.png`), contentBase64: base64 }).success).toBe(false)
  })
  it('refuses an export’s id as a lecture cover', () => {
    expect(cover.safeParse({ fileId: id(`exports/${HEX}/名单.xlsx`) }).success).toBe(false)
    const coverField = contract.lecture.save.input.shape.lecture.safeParse({ coverFileId: id(`exports/${HEX}/x.xlsx`) })
    expect(coverField.error?.issues.some((i) => i.path.join('.') === 'coverFileId')).toBe(true)
  })
})

it('refuses a wrong type, an empty or an oversized file before uploading it', () => {
  const file = (name: string, size: number) => ({ name, size })
  expect(localFileProblem('roster', file('名册.xlsx', 1000))).toBeUndefined()
  expect(localFileProblem('roster', file('名册.CSV', 10))).toBeUndefined()
  expect(localFileProblem('roster', file('名册.xls', 1000))).toBe('请选择 .xlsx 或 .csv 文件')
  expect(localFileProblem('roster', file('名册.csv', 0))).toBe('文件是空的，或者没有读出来，请重新选择')
  expect(localFileProblem('roster', file('名册.csv', UPLOADS.roster.maxBytes + 1))).toMatch(/文件太大/)
  expect(localFileProblem('cover', file('a.png', 3 * 1024 * 1024))).toBe('图片不能超过2MB，请换一张小一些的')
})
