/**
 * The check-in outbox (src/api/outbox.ts): what it keeps, what it sends, and what it drops, with Taro's
 * storage as a map and the backend as a mock.
 */
import { call } from '../../src/api/client'
import {
  flushOutbox,
  keepsItem,
  onOutboxChange,
  OUTBOX_MAX,
  outboxKey,
  outboxOutcomes,
  pendingScans,
  qrPurpose,
  saveScan,
  startOutbox,
  withItem,
  withOutcome,
  type OutboxItem,
  type OutboxOutcome,
} from '../../src/api/outbox'
import { refusal, type Reply } from '../../src/shared/errors'
import { checkinResult } from '../support/memberViews'

const mockStore = new Map<string, unknown>()
const mockNetworkListeners: ((res: { isConnected: boolean }) => void)[] = []
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (key: string) => mockStore.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => mockStore.set(key, JSON.parse(JSON.stringify(value))),
    onNetworkStatusChange: (fn: (res: { isConnected: boolean }) => void) => mockNetworkListeners.push(fn),
  },
}))
jest.mock('../../src/api/client', () => ({ call: jest.fn() }))
const callMock = call as unknown as jest.Mock<Promise<Reply<unknown>>, [string, string, Record<string, unknown>]>

const result = checkinResult

const item = (over: Partial<OutboxItem> = {}): OutboxItem => ({
  key: 'lec-1|2025-11-28T11:02:00.000Z',
  lectureId: 'lec-1',
  typed: '123456',
  scannedAt: '2025-11-28T11:02:00.000Z',
  ...over,
})

beforeEach(() => {
  mockStore.clear()
  callMock.mockReset()
})

describe('outbox rules', () => {
  it('keys a scan by lecture and scan time, and reads the purpose of a QR code only', () => {
    expect(outboxKey('lec-1', '2025-11-28T11:02:00.000Z')).toBe('lec-1|2025-11-28T11:02:00.000Z')
    expect(qrPurpose()).toBeUndefined()
    expect(qrPurpose('dk1|in|lec-1|123|sig')).toBe('in')
    expect(qrPurpose('dk1|out|lec-1|123|sig')).toBe('out')
  })

  it('keeps every typed scan in scan order: an L3 check-in and check-out typed offline both wait', () => {
    const checkout = item({ key: 'lec-1|20:30', typed: '654321', scannedAt: '2025-11-28T12:30:00.000Z' })
    const checkin = item({ key: 'lec-1|19:00', typed: '123456', scannedAt: '2025-11-28T11:00:00.000Z' })
    expect(withItem([checkin], checkout)).toEqual([checkin, checkout])
    // Saved out of order (a list from an earlier version): still in scan order.
    expect(withItem([checkout], checkin)).toEqual([checkin, checkout])
    // The very same scan saved twice is kept once.
    expect(withItem([checkin], { ...checkin })).toEqual([checkin])
  })

  it('merges two QR scans of the same lecture and purpose, keeping the earliest', () => {
    const qr = (purpose: string, scannedAt: string, lectureId = 'lec-1') =>
      item({
        key: `${lectureId}|${scannedAt}`,
        lectureId,
        typed: undefined,
        qr: `dk1|${purpose}|${lectureId}|1|s`,
        scannedAt,
      })
    const early = qr('in', '2025-11-28T11:00:00.000Z')
    const late = qr('in', '2025-11-28T12:50:00.000Z') // after the window closed
    expect(withItem([early], late)).toEqual([early])
    expect(withItem([late], early)).toEqual([early])
    const out = qr('out', '2025-11-28T12:30:00.000Z')
    const other = qr('in', '2025-11-28T11:30:00.000Z', 'lec-2')
    expect(withItem([early, out], other)).toEqual([early, other, out])
  })

  it('keeps at most OUTBOX_MAX, dropping the oldest', () => {
    const many = Array.from({ length: OUTBOX_MAX + 3 }, (_, i) =>
      item({ key: `l${i}`, lectureId: `l${i}`, scannedAt: new Date(Date.UTC(2025, 10, 28, 11, i)).toISOString() }),
    )
    const kept = many.reduce<OutboxItem[]>((all, i) => withItem(all, i), [])
    expect(kept).toHaveLength(OUTBOX_MAX)
    expect(kept[0].lectureId).toBe('l3')
    expect(kept[OUTBOX_MAX - 1].lectureId).toBe(`l${OUTBOX_MAX + 2}`)
  })

  it('keeps an item only when the server did not judge the scan', () => {
    const unjudged = ['NETWORK', 'INTERNAL', 'NOT_SIGNED_IN'] as const
    const judged = ['CODE_EXPIRED', 'OFFLINE_TOO_LATE'] as const
    expect(unjudged.filter(keepsItem)).toEqual(unjudged)
    expect(judged.filter(keepsItem)).toEqual([])
  })

  it('remembers outcomes newest first, one per scan (key)', () => {
    const o = (key: string, settledAt: string): OutboxOutcome => ({
      key,
      lectureId: key,
      scannedAt: settledAt,
      settledAt,
    })
    const list = [o('a', '1'), o('b', '2'), o('a', '3')].reduce<OutboxOutcome[]>((all, x) => withOutcome(all, x), [])
    expect(list.map((x) => `${x.key}${x.settledAt}`)).toEqual(['a3', 'b2'])
  })
})

