import type { Rng } from './random.ts'
import * as turf from '@turf/turf'

const GRID = 64
const UNKNOWN = 0
const BOUNDARY = 1
const INSIDE = 2
const OUTSIDE = 3

/**
 * Uniform points strictly inside one township polygon. A 64×64 grid over the bbox marks the
 * cells an edge touches; the rest are classified in or out once per connected component, so
 * most samples are accepted without a point-in-polygon test and only boundary cells pay for
 * turf.booleanPointInPolygon.
 */
export class TownshipSampler {
  private readonly minX: number
  private readonly minY: number
  private readonly cellW: number
  private readonly cellH: number
  private readonly state = new Uint8Array(GRID * GRID)
  private readonly candidates: Int32Array

  constructor(private readonly geometry: GeoJSON.MultiPolygon) {
    const [minX, minY, maxX, maxY] = turf.bbox(geometry)
    this.minX = minX
    this.minY = minY
    this.cellW = (maxX - minX) / GRID || 1e-9
    this.cellH = (maxY - minY) / GRID || 1e-9
    for (const polygon of geometry.coordinates) {
      for (const ring of polygon) this.markRing(ring)
    }
    this.classifyComponents()
    const cells: number[] = []
    this.state.forEach((s, i) => {
      if (s === BOUNDARY || s === INSIDE)
        cells.push(i)
    })
    this.candidates = Int32Array.from(cells)
  }

  contains(lon: number, lat: number): boolean {
    return turf.booleanPointInPolygon([lon, lat], this.geometry, { ignoreBoundary: true })
  }

  sample(rng: Rng): [number, number] {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const cell = this.candidates[Math.floor(rng() * this.candidates.length)] ?? 0
      // Rounded to 6 decimals (~0.1 m) before the test, so the stored point is the tested one.
      const lon = round6(this.minX + ((cell % GRID) + rng()) * this.cellW)
      const lat = round6(this.minY + (Math.floor(cell / GRID) + rng()) * this.cellH)
      if (this.state[cell] === INSIDE || this.contains(lon, lat))
        return [lon, lat]
    }
    throw new Error('could not place a point inside the township polygon')
  }

  /** Walk each edge in half-cell steps and mark the 3×3 neighbourhood: conservative, never misses a cell. */
  private markRing(ring: GeoJSON.Position[]): void {
    for (let i = 1; i < ring.length; i++) {
      const [x1 = 0, y1 = 0] = ring[i - 1] ?? []
      const [x2 = 0, y2 = 0] = ring[i] ?? []
      const steps = Math.ceil(Math.max(Math.abs(x2 - x1) / this.cellW, Math.abs(y2 - y1) / this.cellH) * 2) + 1
      for (let s = 0; s <= steps; s++) {
        const cx = Math.floor((x1 + ((x2 - x1) * s) / steps - this.minX) / this.cellW)
        const cy = Math.floor((y1 + ((y2 - y1) * s) / steps - this.minY) / this.cellH)
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            const gx = cx + dx
            const gy = cy + dy
            if (gx >= 0 && gy >= 0 && gx < GRID && gy < GRID)
              this.state[gy * GRID + gx] = BOUNDARY
          }
        }
      }
    }
  }

  /** A 4-connected run of cells no edge touches lies wholly inside or wholly outside. */
  private classifyComponents(): void {
    for (let start = 0; start < this.state.length; start++) {
      if (this.state[start] !== UNKNOWN)
        continue
      const x = this.minX + ((start % GRID) + 0.5) * this.cellW
      const y = this.minY + (Math.floor(start / GRID) + 0.5) * this.cellH
      const label = this.contains(x, y) ? INSIDE : OUTSIDE
      const stack = [start]
      this.state[start] = label
      while (stack.length > 0) {
        const cell = stack.pop() ?? 0
        const cx = cell % GRID
        const neighbours = [cx > 0 ? cell - 1 : -1, cx < GRID - 1 ? cell + 1 : -1, cell - GRID, cell + GRID]
        for (const n of neighbours) {
          if (n >= 0 && n < this.state.length && this.state[n] === UNKNOWN) {
            this.state[n] = label
            stack.push(n)
          }
        }
      }
    }
  }
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6
}
