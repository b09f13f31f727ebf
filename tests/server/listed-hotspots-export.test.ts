import type { LonLat } from '../helpers/listed-fixture.ts'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { roomyPointIn } from '../helpers/listed-fixture.ts'
import { regions } from '../helpers/scope-fixture.ts'
import { useTestApp } from '../helpers/server-app.ts'

const ctx = useTestApp()
let p: LonLat

const hostileNames = ['=HYPERLINK("http://evil","x")', '+1+1', '-2', '@SUM(A1:A2)', '"quoted", with comma', 'two\nlines', '洮北区 🚨 夜市', '\'; DROP TABLE event;--']

async function fetchBytes(path: string) {
  const res = await ctx.app.request(`/api/listed-hotspots${path}`, { headers: { authorization: `Bearer ${ctx.adminToken}` } })
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) }
}

async function csvRows(query = ''): Promise<string[][]> {
  const { res, bytes } = await fetchBytes(`/export.csv${query}`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/)
  expect([...bytes.slice(0, 3)]).toEqual([0xEF, 0xBB, 0xBF])
  return parse(new TextDecoder().decode(bytes), { bom: true, relax_column_count: false })
}

async function xlsxRows(query = ''): Promise<string[][]> {
  const { res, bytes } = await fetchBytes(`/export.xlsx${query}`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes.buffer as ArrayBuffer)
  const ws = wb.worksheets[0]!
  const out: string[][] = []
  ws.eachRow((row) => {
    const cells = Array.from({ length: ws.columnCount }, (_, k) => row.getCell(k + 1).value)
    out.push(cells.map(v => v === null || v === undefined ? '' : String(v)))
  })
  return out
}

beforeAll(async () => {
  p = await roomyPointIn(ctx.t.db, regions.township, 100)
  for (const [k, name] of hostileNames.entries()) {
    const res = await ctx.post('/api/listed-hotspots', JSON.stringify({
      name,
      indicators: k % 2 ? ['A2-03', 'A2-01'] : ['A2-03'],
      responsibleUnit: k % 2 ? '=责任单位' : '洮北区公安分局',
      listedOn: '2025-06-01',
      deadline: k < 4 ? '2025-07-01' : '2099-07-01',
      measures: k === 0 ? '' : `措施 ${k}`,
      attachments: k === 1 ? [{ title: '方案', url: 'https://example.org/a?x=1&y=2' }] : [],
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    }), 'application/json')
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  }
})

describe('exports', () => {
  it('the CSV and the XLSX hold the same rows, headers first', async () => {
    const csv = await csvRows()
    const xlsx = await xlsxRows()
    expect(csv.length).toBe(hostileNames.length + 1)
    expect(xlsx).toEqual(csv)
    expect(csv[0]![0]).toBe('编号 ID')
  })

  it('neutralises formula-looking text and keeps everything else verbatim', async () => {
    const csv = await csvRows()
    const names = csv.slice(1).map(r => r[1])
    expect(names).toEqual(expect.arrayContaining(['\'=HYPERLINK("http://evil","x")', '\'+1+1', '\'-2', '\'@SUM(A1:A2)', '"quoted", with comma', 'two\nlines', '洮北区 🚨 夜市', '\'; DROP TABLE event;--']))
    expect(csv.slice(1).filter(r => r[4] === '\'=责任单位')).toHaveLength(4)
    const withLink = csv.find(r => r[1] === '\'+1+1')!
    expect(withLink[9]).toBe('方案 <https://example.org/a?x=1&y=2>')
    expect(withLink[7]).toBe('A2-03; A2-01')
  })

  it('applies the list filters, and flags overdue rows', async () => {
    const overdue = await csvRows('?overdue=true')
    expect(overdue.slice(1).map(r => r[3])).toEqual(['是 yes', '是 yes', '是 yes', '是 yes'])
    const xlsx = await xlsxRows('?overdue=false&unit=公安')
    expect(xlsx.slice(1).map(r => r[1])).toEqual(['"quoted", with comma', '洮北区 🚨 夜市'])
    expect((await csvRows('?status=delisted')).length).toBe(1)
  })

  it('names the files in Content-Disposition, ASCII and UTF-8', async () => {
    for (const ext of ['csv', 'xlsx']) {
      const { res } = await fetchBytes(`/export.${ext}`)
      const header = res.headers.get('content-disposition')!
      expect(header).toMatch(new RegExp(`^attachment; filename="listed-hotspots-\\d{4}-\\d{2}-\\d{2}\\.${ext}"; filename\\*=UTF-8''`))
      expect(decodeURIComponent(header.split('\'\'')[1]!)).toMatch(new RegExp(`^挂牌整治-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`))
    }
  })

  it('refuses bad filters with 400', async () => {
    for (const q of ['?status=nope', '?overdue=1', `?unit=${'x'.repeat(201)}`])
      expect((await fetchBytes(`/export.csv${q}`)).res.status).toBe(400)
  })
})
