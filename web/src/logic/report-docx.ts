import type { Report, ReportTable } from '../api/reports-api.ts'
import type { ReportLang } from './report-format.ts'
import { AlignmentType, BorderStyle, Document, HeadingLevel, ImageRun, Packer, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx'
import { formatDateTime } from './format.ts'
import { classBlocks, evidenceText, listingStatusText, reportTableDensity, reportTitle, reportWords } from './report-doc-text.ts'
import { flagText } from './report-flags.ts'
import { cellFormat, formatReportCell, isNumericKind, pick } from './report-format.ts'

/*
 * The report as a Word document, built in the browser from the same JSON as the page and the
 * charts the page drew. This module pulls in `docx`; it is imported dynamically (use-report-export)
 * so the map bundle does not carry it.
 */

const FONT = { ascii: 'Noto Sans CJK SC', hAnsi: 'Noto Sans CJK SC', eastAsia: 'Noto Sans CJK SC', cs: 'Noto Sans CJK SC' }
// A4 with 1.8 cm margins: 11906 − 2 × 1020 twips of text width.
const PAGE = { width: 11906, height: 16838, margin: 1020 }
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin
/** Chart images at the page's text width (pixels at 96 dpi), in the page's 170 × 64 mm proportion. */
const CHART = { width: 640, height: 241 }
const FONT_SIZE = { '': 16, 'compact': 14, 'dense': 11 } as const // half-points: 8, 7, 5.5 pt
const RULE = { style: BorderStyle.SINGLE, size: 4, color: 'A0A0A0' }

interface WordColumn { header: string, numeric: boolean, weight: number }

function wordTable(columns: WordColumn[], rows: Array<{ cells: string[], bold?: boolean, indent?: number }>, size: number): Table {
  const total = columns.reduce((s, c) => s + c.weight, 0)
  const widths = columns.map(c => Math.floor(TEXT_WIDTH * c.weight / total))
  const cell = (text: string, i: number, opts: { header?: boolean, bold?: boolean, indent?: number }) => new TableCell({
    width: { size: widths[i]!, type: WidthType.DXA },
    margins: { top: 30, bottom: 30, left: size < 14 ? 20 : 60, right: size < 14 ? 20 : 60 },
    shading: opts.header ? { type: ShadingType.CLEAR, fill: 'EEF1F5', color: 'auto' } : undefined,
    children: [new Paragraph({
      alignment: opts.header ? AlignmentType.CENTER : columns[i]!.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
      spacing: { before: 0, after: 0 },
      run: { size },
      // Depth as leading ideographic spaces: an indent made LibreOffice double the rows' height.
      children: [new TextRun({ text: '\u3000'.repeat(opts.indent ?? 0) + text, size, bold: opts.header || opts.bold })],
    })],
  })
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c, i) => cell(c.header, i, { header: true })) }),
      ...rows.map(r => new TableRow({ cantSplit: true, children: r.cells.map((text, i) => cell(text, i, { bold: r.bold, indent: i === 0 ? r.indent : 0 })) })),
    ],
  })
}

function reportTable(table: ReportTable, lang: ReportLang): Table {
  const size = FONT_SIZE[reportTableDensity(table.columns.length)]
  const columns: WordColumn[] = [
    { header: '', numeric: false, weight: 2.4 },
    ...table.columns.map(c => ({ header: pick(c, lang), numeric: isNumericKind(c.kind), weight: c.kind === 'text' ? 2 : 1 })),
  ]
  return wordTable(columns, table.rows.map(r => ({
    bold: r.depth === 0,
    indent: r.depth,
    cells: [pick(r.label, lang), ...table.columns.map(c => cellFormat(r, c).kind === 'flag' ? flagText(r.cells[c.key] ?? null, lang) : formatReportCell(r.cells[c.key], cellFormat(r, c)))],
  })), size)
}

function heading(text: string, level: 1 | 2 | 3, pageBreakBefore = false) {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    pageBreakBefore,
    keepNext: true,
    children: [new TextRun({ text })],
  })
}
const caption = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text, bold: true, size: 18 })] })
const body = (text: string) => new Paragraph({ indent: { firstLine: 420 }, spacing: { after: 100, line: 340 }, children: [new TextRun({ text })] })
const note = (text: string) => new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text, size: 16, color: '666666' })] })

