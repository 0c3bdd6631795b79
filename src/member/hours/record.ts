/**
 * The personal study-hour record as an image: what goes where (pure, tested), and drawing it on any
 * 2D canvas context (WeChat's canvas 2d and the browser's have the same calls).
 */
import type { MyHours } from '../../shared/contract/hours'
import { formatDate } from '../../shared/chinaTime'
import { BUCKET_ORDER, formatHours, signedHours } from '../../shared/studyHours'
import { HOUR_BUCKET, HOUR_SOURCE } from '../../shared/words'

export interface RecordText {
  text: string
  x: number
  y: number
  size: number
  bold?: boolean
  color?: string
  align?: 'left' | 'right' | 'center'
}

export interface RecordLayout {
  width: number
  height: number
  texts: RecordText[]
  /** Horizontal rules (y positions). */
  rules: number[]
}

export const RECORD_WIDTH = 750
const MARGIN = 48
const ROW = 56
const TITLE_CHARS = 14
const RED = '#C40000'
const INK = '#1a1a1a'
const GREY = '#4d4d4d'

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** A tall card: who, which year, total against the target, the buckets, then every entry. */
export function recordLayout(h: MyHours, now: Date): RecordLayout {
  const texts: RecordText[] = []
  const rules: number[] = []
  const right = RECORD_WIDTH - MARGIN
  let y = 96
  texts.push({
    text: `${h.year}年度 党员学时记录`,
    x: RECORD_WIDTH / 2,
    y,
    size: 40,
    bold: true,
    color: RED,
    align: 'center',
  })
  y += 72
  texts.push({ text: `姓名：${h.name}`, x: MARGIN, y, size: 30, color: INK })
  y += 64
  texts.push({
    text: `已完成 ${formatHours(h.total)} / ${formatHours(h.target)} 学时`,
    x: MARGIN,
    y,
    size: 36,
    bold: true,
    color: INK,
  })
  y += 52
  const missing = Math.max(0, h.target - h.total)
  texts.push({
    text: missing > 0 ? `还差 ${formatHours(missing)} 学时` : '已完成年度目标',
    x: MARGIN,
    y,
    size: 28,
    color: missing > 0 ? RED : GREY,
  })
  y += 40
  rules.push(y)
  y += 56
  for (const b of BUCKET_ORDER) {
    texts.push({ text: HOUR_BUCKET[b], x: MARGIN, y, size: 28, color: INK })
    texts.push({ text: `${formatHours(h.buckets[b])} 学时`, x: right, y, size: 28, color: INK, align: 'right' })
    y += ROW - 8
  }
  y -= 8
  rules.push(y)
  y += 56
  texts.push({ text: `学时明细（${h.entries.length} 条）`, x: MARGIN, y, size: 30, bold: true, color: INK })
  y += ROW
  for (const e of h.entries) {
    texts.push({ text: clip(e.title, TITLE_CHARS), x: MARGIN, y, size: 26, color: INK })
    texts.push({
      text: signedHours(e.hours),
      x: right,
      y,
      size: 26,
      bold: true,
      color: e.hours < 0 ? RED : INK,
      align: 'right',
    })
    y += 36
    texts.push({ text: `${formatDate(e.at)} · ${HOUR_SOURCE[e.source]}`, x: MARGIN, y, size: 22, color: GREY })
    y += ROW
  }
  if (h.entries.length === 0) {
    texts.push({ text: '这一年还没有学时记录', x: MARGIN, y, size: 26, color: GREY })
    y += ROW
  }
  rules.push(y - 24)
  y += 24
  texts.push({
    text: `生成于 ${formatDate(now.toISOString())} · 我来讲党课`,
    x: RECORD_WIDTH / 2,
    y,
    size: 22,
    color: GREY,
    align: 'center',
  })
  return { width: RECORD_WIDTH, height: y + 48, texts, rules }
}

/** The calls both platforms' 2D contexts have. */
export interface Context2D {
  fillStyle: unknown
  strokeStyle: unknown
  lineWidth: number
  font: string
  textAlign: unknown
  textBaseline: unknown
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  beginPath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  stroke(): void
}

export function drawRecord(ctx: Context2D, layout: RecordLayout): void {
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, layout.width, layout.height)
  ctx.fillStyle = RED
  ctx.fillRect(0, 0, layout.width, 12)
  ctx.strokeStyle = '#cccccc'
  ctx.lineWidth = 2
  for (const y of layout.rules) {
    ctx.beginPath()
    ctx.moveTo(MARGIN, y)
    ctx.lineTo(layout.width - MARGIN, y)
    ctx.stroke()
  }
  ctx.textBaseline = 'alphabetic'
  for (const t of layout.texts) {
    ctx.font = `${t.bold ? 'bold ' : ''}${t.size}px sans-serif`
    ctx.fillStyle = t.color ?? INK
    ctx.textAlign = t.align ?? 'left'
    ctx.fillText(t.text, t.x, t.y)
  }
}
