/** A QR code as a PNG data URL, rendered on the server so that the pages need no QR library. */
import QRCode from 'qrcode'

export function qrImage(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, scale: 8 })
}
