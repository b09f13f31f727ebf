/** One line of a method card: an i18n key under `hotspots.method` and its parameters. */
export interface MethodLine { key: string, params: Record<string, string | number> }

/** The fields of the server's Gi* method card that the legend states (hotspots/gistar-service.ts). */
export interface GiMethodFields {
  distanceBand: number
  defaultDistance: boolean
  srid: number
  n: number
  size: number
  correction: string
  neighbours: { min: number, mean: number, max: number }
  parent: string
  from: string
  to: string
}

/** Extra fields of the emerging method card (hotspots/emerging-service.ts). */
export interface EmergingMethodFields extends GiMethodFields {
  timeSteps: number
  trendAlpha: number
}

/** The UTM zone of a WGS 84 / UTM north EPSG code (326zz); null for anything else. */
export function utmZoneOf(srid: number): number | null {
  return srid > 32600 && srid <= 32660 ? srid - 32600 : null
}

/** A band in metres as written on the card: to the millimetre, grouped as the locale does. */
export function formatBand(metres: number, locale: string): string {
  return metres.toLocaleString(locale, { maximumFractionDigits: 3 })
}

function periodOf(m: Pick<GiMethodFields, 'from' | 'to'>): string {
  return m.to && m.to !== m.from ? `${m.from} – ${m.to}` : m.from
}

/** The neighbourhood, weights, correction, n and alpha of a Gi* run, as the legend states them. */
export function giMethodLines(m: GiMethodFields, locale: string): MethodLine[] {
  const zone = utmZoneOf(m.srid)
  return [
    { key: 'region', params: { code: m.parent, period: periodOf(m) } },
    { key: m.defaultDistance ? 'neighbourhoodDefault' : 'neighbourhood', params: { band: formatBand(m.distanceBand, locale) } },
    { key: 'metric', params: { zone: zone ?? '?', srid: m.srid } },
    { key: 'weights', params: {} },
    { key: m.correction === 'fdr' ? 'correctionFdr' : 'correctionNone', params: {} },
    {
      key: 'n',
      params: {
        n: m.n.toLocaleString(locale),
        size: m.size,
        min: m.neighbours.min,
        max: m.neighbours.max,
        mean: m.neighbours.mean.toLocaleString(locale, { maximumFractionDigits: 1 }),
      },
    },
    { key: 'alpha', params: {} },
  ]
}

/** The emerging run's card: time steps and trend test, then the per-month Gi* card. */
export function emergingMethodLines(m: EmergingMethodFields, locale: string): MethodLine[] {
  return [
    { key: 'timeStep', params: { n: m.timeSteps, from: m.from, to: m.to } },
    { key: 'trend', params: { alpha: m.trendAlpha } },
    { key: 'perStep', params: {} },
    ...giMethodLines(m, locale).filter(l => l.key !== 'region' && l.key !== 'alpha'),
  ]
}
