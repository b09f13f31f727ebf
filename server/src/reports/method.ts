import type { PeriodComparison } from './figures.ts'
import type { ReportPeriod } from './period.ts'

/** The report's method card: the comparison's own notes plus what the report adds. */
export function reportMethod(compare: PeriodComparison['method'], period: ReportPeriod, synthetic: boolean): Record<string, string> {
  return {
    value: compare.value,
    per10k: compare.per10k,
    change: compare.change,
    baseline: period.unit === 'month'
      ? 'Monthly and special monthly reports compare with the previous month (环比, MoM).'
      : 'Quarterly and special quarterly reports sum the quarter\'s three months and compare with the same quarter a year earlier (同比, YoY); a quarter counts as having data only when all its months lie inside the data.',
    share: 'Share: a category of the total, a class of its category, a sub-class of its class (sub-tables\' share row), in percent of the current period.',
    causes: 'Causes: for each class that changed, the (at most two) sub-classes whose change in the same direction was largest; sub-class changes add up to the class change.',
    significance: `The narrative lists only changes flagged |z| ≥ 2 whose C + P is at least ${compare.minTotal} (below that no exact test of two Poisson counts calls a change significant); the tables show every flag.`,
    narrative: 'Every number in the written report is a table cell, formatted as the table formats it; each paragraph lists them in refs (table, row, column).',
    data: synthetic ? 'Synthetic demo data (合成演示数据): the figures illustrate the method and describe no real place.' : 'Imported data.',
  }
}
