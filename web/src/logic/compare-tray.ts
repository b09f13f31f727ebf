/** The compare tray (2–6 regions) as plain functions: parse and write the `tray=` query, edit the list. */
export const TRAY_MIN = 2
export const TRAY_MAX = 6

/** One colour per tray slot, in order; the map outline, the chips and the chart series share them. */
export const TRAY_COLORS = ['#38e1ff', '#ffb020', '#ff5c8a', '#7cf29a', '#b38cff', '#f2f26b'] as const

const REGION_CODE = /^\d{6}(?:\d{6})?$/

/** Codes from `a,b,c`: valid region codes only, each once, at most TRAY_MAX, in order. */
export function parseTray(value: string | undefined | null): string[] {
  if (!value)
    return []
  const out: string[] = []
  for (const code of value.split(',')) {
    if (REGION_CODE.test(code) && !out.includes(code) && out.length < TRAY_MAX)
      out.push(code)
  }
  return out
}

export function serializeTray(codes: readonly string[]): string | undefined {
  return codes.length ? codes.join(',') : undefined
}

/** Add a region at the end; unchanged when it is there already or the tray is full. */
export function addToTray(codes: readonly string[], code: string): string[] {
  return codes.includes(code) || codes.length >= TRAY_MAX ? [...codes] : [...codes, code]
}

export function removeFromTray(codes: readonly string[], code: string): string[] {
  return codes.filter(c => c !== code)
}

/** Move a region one place earlier (-1) or later (+1); unchanged at either end. */
export function moveInTray(codes: readonly string[], code: string, step: -1 | 1): string[] {
  const i = codes.indexOf(code)
  const j = i + step
  if (i < 0 || j < 0 || j >= codes.length)
    return [...codes]
  const out = [...codes]
  out[i] = codes[j]!
  out[j] = code
  return out
}

export function trayColor(index: number): string {
  return TRAY_COLORS[index % TRAY_COLORS.length]!
}

/**
 * Where a region's boundary is listed (the /api/regions query), read from its code (GB/T 2260):
 * a 12-digit code is a township of the county its first six digits name; a 6-digit code is a city
 * when it is one of `cities`, otherwise a district of the city whose prefix it starts with.
 */
export function regionListQuery(code: string, cities: readonly string[]): { level: 'city' | 'district' | 'township', parent?: string } {
  if (code.length === 12)
    return { level: 'township', parent: code.slice(0, 6) }
  if (cities.includes(code))
    return { level: 'city' }
  const city = cities
    .filter(c => code.startsWith(c.replace(/(?:00)+$/, '')))
    .sort((a, b) => b.replace(/(?:00)+$/, '').length - a.replace(/(?:00)+$/, '').length)[0]
  return city ? { level: 'district', parent: city } : { level: 'district' }
}
