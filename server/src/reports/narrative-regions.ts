import type { NarrativeContext } from './narrative-context.ts'
import type { ReportSection } from './types.ts'
import { subTableId } from './sub-tables.ts'
import { SUMMARY_ID } from './summary-table.ts'

// 区域 and 显著变化: the child regions compared, and only the changes the Poisson test flags.

export function regionsSection(ctx: NarrativeContext): ReportSection {
  const { region, children, focus } = ctx.input
  const heading = ctx.t('三、区域', 'Regions')
  if (!children.length) {
    const w = ctx.writer().words(ctx.t(`${region.name}为乡镇（街道），无下级区域可比较。`, `${region.name} is a township: it has no child regions to compare.`))
    return { key: 'regions', heading, paragraphs: [w.done()] }
  }
  const level = region.level === 'city' ? ctx.t('区县', 'districts and counties') : ctx.t('乡镇（街道）', 'townships')
  const value = (row: string, child: string) => ctx.input.summary.rows.find(r => r.key === row)!.cells[child] as number
  const ranked = (row: string) => [...children].sort((a, b) => value(row, b.code) - value(row, a.code) || a.code.localeCompare(b.code))

  const order = ranked(focus)
  const top = order[0]!
  const bottom = order[order.length - 1]!
  const lead = ctx.writer().words(ctx.t(`各${level}中，${ctx.label(focus)}最高的是${top.name}（`, `Among the ${level}, ${ctx.label(focus)} is highest in ${top.name} (`)).cell(SUMMARY_ID, focus, top.code)
  if (bottom.code !== top.code)
    lead.words(ctx.t(`），最低的是${bottom.name}（`, `) and lowest in ${bottom.name} (`)).cell(SUMMARY_ID, focus, bottom.code)
  const paragraphs = [lead.words(ctx.t('）。', ').')).done()]

  const parts = focus === 'all' ? ctx.categories : ctx.classes.length > 1 ? ctx.classes : []
  if (parts.length) {
    const w = ctx.writer().words(ctx.t('分项最高：', 'Highest by part: '))
    parts.forEach((n, i) => {
      const first = ranked(n.code)[0]!
      w.words(i ? ctx.t('；', '; ') : '').words(ctx.t(`${ctx.name(n.name)}为${first.name}（`, `${ctx.name(n.name)}, ${first.name} (`)).cell(SUMMARY_ID, n.code, first.code).words(ctx.t('）', ')'))
    })
    paragraphs.push(w.words(ctx.t('。', '.')).done())
  }
  return { key: 'regions', heading, paragraphs }
}

export function changesSection(ctx: NarrativeContext): ReportSection {
  const { region, summary, classFigures, period } = ctx.input
  const { focus } = ctx.input
  const focusRows = summary.rows.map(r => r.key).filter(code => focus === 'all' || code === focus || ctx.classes.some(k => k.code === code))
  const flagWord = (flag: string) => flag === 'warning' ? ctx.t('高度显著', 'highly significant') : ctx.t('显著', 'significant')
  const paragraphs = []

  const own = focusRows.filter(code => ctx.significant(ctx.change(code)))
  if (own.length) {
    const w = ctx.writer().words(ctx.t(`${region.name}：`, `${region.name}: `))
    own.forEach((code, i) => {
      const c = ctx.change(code)
      w.words(i ? ctx.t('；', '; ') : '').words(ctx.t(`${ctx.label(code)}较${ctx.base} `, `${ctx.label(code)} `)).cell(SUMMARY_ID, code, 'change')
      if (w.has(SUMMARY_ID, code, 'changePct'))
        w.words(ctx.t('（', ' (')).cell(SUMMARY_ID, code, 'changePct').words(ctx.t('）', ')'))
      w.words(ctx.t('，z = ', ctx.lang === 'en' ? ` against ${ctx.base}, z = ` : '')).cell(SUMMARY_ID, code, 'z').words(ctx.t('，', ', ')).words(flagWord(c.flag))
      if (c.worsening)
        w.words(ctx.t('，为不利变化', ', a change for the worse'))
    })
    paragraphs.push(w.words(ctx.t('。', '.')).done())
  }

  // Child regions, per class, strongest first.
  const hits = ctx.classes.flatMap(cls => ctx.input.children.map((child) => {
    const cell = classFigures.get(cls.code)!.regions.find(r => r.code === child.code)!.cells[cls.code]!
    return { cls, child, c: period.baseline === 'mom' ? cell.mom : cell.yoy }
  })).filter(h => ctx.significant(h.c)).sort((a, b) => Math.abs(b.c.z!) - Math.abs(a.c.z!)).slice(0, 12)
  if (hits.length) {
    const w = ctx.writer().words(ctx.t('下级区域：', 'Child regions: '))
    hits.forEach(({ cls, child, c }, i) => {
      w.words(i ? ctx.t('；', '; ') : '').words(`${child.name} ${ctx.name(cls.name)} `).cell(subTableId(cls.code), child.code, 'change').words(ctx.t('，z = ', ', z = ')).cell(subTableId(cls.code), child.code, 'z').words(ctx.t('，', ', ')).words(flagWord(c.flag))
    })
    paragraphs.push(w.words(ctx.t('。', '.')).done())
  }
  if (!paragraphs.length)
    paragraphs.push(ctx.writer().words(ctx.t(`${ctx.spoken}与${ctx.base}相比无统计显著的变化。`, `No statistically significant change against ${ctx.base}.`)).done())
  return { key: 'changes', heading: ctx.t('四、显著变化', 'Significant changes'), paragraphs }
}
