import type { LineLayerSpecification } from 'maplibre-gl'
import { REGIONS_SOURCE } from '../sources.ts'

/** Surveyed boundaries: solid. */
export const regionsOutline: LineLayerSpecification = {
  id: 'regions-outline',
  type: 'line',
  source: REGIONS_SOURCE,
  filter: ['!', ['to-boolean', ['get', 'approximate']]],
  paint: { 'line-color': '#c9d3e3', 'line-width': 1.2, 'line-opacity': 0.8 },
}

/** Approximated township boundaries: dashed, so nobody mistakes them for surveyed lines. */
export const regionsOutlineApproximate: LineLayerSpecification = {
  id: 'regions-outline-approximate',
  type: 'line',
  source: REGIONS_SOURCE,
  filter: ['to-boolean', ['get', 'approximate']],
  paint: { 'line-color': '#e6edf7', 'line-width': 1, 'line-opacity': 0.75, 'line-dasharray': [3, 2] },
}
