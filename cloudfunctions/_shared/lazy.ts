/**
 * exceljs, about 1 MB of a bundle: loaded by the handlers that read or write a workbook, when they are
 * called, so that a cold start of the function (and every other action) does not parse it. The build puts it
 * beside the bundle as lazy/exceljs.js (scripts/build-functions.ts).
 */
export async function loadExcel() {
  return (await import('exceljs')).default
}
