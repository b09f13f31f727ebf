import type { DemoRegion } from './types.ts'

/**
 * Small hand-checkable stand-in regions: squares near the real places, with the real 大渡口
 * and 洮北区 codes the planted hot spots and surge refer to. One township has a hole and one
 * has two parts, to exercise the point-in-polygon sampler.
 */
function square(x0: number, y0: number, x1: number, y1: number): GeoJSON.Position[][] {
  return [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]
}

function township(code: string, population: number, ...polygons: GeoJSON.Position[][][]): DemoRegion {
  const parent = code.slice(0, 6)
  return { code, level: 'township', parent, population, geometry: { type: 'MultiPolygon', coordinates: polygons } }
}

const withHole = [...square(106.42, 29.42, 106.46, 29.46), [[106.43, 29.43], [106.43, 29.44], [106.44, 29.44], [106.44, 29.43], [106.43, 29.43]]]

export const fixtureRegions: DemoRegion[] = [
  township('500104001000', 45_000, square(106.42, 29.46, 106.46, 29.5)),
  township('500104002000', 80_000, square(106.46, 29.46, 106.5, 29.5)),
  township('500104003000', 55_000, square(106.5, 29.46, 106.52, 29.5), square(106.52, 29.48, 106.54, 29.5)),
  township('500104004000', 40_000, square(106.46, 29.42, 106.5, 29.46)),
  township('500104005000', 60_000, square(106.54, 29.46, 106.58, 29.5)),
  township('500104101000', 30_000, withHole),
  township('500104102000', 50_000, square(106.5, 29.42, 106.54, 29.46)),
  township('500104103000', 35_000, square(106.54, 29.42, 106.58, 29.46)),
  township('220802001000', 70_000, square(122.82, 45.6, 122.86, 45.64)),
  township('220802004000', 60_000, square(122.86, 45.6, 122.9, 45.64)),
  township('220802100000', 20_000, square(122.6, 45.4, 122.8, 45.6)),
  township('220802101000', 15_000, square(122.8, 45.4, 123.0, 45.6)),
  township('220821100000', 18_000, square(123.0, 45.6, 123.3, 45.9)),
  township('220822100000', 25_000, square(122.9, 44.6, 123.2, 44.9)),
]
