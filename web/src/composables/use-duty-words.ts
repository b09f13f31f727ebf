import type { DutyWindow } from '../logic/duty-windows.ts'
import { useI18n } from 'vue-i18n'
import { describeWindow, WEEKDAYS } from '../logic/duty-windows.ts'

/** An i18n prefix holding `dayNames`, `everyDay`, `through`, `nextDay`, `separator` and `pair`. */
export type DutyWordsKeys = 'units.duty' | 'patrol.shifts'

/** Windows in the current language: `周一至周五 08:00–18:00`, `每天 22:00–次日06:00`. */
export function useDutyWords(keys: DutyWordsKeys) {
  const { t } = useI18n()
  function describe(w: DutyWindow): string {
    return describeWindow(w, {
      dayNames: WEEKDAYS.map(d => t(`${keys}.dayNames.${d}`)),
      everyDay: t(`${keys}.everyDay`),
      through: t(`${keys}.through`),
      nextDay: t(`${keys}.nextDay`),
      separator: t(`${keys}.separator`),
      pair: t(`${keys}.pair`),
    })
  }
  return { describe }
}
