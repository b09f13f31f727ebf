/**
 * The city a region code lies in, read from the code itself (GB/T 2260: two digits of province,
 * two of city, two of county, then township digits). A city's code ends in zeros, so its
 * significant prefix is what its descendants start with: 220800 → "2208", and the municipality
 * 500000 → "50". The longest matching prefix wins; null when no listed city matches.
 */
export function cityOfRegion(code: string, cities: ReadonlyArray<{ code: string }>): string | null {
  let best: string | null = null
  let bestLength = 0
  for (const c of cities) {
    const prefix = c.code.replace(/(?:00)+$/, '')
    if (prefix.length > bestLength && code.startsWith(prefix)) {
      best = c.code
      bestLength = prefix.length
    }
  }
  return best
}
