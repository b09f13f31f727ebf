/** Hex cell sizes (metres, centre to centre across flats) the server keeps counts for. */
export const HEX_SIZES = [250, 500, 1000] as const
export type HexSize = (typeof HEX_SIZES)[number]

/** Which map layers are switched on; the choropleth is on unless turned off. */
export interface LayerToggles {
  choropleth: boolean
  points: boolean
  heatmap: boolean
  hexbins: boolean
  hexSize: HexSize
}

export const DEFAULT_LAYERS: Readonly<LayerToggles> = {
  choropleth: true,
  points: false,
  heatmap: false,
  hexbins: false,
  hexSize: 500,
}

const HEX_TOKEN = /^hex(250|500|1000)$/

/**
 * Read the `layers` query value, a comma list such as `choropleth,points,hex500`. A missing value
 * means the default (the choropleth alone), so links from before the event layers still open the
 * same view; unknown tokens are ignored.
 */
export function parseLayers(value: string | undefined): LayerToggles {
  if (value === undefined)
    return { ...DEFAULT_LAYERS }
  const tokens = new Set(value.slice(0, 200).split(','))
  const hex = [...tokens].map(t => HEX_TOKEN.exec(t)).find(m => m !== null)
  return {
    choropleth: tokens.has('choropleth'),
    points: tokens.has('points'),
    heatmap: tokens.has('heatmap'),
    hexbins: hex !== undefined,
    hexSize: hex ? Number(hex[1]) as HexSize : DEFAULT_LAYERS.hexSize,
  }
}

/** The `layers` query value, or undefined for the default so existing links stay as they were. */
export function serializeLayers(layers: LayerToggles): string | undefined {
  const tokens: string[] = []
  if (layers.choropleth)
    tokens.push('choropleth')
  if (layers.points)
    tokens.push('points')
  if (layers.heatmap)
    tokens.push('heatmap')
  if (layers.hexbins)
    tokens.push(`hex${layers.hexSize}`)
  const value = tokens.join(',')
  return value === 'choropleth' ? undefined : value
}