describe('outbox storage and flush', () => {
  it('sends waiting scans with their scan time, drops them once judged, and remembers the answers', async () => {
    saveScan({ lectureId: 'lec-1', lectureTitle: '甲', typed: '123456', scannedAt: '2025-11-28T11:02:00.000Z' })
    saveScan({
      lectureId: 'lec-2',
      qr: 'dk1|in|lec-2|9|sig',
      location: { lat: 36.6, lng: 117, accuracy: 30 },
      scannedAt: '2025-11-28T11:03:00.000Z',
    })
    expect(pendingScans()).toHaveLength(2)
    callMock
      .mockResolvedValueOnce({ ok: true, data: result() })
      .mockResolvedValueOnce(refusal('CODE_EXPIRED', '扫码时已过期'))

    expect(await flushOutbox()).toEqual({ sent: 2, waiting: 0 })
    expect(callMock.mock.calls).toEqual([
      ['checkin', 'scan', { lectureId: 'lec-1', typed: '123456', scannedAt: '2025-11-28T11:02:00.000Z' }],
      [
        'checkin',
        'scan',
        {
          lectureId: 'lec-2',
          qr: 'dk1|in|lec-2|9|sig',
          location: { lat: 36.6, lng: 117, accuracy: 30 },
          scannedAt: '2025-11-28T11:03:00.000Z',
        },
      ],
    ])
    expect(pendingScans()).toEqual([])
    const [second, first] = outboxOutcomes()
    expect(first).toMatchObject({ lectureId: 'lec-1', lectureTitle: '沿着红色足迹学党史', result: { hours: 1.5 } })
    expect(second).toMatchObject({ lectureId: 'lec-2', refusal: { code: 'CODE_EXPIRED', explanation: '扫码时已过期' } })
  })

  it('sends an offline L3 check-in and check-out typed at the same lecture, check-in first', async () => {
    // Saved in the wrong order on purpose: the flush still goes by scan time.
    mockStore.set('dangke.checkinOutbox', [
      { key: 'lec-1|b', lectureId: 'lec-1', typed: '654321', scannedAt: '2025-11-28T12:30:00.000Z' },
      { key: 'lec-1|a', lectureId: 'lec-1', typed: '123456', scannedAt: '2025-11-28T11:00:00.000Z' },
    ])
    saveScan({ lectureId: 'lec-2', typed: '111111', scannedAt: '2025-11-28T11:30:00.000Z' })
    callMock.mockResolvedValue({ ok: true, data: result() })
    expect(await flushOutbox()).toEqual({ sent: 3, waiting: 0 })
    expect(callMock.mock.calls.map(([, , p]) => `${String(p.lectureId)} ${String(p.typed)}`)).toEqual([
      'lec-1 123456',
      'lec-2 111111',
      'lec-1 654321',
    ])
    expect(outboxOutcomes()).toHaveLength(3)
  })

  it('keeps both typed scans of one lecture when saved one after the other', () => {
    saveScan({ lectureId: 'lec-1', typed: '123456', scannedAt: '2025-11-28T11:00:00.000Z' })
    saveScan({ lectureId: 'lec-1', typed: '654321', scannedAt: '2025-11-28T12:30:00.000Z' })
    expect(pendingScans().map((i) => i.typed)).toEqual(['123456', '654321'])
  })

  it('stops at the first scan that still cannot get through and keeps it and the rest', async () => {
    saveScan({ lectureId: 'lec-1', typed: '123456', scannedAt: '2025-11-28T11:02:00.000Z' })
    saveScan({ lectureId: 'lec-2', typed: '123456', scannedAt: '2025-11-28T11:03:00.000Z' })
    callMock.mockResolvedValue(refusal('NETWORK'))
    expect(await flushOutbox()).toEqual({ sent: 0, waiting: 2 })
    expect(callMock).toHaveBeenCalledTimes(1)
    expect(outboxOutcomes()).toEqual([])
  })

  it('runs one flush at a time, and keeps a scan saved while a flush was sending', async () => {
    saveScan({ lectureId: 'lec-1', typed: '123456', scannedAt: '2025-11-28T11:02:00.000Z' })
    let answer: (r: Reply<unknown>) => void = () => undefined
    callMock.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
    const first = flushOutbox()
    expect(flushOutbox()).toBe(first)
    // The member scans the same lecture again while the first is on its way.
    saveScan({ lectureId: 'lec-1', typed: '654321', scannedAt: '2025-11-28T11:05:00.000Z' })
    answer({ ok: true, data: result() })
    await first
    expect(pendingScans().map((i) => i.typed)).toEqual(['654321'])
  })

  it('tells listeners, and flushes when the network comes back', async () => {
    const heard = jest.fn()
    const off = onOutboxChange(heard)
    startOutbox()
    saveScan({ lectureId: 'lec-1', typed: '123456', scannedAt: '2025-11-28T11:02:00.000Z' })
    expect(heard).toHaveBeenCalledTimes(1)
    callMock.mockResolvedValue({ ok: true, data: result() })
    mockNetworkListeners.forEach((l) => l({ isConnected: false }))
    expect(callMock).not.toHaveBeenCalled()
    mockNetworkListeners.forEach((l) => l({ isConnected: true }))
    await flushOutbox()
    expect(callMock).toHaveBeenCalledTimes(1)
    expect(pendingScans()).toEqual([])
    expect(heard).toHaveBeenCalledTimes(2)
    off()
  })
})
