import type { ReportCell } from '../api/reports-api.ts'
import type { ReportLang } from './report-format.ts'
import en from '../i18n/reports-en.ts'
import zh from '../i18n/reports-zh-CN.ts'

/**
 * A z-flag cell as words, in the report's own language (which may differ from the UI's): the
 * server sends 'none' | 'notice' (|z| ≥ 2) | 'warning' (|z| ≥ 3); anything else is shown as sent.
 */
export function flagText(value: ReportCell, lang: ReportLang): string {
  if (value === null || value === undefined)
    return ''
  const words = (lang === 'en' ? en : zh).flag
  return typeof value === 'string' && value in words ? words[value as keyof typeof words] : String(value)
}
