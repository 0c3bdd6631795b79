/** A distance as a member reads it: "800 米" under a kilometre (to 10 m), "1.2 公里", "23 公里" from 10 km. */
export function formatDistance(metres: number): string {
  const m = Math.max(10, Math.round(metres / 10) * 10)
  if (m < 1000) return `${m} 米`
  const tenths = Math.round(m / 100) // whole numbers: 2050 m is 2.1, not toFixed's binary 2.0
  return tenths < 100 ? `${tenths / 10} 公里` : `${Math.round(m / 1000)} 公里`
}
