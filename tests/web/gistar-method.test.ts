import type { EmergingMethodFields, GiMethodFields } from '../../web/src/logic/gistar-method.ts'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import en from '../../web/src/i18n/en.ts'
import zhCN from '../../web/src/i18n/zh-CN.ts'
import { formatP, formatZ } from '../../web/src/logic/gistar-format.ts'
import { emergingMethodLines, formatBand, giMethodLines, utmZoneOf } from '../../web/src/logic/gistar-method.ts'
import { localWarnings } from '../../web/src/logic/gistar-warnings.ts'

/** A method card as the server sends it for 大渡口 at 500 m (see hotspots/gistar-service.ts). */
const method: GiMethodFields = {
  distanceBand: 866.026,
  defaultDistance: true,
  srid: 32648,
  n: 213,
  size: 500,
  correction: 'none',
  neighbours: { min: 3, mean: 5.230046948356808, max: 6 },
  parent: '500104',
  from: '2025-01',
  to: '2025-12',
}

function render(locale: 'zh-CN' | 'en', lines: ReturnType<typeof giMethodLines>): string[] {
  const i18n = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } })
  return lines.map(l => i18n.global.t(`hotspots.method.${l.key}`, l.params))
}

describe('gi* method card', () => {
  it('states the band, the UTM zone, binary weights with self, the correction, n and alpha in English', () => {
    const text = render('en', giMethodLines(method, 'en')).join('\n')
    expect(text).toContain('fixed distance band 866.026 m (default')
    expect(text).toContain('Euclidean between hexagon centres, UTM zone 48N (EPSG:32648)')
    expect(text).toContain('binary, the cell itself included')
    expect(text).toContain('correction: none')
    expect(text).toContain('n = 213 hexagons of 500 m; 3–6 neighbours per cell (mean 5.2)')
    expect(text).toContain('α = 0.10 / 0.05 / 0.01')
    expect(text).toContain('500104; 2025-01 – 2025-12')
  })
  it('says the same in Chinese, and names FDR and a user band when chosen', () => {
    const text = render('zh-CN', giMethodLines({ ...method, correction: 'fdr', defaultDistance: false, distanceBand: 1500, n: 31234 }, 'zh-CN')).join('\n')
    expect(text).toContain('固定距离带 1,500 米（用户指定）')
    expect(text).toContain('UTM 48N 带（EPSG:32648）')
    expect(text).toContain('二值权重，包含单元自身')
    expect(text).toContain('Benjamini–Hochberg 错误发现率（FDR）')
    expect(text).toContain('n = 31,234 个 500 米六边形')
    expect(text).not.toMatch(/hotspots\.method/)
  })
  it('has every line in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const line of render(locale, [...giMethodLines(method, locale), ...giMethodLines({ ...method, correction: 'fdr', defaultDistance: false }, locale)]))
        expect(line).not.toMatch(/^hotspots\./)
    }
  })
  it('reads the zone from the EPSG code', () => {
    expect(utmZoneOf(32648)).toBe(48)
    expect(utmZoneOf(32651)).toBe(51)
    expect(utmZoneOf(4326)).toBeNull()
    expect(formatBand(866.0254, 'en')).toBe('866.025')
  })
})

describe('emerging method card', () => {
  const emerging: EmergingMethodFields = { ...method, from: '2026-01', to: '2026-12', timeSteps: 12, trendAlpha: 0.1 }
  it('states the monthly time step, the number of steps and the Mann-Kendall test, then the neighbourhood', () => {
    const text = render('en', emergingMethodLines(emerging, 'en'))
    expect(text[0]).toBe('Time step: 1 month, 12 steps (2026-01 to 2026-12)')
    expect(text[1]).toContain('Mann-Kendall')
    expect(text.join('\n')).toContain('866.026 m')
    const zh = render('zh-CN', emergingMethodLines(emerging, 'zh-CN'))
    expect(zh[0]).toBe('时间步长：1 个月，共 12 步（2026-01 至 2026-12）')
  })
})

describe('warnings', () => {
  it('puts "fewer than 30 cells" first and translates it', () => {
    const w = localWarnings(['3 cells have no neighbour within the distance band: their z compares the cell only with itself', 'fewer than 30 cells: results are unreliable'])
    expect(w.map(x => x.key)).toEqual(['fewCells', 'isolated'])
    expect(w[0]!.severe).toBe(true)
    expect(w[1]!.params.n).toBe(3)
    const i18n = createI18n({ legacy: false, locale: 'zh-CN', messages: { 'zh-CN': zhCN, en } })
    expect(i18n.global.t(`hotspots.warnings.${w[0]!.key}`, w[0]!.params)).toBe('分析单元少于 30 个：结果不可靠')
  })
  it('marks per-month warnings of an emerging run and keeps unknown ones verbatim', () => {
    const w = localWarnings(['Gi*: all cells have the same value: no hot or cold spots can be found (z = 0, p = 1)', 'something new'])
    expect(w[0]).toMatchObject({ key: 'sameValue', params: { perMonth: 1 } })
    expect(w[1]).toEqual({ key: null, params: {}, text: 'something new', severe: false })
    expect(localWarnings(undefined)).toEqual([])
  })
})

describe('cell numbers', () => {
  it('formats z with three decimals and a minus sign', () => {
    expect(formatZ(2.5758293)).toBe('2.576')
    expect(formatZ(-1.6549)).toBe('−1.655')
    expect(formatZ(-0.0001)).toBe('0.000')
    expect(formatZ(Number.NaN)).toBe('—')
  })
  it('formats p to four significant digits, in powers of ten when tiny', () => {
    expect(formatP(0.0979404741756219)).toBe('0.09794')
    expect(formatP(0.01)).toBe('0.01')
    expect(formatP(1)).toBe('1')
    expect(formatP(3.2e-12)).toBe('3.20×10⁻¹²')
    expect(formatP(0)).toBe('0')
    expect(formatP(-0.1)).toBe('—')
  })
})