/** The DOCX of `report` in `lang`; `charts` maps a chart id to its PNG data URL. */
export async function buildReportDocx(report: Report, lang: ReportLang, charts: ReadonlyMap<string, string>): Promise<Blob> {
  const w = reportWords(lang)
  const fill = (text: string, n: number) => text.replace('{n}', String(n))
  const sections = report.narrative[lang].length ? report.narrative[lang] : report.narrative.zh
  const children: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: reportTitle(report, lang) })] }),
  ]
  if (report.synthetic) {
    children.push(new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { top: { ...RULE, color: 'D9822B', size: 12 }, bottom: { ...RULE, color: 'D9822B', size: 12 }, left: { ...RULE, color: 'D9822B', size: 12 }, right: { ...RULE, color: 'D9822B', size: 12 } },
      spacing: { after: 200 },
      children: [new TextRun({ text: w.doc_.synthetic, bold: true, color: '9A4B00' })],
    }))
  }
  const facts: Array<[string, string]> = [
    [w.doc_.region, `${report.region.name}（${report.region.code}）`],
    [w.doc_.period, `${pick(report.period.label, lang)}（${report.period.from} – ${report.period.to}）`],
    [w.doc_.baseline, pick(report.period.baseline, lang)],
    [w.doc_.generatedAt, formatDateTime(report.generatedAt, lang === 'en' ? 'en' : 'zh-CN')],
  ]
  for (const [k, v] of facts)
    children.push(new Paragraph({ children: [new TextRun({ text: `${k}：`, color: '666666', size: 19 }), new TextRun({ text: v, size: 19 })] }))

  children.push(heading(w.doc_.narrative, 1))
  for (const s of sections) {
    children.push(heading(s.heading, 2))
    for (const p of s.paragraphs)
      children.push(body(p.text))
  }

  children.push(heading(w.doc_.summary, 1, true), caption(`${fill(w.doc_.table, 1)} ${pick(report.summary.title, lang)}`), reportTable(report.summary, lang))
  children.push(...report.summary.notes.map(n => note(pick(n, lang))))

  children.push(heading(w.doc_.classes, 1, true))
  classBlocks(report).forEach((b, i) => {
    if (b.table) {
      children.push(caption(`${fill(w.doc_.table, i + 2)} ${pick(b.table.title, lang)}`), reportTable(b.table, lang))
      children.push(...b.table.notes.map(n => note(pick(n, lang))))
    }
    const png = b.chart ? charts.get(b.chart.id) : undefined
    if (b.chart && png) {
      children.push(new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 160 },
        children: [new ImageRun({ type: 'png', data: png, transformation: CHART, altText: { name: b.chart.id, title: pick(b.chart.title, lang), description: pick(b.chart.title, lang) } })],
      }))
      children.push(caption(`${fill(w.doc_.figure, i + 1)} ${pick(b.chart.title, lang)}`))
    }
  })

  children.push(heading(w.doc_.warnings, 1, true))
  if (report.warnings.length) {
    const ww = w.warning
    children.push(wordTable(
      [ww.severity, ww.region, ww.indicator, ww.period, ww.message, ww.evidence, ww.status].map((header, i) => ({ header, numeric: false, weight: [1, 1.4, 1.6, 1.1, 3, 2.2, 1][i]! })),
      report.warnings.map(x => ({ cells: [ww[x.severity], x.regionName, pick(x.indicatorName, lang), x.period, pick(x.message, lang), evidenceText(x.evidence), ww[x.status]] })),
      15,
    ))
  }
  else {
    children.push(body(w.doc_.noWarnings))
  }

  children.push(heading(w.doc_.listings, 1))
  if (report.listings.length) {
    const lw = w.listing
    children.push(wordTable(
      [lw.region, lw.reason, lw.unit, lw.plan, lw.listedAt, lw.deadline, lw.status, lw.note].map((header, i) => ({ header, numeric: false, weight: [1.3, 2, 1.4, 2, 1.2, 1.2, 1.3, 2][i]! })),
      report.listings.map(x => ({ cells: [x.regionName, x.reason, x.unit, x.plan, x.listedAt, x.deadline, listingStatusText(x, lang), x.latestNote ?? ''] })),
      15,
    ))
  }
  else {
    children.push(body(w.doc_.noListings))
  }

  const method = Object.values(report.method)
  if (method.length)
    children.push(heading(w.doc_.method, 1), ...method.map(note))

  const doc = new Document({
    title: reportTitle(report, lang),
    creator: 'Riskmap',
    styles: {
      default: {
        document: { run: { font: FONT, size: 21 } },
        title: { run: { font: FONT, size: 36, bold: true } },
        heading1: { run: { font: FONT, size: 28, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: { font: FONT, size: 23, bold: true }, paragraph: { spacing: { before: 160, after: 60 } } },
      },
    },
    sections: [{
      properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
      children,
    }],
  })
  return Packer.toBlob(doc)
}
