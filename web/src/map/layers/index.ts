import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl'
import { contextFill } from './context-fill.ts'
import { contextOutline } from './context-outline.ts'
import { regionsFill } from './regions-fill.ts'
import { regionsHighlight } from './regions-highlight.ts'
import { regionsOutline, regionsOutlineApproximate } from './regions-outline.ts'

export interface LayerInputs {
  fillColor: ExpressionSpecification | string
  /** The drilled-in district, or null at the root level. */
  contextParent: string | null
  /** The choropleth switch in the layer panel; off leaves the outlines only. */
  choropleth?: boolean
}

/** The thematic layers, bottom to top. */
export function thematicLayers(input: LayerInputs): LayerSpecification[] {
  return [
    contextFill(input.contextParent),
    regionsFill(input.fillColor, input.choropleth ?? true),
    regionsOutline,
    regionsOutlineApproximate,
    contextOutline(input.contextParent),
    regionsHighlight,
  ]
}
