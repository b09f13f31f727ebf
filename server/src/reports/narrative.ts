import type { NarrativeInput } from './narrative-context.ts'
import type { ReportSection } from './types.ts'
import { NarrativeContext } from './narrative-context.ts'
import { structureSection, totalSection } from './narrative-figures.ts'
import { warningsSection } from './narrative-follow-up.ts'
import { changesSection, regionsSection } from './narrative-regions.ts'

export type { NarrativeInput }

/** 1 份体检报告 in Chinese and English: total, structure, regions, significant changes, warnings. */
export function writeNarrative(input: NarrativeInput): { zh: ReportSection[], en: ReportSection[] } {
  const write = (ctx: NarrativeContext) => [totalSection(ctx), structureSection(ctx), regionsSection(ctx), changesSection(ctx), warningsSection(ctx)]
  return { zh: write(new NarrativeContext(input, 'zh')), en: write(new NarrativeContext(input, 'en')) }
}
