/**
 * Heavy packages loaded by the handlers that use them, when called, so that a cold start of the function
 * (and every other action, such as a member's scan) does not parse them: exceljs (~1 MB; exports and the
 * roster import) and qrcode (~80 KB; the check-in screen and the local poster code). The build bundles each
 * beside index.js as lazy/<package>.js (scripts/build-functions.ts LAZY).
 */
export async function loadExcel() {
  return (await import('exceljs')).default
}

export async function loadQrCode() {
  return (await import('qrcode')).default
}
