/**
 * The check-in outbox: a scan that could not reach the server (village signal) is kept on the phone and
 * sent again, with the time it was scanned, when the app starts or shows and when the network returns.
 * The server judges the code at the scan time, bounds the delay and keeps one record per member and
 * lecture, so sending twice is harmless. The phone keeps every distinct scan, in scan order, so an L3
 * check-in typed at 19:00 and the check-out typed at 20:30 both reach the server, check-in first (a typed
 * code does not say which it is). Only two QR scans of the same lecture and purpose (in/out) merge, and
 * the earliest stays: a later one may come after the window closed. At most OUTBOX_MAX items. An item
 * leaves the outbox once the server has judged it (checked in, or refused with a reason); the last
 * outcomes are kept for the check-in page to show.
 * Storage is per WeChat user in weapp; one phone is one member.
 */
import Taro from '@tarojs/taro'
import { parseQr } from '../shared/checkinRules'
import type { CheckinResult, ScanLocation } from '../shared/contract/checkin'
import type { ErrorCode } from '../shared/errors'
import { call } from './client'

export interface OutboxItem {
  /** lectureId|scannedAt: one per scan (items saved by earlier versions may have other keys). */
  key: string
  lectureId: string
  lectureTitle?: string
  qr?: string
  typed?: string
  location?: ScanLocation
  /** ISO 8601, the phone's clock at the scan. */
  scannedAt: string
}

/** What the server said to a scan sent from the outbox. */
export interface OutboxOutcome {
  key: string
  lectureId: string
  lectureTitle?: string
  scannedAt: string
  /** ISO 8601, when the answer came. */
  settledAt: string
  result?: CheckinResult
  refusal?: { code: ErrorCode; message: string; explanation?: string }
}

export const OUTBOX_MAX = 20
export const OUTCOMES_MAX = 20
const ITEMS_KEY = 'dangke.checkinOutbox'
const OUTCOMES_KEY = 'dangke.checkinOutcomes'

export const outboxKey = (lectureId: string, scannedAt: string): string => `${lectureId}|${scannedAt}`

/** A check-out code says so (`dk1|out|…`); other QR codes check in; a typed code does not say. */
export function qrPurpose(qr?: string): 'in' | 'out' | undefined {
  if (!qr) return undefined
  return parseQr(qr)?.purpose === 'out' ? 'out' : 'in'
}

const sameQrPurpose = (a: OutboxItem, b: OutboxItem): boolean =>
  a.lectureId === b.lectureId && !!a.qr && !!b.qr && qrPurpose(a.qr) === qrPurpose(b.qr)

/**
 * The items with `item` added, in scan order. The same scan (key) is kept once; a QR scan of a lecture and
 * purpose that already waits keeps the earlier of the two. The oldest go beyond `max`.
 */
export function withItem(items: readonly OutboxItem[], item: OutboxItem, max = OUTBOX_MAX): OutboxItem[] {
  const twin = items.find((i) => sameQrPurpose(i, item))
  if (twin && twin.scannedAt <= item.scannedAt) return [...items]
  const rest = items.filter((i) => i.key !== item.key && i !== twin)
  return [...rest, item].sort(byScanTime).slice(-max)
}

/** ISO 8601 in UTC (toISOString) sorts as text; Array.prototype.sort is stable for equal times. */
const byScanTime = (a: OutboxItem, b: OutboxItem): number =>
  a.scannedAt < b.scannedAt ? -1 : a.scannedAt > b.scannedAt ? 1 : 0

/** Refusals that say nothing about the scan itself: the item waits for the next try. */
export const keepsItem = (code: ErrorCode): boolean =>
  code === 'NETWORK' || code === 'INTERNAL' || code === 'NOT_SIGNED_IN'

/** Newest first, one per scan (key), at most `max`. */
export function withOutcome(
  outcomes: readonly OutboxOutcome[],
  outcome: OutboxOutcome,
  max = OUTCOMES_MAX,
): OutboxOutcome[] {
  return [outcome, ...outcomes.filter((o) => o.key !== outcome.key)].slice(0, max)
}

