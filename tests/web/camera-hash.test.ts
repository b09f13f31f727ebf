import { describe, expect, it } from 'vitest'
import { formatCameraHash, parseCameraHash } from '../../web/src/logic/camera-hash.ts'

describe('camera hash', () => {
  it('parses #zoom/lat/lon', () => {
    expect(parseCameraHash('#10.5/29.48/106.48')).toEqual({ zoom: 10.5, lat: 29.48, lon: 106.48 })
  })
  it('round-trips to within the written precision', () => {
    const cam = { zoom: 11.234567, lat: 29.4812345, lon: 106.4812345 }
    const back = parseCameraHash(formatCameraHash(cam))!
    expect(back.zoom).toBeCloseTo(cam.zoom, 2)
    expect(back.lat).toBeCloseTo(cam.lat, 4)
    expect(back.lon).toBeCloseTo(cam.lon, 4)
  })
  it('rejects malformed and out-of-range hashes', () => {
    for (const bad of ['', '#', '#10/20', '#a/b/c', '#10/95/100', '#10/20/190', '#30/20/100', '#10//100', '#10/20/100/5'])
      expect(parseCameraHash(bad)).toBeNull()
  })
})
