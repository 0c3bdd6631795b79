/**
 * A QR code as a PNG data URL, rendered on the server so that the pages need no QR library. Rendering takes
 * tens of milliseconds; the same text (one lecture's code in one 15-second slot, shown on several screens
 * or fetched again) is rendered once per instance.
 */
import { loadQrCode } from '../_shared/lazy'

const RECENT = 50
const rendered = new Map<string, Promise<string>>()

export function qrImage(text: string): Promise<string> {
  let image = rendered.get(text)
  if (!image) {
    image = loadQrCode().then((QRCode) => QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, scale: 8 }))
    rendered.set(text, image)
    if (rendered.size > RECENT) rendered.delete(rendered.keys().next().value as string)
    image.catch(() => rendered.delete(text))
  }
  return image
}
