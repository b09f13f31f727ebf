import type { NarrativeContext } from './narrative-context.ts'
import type { ReportSection } from './types.ts'

// 预警与建议: the warnings (H2) and supervision listings (H3) of the period, and what to do. This
// section writes no numbers: the warnings' evidence lives in the warning list, not in a table.

/** The text names at most this many warnings or listings; the lists in the report hold them all. */
const MAX_LISTED = 20
const severityName = { notice: { zh: '提示', en: 'notice' }, warning: { zh: '预警', en: 'warning' } }
const statusName = { open: { zh: '待处理', en: 'open' }, acknowledged: { zh: '已确认', en: 'acknowledged' }, closed: { zh: '已关闭', en: 'closed' } }

export function warningsSection(ctx: NarrativeContext): ReportSection {
  const { warnings, listings, region } = ctx.input
  const paragraphs = []

  const w = ctx.writer()
  if (warnings.length) {
    w.words(ctx.t('本期预警：', 'Warnings this period: '))
    warnings.slice(0, MAX_LISTED).forEach((x, i) => {
      w.words(i ? ctx.t('；', '; ') : '').words(ctx.t(
        `${x.regionName} ${x.indicatorName.zh}（${severityName[x.severity].zh}，${statusName[x.status].zh}）`,
        `${x.regionName} ${x.indicatorName.en} (${severityName[x.severity].en}, ${statusName[x.status].en})`,
      ))
    })
    if (warnings.length > MAX_LISTED)
      w.words(ctx.t('等', ' and more'))
    w.words(ctx.t('。证据数字见预警清单。', '. The evidence is in the warning list.'))
  }
  else {
    w.words(ctx.t('本期无预警。', 'No warnings this period.'))
  }
  paragraphs.push(w.done())

  const l = ctx.writer()
  if (listings.length) {
    l.words(ctx.t('挂牌督办：', 'Supervision listings: '))
    listings.slice(0, MAX_LISTED).forEach((x, i) => {
      const state = x.status === 'closed' ? ctx.t('已销号', 'closed off') : x.overdue ? ctx.t('已逾期，建议约谈', 'overdue: summon the unit') : ctx.t('整改中', 'being rectified')
      l.words(i ? ctx.t('；', '; ') : '').words(ctx.t(`${x.regionName}（${state}）`, `${x.regionName} (${state})`))
    })
    l.words(listings.length > MAX_LISTED ? ctx.t('等。', ' and more.') : ctx.t('。', '.'))
  }
  else {
    l.words(ctx.t('本期无挂牌督办事项。', 'No supervision listings this period.'))
  }
  paragraphs.push(l.done())

  // Recommendations follow from the significant changes for the worse and from open follow-ups.
  const worse = ctx.classes.filter(k => ctx.change(k.code).worsening && ctx.significant(ctx.change(k.code)))
  const r = ctx.writer().words(ctx.t('建议：', 'Recommendations: '))
  const advice: string[] = worse.map(k => ctx.t(
    `${k.department?.zh ?? ''}牵头核查${region.name}${k.name.zh}的不利变化，查明原因并落实管控`,
    `${k.department?.en ?? 'the responsible department'} to look into the change for the worse in ${k.name.en} in ${region.name}, find its causes and act on them`,
  ))
  if (warnings.some(x => x.status === 'open'))
    advice.push(ctx.t('对待处理预警逐条核实、确认并反馈', 'check, acknowledge and answer every open warning'))
  if (listings.some(x => x.overdue))
    advice.push(ctx.t('对逾期未销号的挂牌督办单位进行约谈', 'summon the units whose listings are overdue'))
  if (!advice.length)
    advice.push(ctx.t('保持常态监测，按月复核各项指标', 'keep monitoring and review the indicators monthly'))
  paragraphs.push(r.words(advice.join(ctx.t('；', '; '))).words(ctx.t('。', '.')).done())
  return { key: 'warnings', heading: ctx.t('五、预警与建议', 'Warnings and recommendations'), paragraphs }
}
