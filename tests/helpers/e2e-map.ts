import type { OfflinePage, RiskmapWindow } from './e2e-browser.ts'
import { pointOnFeature } from '@turf/turf'
import { waitForMapIdle } from './e2e-browser.ts'

type Page = OfflinePage['page']

/** Until the map has drawn at least `atLeast` regions of the choropleth. */
export async function waitForRegions(page: Page, timeout = 60_000, atLeast = 1): Promise<void> {
  await page.waitForFunction((n) => {
    const map = (window as RiskmapWindow).__riskmap?.map
    return !!map?.getLayer('regions-fill') && map.queryRenderedFeatures({ layers: ['regions-fill'] }).length >= n
  }, atLeast, { timeout })
}

/** Regions drawn and the map idle: what every flow waits for after `goto`. */
export async function mapReady(page: Page, timeout = 60_000): Promise<void> {
  await waitForRegions(page, timeout)
  await waitForMapIdle(page, timeout)
}

/** Open a feature's side panel from its topbar toggle (`<name>-toggle` → `<name>-panel`). */
export async function openPanel(page: Page, name: string): Promise<void> {
  await page.getByTestId(`${name}-toggle`).click()
  await page.getByTestId(`${name}-panel`).waitFor({ state: 'visible' })
}

/**
 * A square of page points, ±half px around a centre, inside one rendered township and in no
 * panel: each corner and the centre must hit the map canvas and the same township.
 */
export async function drawableSquare(page: Page, half: number): Promise<{ code: string, corners: Array<{ x: number, y: number }> }> {
  const regions = await page.evaluate(() => (window as RiskmapWindow).__riskmap!.map.queryRenderedFeatures({ layers: ['regions-fill'] }).map(f => ({ code: String(f.properties.code), geometry: f.geometry })))
  const candidates = regions.map(r => ({
    code: r.code,
    lngLat: pointOnFeature({ type: 'Feature', properties: {}, geometry: r.geometry } as never).geometry.coordinates as [number, number],
  }))
  const hit = await page.evaluate(({ candidates, half }) => {
    const map = (window as RiskmapWindow).__riskmap!.map
    const canvas = map.getCanvas()
    const box = canvas.getBoundingClientRect()
    const codeAt = (x: number, y: number) => {
      if (document.elementFromPoint(box.left + x, box.top + y) !== canvas)
        return null
      return map.queryRenderedFeatures([x, y], { layers: ['regions-fill'] })[0]?.properties.code ?? null
    }
    for (const c of candidates) {
      const p = map.project(c.lngLat)
      const corners = [[-half, -half], [half, -half], [half, half], [-half, half]].map(([dx, dy]) => ({ x: p.x + dx!, y: p.y + dy! }))
      if ([p, ...corners].every(q => String(codeAt(q.x, q.y)) === c.code))
        return { code: c.code, corners: corners.map(q => ({ x: box.left + q.x, y: box.top + q.y })) }
    }
    return null
  }, { candidates, half })
  if (!hit)
    throw new Error('no township leaves room for the square outside the panels')
  return hit
}

/** One click at a page point, slower than a double click, so terra-draw and MapLibre see separate clicks. */
export async function clickAt(page: Page, p: { x: number, y: number }): Promise<void> {
  await page.mouse.move(p.x, p.y, { steps: 4 })
  await page.mouse.click(p.x, p.y)
  await page.waitForTimeout(350)
}
