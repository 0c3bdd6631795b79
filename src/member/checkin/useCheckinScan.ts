/**
 * The member's check-in from tap to answer: the phone's location where the lecture needs one, then the
 * code (scanned, typed, or none at L0), then the server's answer; a scan that cannot reach the server
 * waits in the outbox. The page shows `busy` on its buttons and `answer` under them.
 */
import { useRef, useState } from 'react'
import { call } from '../../api/client'
import { canOpenSettings, locate, type Located } from '../../api/location'
import { saveScan } from '../../api/outbox'
import { scanQr } from '../../api/scanner'
import { lectureIdOfQr } from '../../shared/checkinRules'
import { typedCode, type CheckinResult, type CheckinStatus, type ScanLocation } from '../../shared/contract/checkin'
import type { Refusal } from '../../shared/errors'

/** The answer to the member's last tap, shown big under the actions. */
export type Answer =
  | { kind: 'done'; result: CheckinResult }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'saved' }
  | { kind: 'notice'; text: string; settings?: boolean }

/** How the member gives the code: the scanner, the typed digits, none (L0), or one scanned on "我的". */
export type CheckinHow = 'scan' | 'typed' | 'plain' | { qr: string }

type Code = { qr: string } | { typed: string } | Record<string, never>

/** A location older than this is asked for again (the member may have walked in from the car park). */
const LOCATION_FRESH_MS = 60_000

/**
 * `status` is the lecture's check-in state (undefined when it could not be loaded: the scan is still
 * taken); `onCheckedIn` asks for it again after the server took a scan.
 */
export function useCheckinScan(lectureId: string, status: CheckinStatus | undefined, onCheckedIn: () => void) {
  const [typed, setTyped] = useState('')
  const [typedError, setTypedError] = useState<string>()
  const [busy, setBusy] = useState<string>()
  const [answer, setAnswer] = useState<Answer>()
  const located = useRef<Located>()

  /** The location if this lecture needs one (unknown lecture: try, but do not insist). */
  const whereAmI = async (): Promise<{ location?: ScanLocation; stop?: Answer }> => {
    const needed = status ? status.needsLocation : true
    if (!needed) return {}
    const last = located.current
    if (last?.ok && Date.now() - last.at < LOCATION_FRESH_MS) return { location: last.location }
    setBusy('正在获取位置…')
    const now = await locate()
    located.current = now
    if (now.ok) return { location: now.location }
    if (!status) return {}
    return { stop: { kind: 'notice', text: now.message, settings: now.problem === 'denied' && canOpenSettings() } }
  }

  const send = async (code: Code, location?: ScanLocation) => {
    setBusy('正在签到…')
    const scannedAt = new Date().toISOString()
    const reply = await call('checkin', 'scan', { lectureId, ...code, ...(location ? { location } : {}) })
    if (reply.ok) {
      setAnswer({ kind: 'done', result: reply.data })
      setTyped('')
      onCheckedIn()
    } else if (reply.code === 'NETWORK' || reply.code === 'INTERNAL') {
      saveScan({ lectureId, lectureTitle: status?.lectureTitle, ...code, location, scannedAt })
      setAnswer({ kind: 'saved' })
    } else {
      setAnswer({ kind: 'refused', refusal: reply })
    }
  }

  /** Location first, then the code: a code lives about 30 seconds, a location fix may take several. */
  const checkIn = async (how: CheckinHow) => {
    if (busy) return
    setAnswer(undefined)
    let code: Code = {}
    if (how === 'typed') {
      const parsed = typedCode.safeParse(typed)
      if (!parsed.success) {
        setTypedError('签到码是6位数字，请看现场屏幕上二维码下方的数字')
        return
      }
      setTypedError(undefined)
      code = { typed: parsed.data }
    }
    try {
      const { location, stop } = await whereAmI()
      if (stop) return setAnswer(stop)
      if (how === 'scan') {
        setBusy('请对准现场屏幕上的二维码')
        const scanned = await scanQr()
        if (!scanned.ok) {
          if (!scanned.cancelled)
            setAnswer({ kind: 'notice', text: '没有扫到二维码，可以再扫一次，或输入二维码下方的6位数字。' })
          return
        }
        if (!lectureIdOfQr(scanned.text)) {
          return setAnswer({ kind: 'notice', text: '这不是党课的签到二维码，请扫描现场屏幕上的签到码。' })
        }
        code = { qr: scanned.text }
      } else if (typeof how === 'object') {
        code = how
      }
      await send(code, location)
    } finally {
      setBusy(undefined)
    }
  }

  return { typed, setTyped, typedError, busy, answer, checkIn }
}
