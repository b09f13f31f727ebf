import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { promisify } from 'node:util'
import { describe, it } from 'vitest'
import { inCI } from './ci.ts'

// Headless checks that an exported file opens in real office software: LibreOffice converts it to
// PDF, poppler's pdftoppm renders the pages, and the test looks at the pixels (and a person at the
// PNGs kept under tests/artifacts/). Shared by the XLSX (server) and DOCX (web) report tests.

const run = promisify(execFile)

function onPath(bin: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const full = path.join(dir, bin)
    if (dir && existsSync(full))
      return full
  }
  return null
}

export const sofficePath = process.env.SOFFICE_PATH ?? onPath('soffice')
export const pdftoppmPath = onPath('pdftoppm')
export const artifactsDir = path.resolve(import.meta.dirname, '../artifacts')

/**
 * `describe` for suites that need soffice and pdftoppm: skipped locally without them, a failure
 * under CI=true (.ci/run installs libreoffice and poppler-utils), as ci.ts does for Chromium.
 */
export function describeIfOffice(name: string, body: () => void): void {
  if (sofficePath && pdftoppmPath) {
    describe(name, body)
    return
  }
  const missing = `${sofficePath ? '' : 'soffice (libreoffice) '}${pdftoppmPath ? '' : 'pdftoppm (poppler-utils) '}not on PATH`
  if (inCI) {
    describe(name, () => {
      it('has its prerequisites', () => {
        throw new Error(`${missing} (CI=true turns a missing prerequisite into a failure)`)
      })
    })
    return
  }
  describe.skip(`${name} [skipped: ${missing}]`, body)
}

/**
 * Converts an office file to PDF with `soffice --headless --convert-to pdf` and returns the PDF's
 * path. Each call uses its own user profile, so parallel runs (and a desktop LibreOffice) do not
 * collide on the profile lock.
 */
export async function convertToPdf(input: string, outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true })
  const profile = path.join(outDir, `.lo-profile-${process.pid}-${Date.now()}`)
  try {
    await run(sofficePath!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, input], { timeout: 240_000 })
  }
  finally {
    rmSync(profile, { recursive: true, force: true })
  }
  const pdf = path.join(outDir, `${path.basename(input, path.extname(input))}.pdf`)
  if (!existsSync(pdf))
    throw new Error(`soffice wrote no PDF for ${input}`)
  return pdf
}

export interface RenderedPage {
  png: string
  /** PNG file size in bytes. */
  bytes: number
  width: number
  height: number
  /** Share of pixels darker than near-white (0–1): ink on the page. */
  ink: number
  /** Standard deviation of the grey levels (0–255): a blank page has about 0. */
  stdDev: number
}

/** Parses a binary PGM (P5) as pdftoppm -gray writes it. */
function readPgm(file: string): { width: number, height: number, pixels: Uint8Array } {
  const buf = readFileSync(file)
  const header: string[] = []
  let i = 0
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]!))) i++
    if (buf[i] === 0x23) {
      while (buf[i] !== 0x0A) i++
      continue
    }
    let token = ''
    while (!/\s/.test(String.fromCharCode(buf[i]!))) token += String.fromCharCode(buf[i++]!)
    header.push(token)
  }
  const [magic, w, h] = header
  if (magic !== 'P5')
    throw new Error(`${file} is not a binary PGM`)
  return { width: Number(w), height: Number(h), pixels: buf.subarray(i + 1, i + 1 + Number(w) * Number(h)) }
}

/**
 * Renders every page of a PDF with `pdftoppm -r <dpi> -png` into `<outDir>/<prefix>-N.png` (kept
 * as artifacts) and, for the pixel statistics, once more as greyscale PGM.
 */
export async function renderPdf(pdf: string, outDir: string, prefix: string, dpi = 60): Promise<RenderedPage[]> {
  mkdirSync(outDir, { recursive: true })
  // Pages of an earlier run with the same prefix would be counted as this one's.
  for (const f of readdirSync(outDir).filter(f => f.startsWith(`${prefix}-`) || f.startsWith(`.${prefix}-grey-`)))
    rmSync(path.join(outDir, f))
  await run(pdftoppmPath!, ['-r', String(dpi), '-png', pdf, path.join(outDir, prefix)], { timeout: 120_000 })
  const grey = path.join(outDir, `.${prefix}-grey`)
  await run(pdftoppmPath!, ['-r', String(dpi), '-gray', pdf, grey], { timeout: 120_000 })
  const pages = (dir: string, start: string, ext: string) => readdirSync(dir)
    .filter(f => f.startsWith(`${start}-`) && f.endsWith(ext))
    .sort((a, b) => Number(/-(\d+)\./.exec(a)![1]) - Number(/-(\d+)\./.exec(b)![1]))
  const pngs = pages(outDir, prefix, '.png')
  const pgms = pages(outDir, `.${prefix}-grey`, '.pgm')
  return pngs.map((png, k) => {
    const pgm = path.join(outDir, pgms[k]!)
    const { width, height, pixels } = readPgm(pgm)
    rmSync(pgm)
    let sum = 0
    let sq = 0
    let ink = 0
    for (const p of pixels) {
      sum += p
      sq += p * p
      if (p < 200)
        ink++
    }
    const mean = sum / pixels.length
    return {
      png: path.join(outDir, png),
      bytes: statSync(path.join(outDir, png)).size,
      width,
      height,
      ink: ink / pixels.length,
      stdDev: Math.sqrt(Math.max(0, sq / pixels.length - mean * mean)),
    }
  })
}
