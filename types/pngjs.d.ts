// pngjs 5 (installed with qrcode) ships no types; this is the part scripts/screenshots/compare.ts uses.
declare module 'pngjs' {
  export class PNG {
    constructor(options?: { width: number; height: number })
    width: number
    height: number
    data: Buffer
    static sync: { read(buffer: Buffer): PNG; write(png: PNG): Buffer }
  }
}
