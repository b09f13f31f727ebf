import type { NarrativeContext } from './narrative-context.ts'
import type { ReportSection } from './types.ts'
import { ANALYSIS_ROWS, subTableId } from './sub-tables.ts'
import { SUMMARY_ID } from './summary-table.ts'

// 总量 and 结构: the sections written from the summary table and the sub-tables' analysis rows.

/** "… 较上月 +12（+25.0%）" from a summary row, or a note that the baseline has no data. */
function changeClause(ctx: NarrativeContext, w: ReturnType<NarrativeContext['writer']>, row: string) {
  if (!w.has(SUMMARY_ID, row, 'change'))
    return w.words(ctx.t(`，${ctx.base}无可比数据`, `; no data for ${ctx.base}`))
  w.words(ctx.t(`，较${ctx.base} `, `, `)).cell(SUMMARY_ID, row, 'change')
  if (w.has(SUMMARY_ID, row, 'changePct'))
    w.words(ctx.t('（', ' (')).cell(SUMMARY_ID, row, 'changePct').words(ctx.t('）', ')'))
  return ctx.lang === 'en' ? w.words(` against ${ctx.base}`) : w
}

export function totalSection(ctx: NarrativeContext): ReportSection {
  const { focus, region } = ctx.input
  const lead = ctx.writer()
    .words(ctx.t(`${region.name}${ctx.spoken}${ctx.label(focus)} `, `${region.name}, ${ctx.label(focus)} ${ctx.spoken}: `))
    .cell(SUMMARY_ID, focus, 'value')
  if (lead.has(SUMMARY_ID, focus, 'per10k'))
    lead.words(ctx.t('，每万人 ', ', ')).cell(SUMMARY_ID, focus, 'per10k').words(ctx.t('', ' per ten thousand residents'))
  changeClause(ctx, lead, focus).words(ctx.t('。', '.'))

  const parts = focus === 'all' ? ctx.categories : ctx.classes.length > 1 ? ctx.classes : []
  const items = ctx.writer()
  parts.forEach((n, i) => {
    items.words(i ? ctx.t('；', '; ') : '').words(ctx.t(`${ctx.name(n.name)} `, `${ctx.name(n.name)} `)).cell(SUMMARY_ID, n.code, 'value')
    if (items.has(SUMMARY_ID, n.code, 'share'))
      items.words(ctx.t('，占 ', ', ')).cell(SUMMARY_ID, n.code, 'share').words(ctx.t('', ' of the whole'))
    changeClause(ctx, items, n.code)
  })
  const paragraphs = [lead.done()]
  if (parts.length)
    paragraphs.push(items.words(ctx.t('。', '.')).done())
  return { key: 'total', heading: ctx.t('一、总量', 'Total'), paragraphs }
}

export function structureSection(ctx: NarrativeContext): ReportSection {
  const region = ctx.input.region.code
  const paragraphs = []
  for (const cat of ctx.categories) {
    const w = ctx.writer().words(ctx.t(`${ctx.name(cat.name)}中，`, `Within ${ctx.name(cat.name)}: `))
    const classes = (cat.children ?? []).filter(k => ctx.classes.includes(k) && w.has(SUMMARY_ID, k.code, 'share'))
    if (!classes.length) {
      paragraphs.push(w.words(ctx.t(`${ctx.spoken}无记录。`, `nothing recorded ${ctx.spoken}.`)).done())
      continue
    }
    classes.forEach((k, i) => {
      w.words(i ? ctx.t('，', ', ') : '').words(`${ctx.name(k.name)} `).cell(SUMMARY_ID, k.code, 'share')
    })
    paragraphs.push(w.words(ctx.t('。', '.')).done())
  }

  // The largest sub-class of each class: "电信诈骗 占 刑事案件 的 68.0%".
  const shares = ctx.writer().words(ctx.t('各大类中占比最高的小类：', 'The largest sub-class of each class: '))
  let any = false
  for (const cls of ctx.classes) {
    const id = subTableId(cls.code)
    const table = ctx.tables.get(id)!
    const row = table.rows.find(r => r.key === region)!
    const top = (cls.children ?? []).filter(s => shares.has(id, ANALYSIS_ROWS.share, s.code)).sort((a, b) => (row.cells[b.code] as number) - (row.cells[a.code] as number))[0]
    if (!top)
      continue
    shares.words(any ? ctx.t('；', '; ') : '').words(ctx.t(`${ctx.name(top.name)} 占 ${ctx.name(cls.name)} 的 `, `${ctx.name(top.name)} is `)).cell(id, ANALYSIS_ROWS.share, top.code).words(ctx.t('（', ` of ${ctx.name(cls.name)} (`)).cell(id, region, top.code).words(ctx.t('）', ')'))
    any = true
  }
  if (any)
    paragraphs.push(shares.words(ctx.t('。', '.')).done())

  // Causes: the sub-classes that moved most in the direction of their class's change.
  const causes = ctx.writer().words(ctx.t('变化构成：', 'What drove the changes: '))
  let moved = false
  for (const cls of ctx.classes) {
    const id = subTableId(cls.code)
    const change = ctx.change(cls.code).change
    if (!change)
      continue
    const table = ctx.tables.get(id)!
    const deltas = table.rows.find(r => r.key === ANALYSIS_ROWS.change)!.cells
    const drivers = (cls.children ?? [])
      .filter(s => Math.sign((deltas[s.code] as number | null) ?? 0) === Math.sign(change))
      .sort((a, b) => Math.abs(deltas[b.code] as number) - Math.abs(deltas[a.code] as number))
      .slice(0, 2)
    causes.words(moved ? ctx.t('；', '; ') : '').words(`${ctx.name(cls.name)} `).cell(SUMMARY_ID, cls.code, 'change').words(ctx.t('，主要来自', ', mainly '))
    drivers.forEach((s, i) => {
      causes.words(i ? ctx.t('、', ' and ') : '').words(`${ctx.name(s.name)} `).cell(id, ANALYSIS_ROWS.change, s.code)
    })
    moved = true
  }
  paragraphs.push(moved
    ? causes.words(ctx.t('。', '.')).done()
    : ctx.writer().words(ctx.t(`各大类与${ctx.base}持平或无可比数据。`, `Every class is level with ${ctx.base} or has no data to compare.`)).done())
  return { key: 'structure', heading: ctx.t('二、结构', 'Structure'), paragraphs }
}
