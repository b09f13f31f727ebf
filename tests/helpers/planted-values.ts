import type { TestContext } from './server-app.ts'
import { expect } from 'vitest'

/** region → indicator (sub-class) code → month → value: monthly counts planted by a test. */
export type PlantedValues = Record<string, Record<string, Record<string, number>>>

/** Import the planted values through POST /api/import/values as one CSV under `source`. */
export async function importPlanted(ctx: TestContext, planted: PlantedValues, source: string): Promise<void> {
  const lines = ['region,indicator,month,value']
  for (const [region, subs] of Object.entries(planted)) {
    for (const [code, months] of Object.entries(subs)) {
      for (const [month, value] of Object.entries(months))
        lines.push(`${region},${code},${month},${value}`)
    }
  }
  const res = await ctx.post(`/api/import/values?source=${encodeURIComponent(source)}`, lines.join('\n'))
  expect(res.status, JSON.stringify(res.body)).toBe(201)
}