function read<T>(key: string): T[] {
  try {
    const value: unknown = Taro.getStorageSync(key)
    return Array.isArray(value) ? (value as T[]) : []
  } catch (_err) {
    return []
  }
}

function write(key: string, value: unknown[]): void {
  try {
    Taro.setStorageSync(key, value)
  } catch (err) {
    console.warn('outbox: storage write failed', err)
  }
}

const listeners = new Set<() => void>()
/** Called whenever the outbox or its outcomes change; returns the unsubscribe. */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}
const changed = () => listeners.forEach((l) => l())

export const pendingScans = (): OutboxItem[] => read<OutboxItem>(ITEMS_KEY)
export const outboxOutcomes = (): OutboxOutcome[] => read<OutboxOutcome>(OUTCOMES_KEY)

/** Keep a scan that could not be sent. */
export function saveScan(scan: Omit<OutboxItem, 'key'>): OutboxItem {
  const item = { ...scan, key: outboxKey(scan.lectureId, scan.scannedAt) }
  write(ITEMS_KEY, withItem(pendingScans(), item))
  changed()
  return item
}

/** The scan's payload as checkin.scan takes it (no empty fields). */
export function scanPayload(item: OutboxItem) {
  return {
    lectureId: item.lectureId,
    ...(item.qr ? { qr: item.qr } : {}),
    ...(item.typed ? { typed: item.typed } : {}),
    ...(item.location ? { location: item.location } : {}),
    scannedAt: item.scannedAt,
  }
}

export interface FlushReport {
  sent: number
  waiting: number
}

let flushing: Promise<FlushReport> | undefined

/**
 * Send the waiting scans in scan order (a check-in before its check-out); one flush at a time (a second
 * caller shares the running one).
 */
export function flushOutbox(): Promise<FlushReport> {
  flushing ??= sendAll().finally(() => {
    flushing = undefined
  })
  return flushing
}

async function sendAll(): Promise<FlushReport> {
  let sent = 0
  // Sorted again: lists saved by earlier versions were in save order.
  for (const item of [...pendingScans()].sort(byScanTime)) {
    const reply = await call('checkin', 'scan', scanPayload(item))
    if (!reply.ok && keepsItem(reply.code)) break // still offline (or busy): the rest waits with it
    sent++
    // Read again: the member may have scanned meanwhile; only this very item leaves.
    write(
      ITEMS_KEY,
      pendingScans().filter((i) => !(i.key === item.key && i.scannedAt === item.scannedAt)),
    )
    const outcome: OutboxOutcome = {
      key: item.key,
      lectureId: item.lectureId,
      lectureTitle: reply.ok ? reply.data.lectureTitle : item.lectureTitle,
      scannedAt: item.scannedAt,
      settledAt: new Date().toISOString(),
      ...(reply.ok
        ? { result: reply.data }
        : { refusal: { code: reply.code, message: reply.message, explanation: reply.explanation } }),
    }
    write(OUTCOMES_KEY, withOutcome(outboxOutcomes(), outcome))
    changed()
  }
  return { sent, waiting: pendingScans().length }
}

/** Flush if anything waits (at launch, when the app shows again, when the network returns). */
export function flushOutboxIfWaiting(): void {
  if (pendingScans().length > 0) void flushOutbox()
}

let started = false
/** At launch: flush now and whenever the network comes back (WeChat's network event; the browser's `online`). */
export function startOutbox(): void {
  if (started) return
  started = true
  try {
    Taro.onNetworkStatusChange((res) => {
      if (res.isConnected) flushOutboxIfWaiting()
    })
  } catch (err) {
    console.warn('outbox: no network events', err)
  }
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    window.addEventListener('online', flushOutboxIfWaiting)
  }
  flushOutboxIfWaiting()
}
