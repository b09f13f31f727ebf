import type { DutyWindow } from '../api/units-api.ts'
import { useI18n } from 'vue-i18n'
import { describeWindow, WEEKDAYS } from '../logic/units-duty.ts'

/** Duty windows in the current language: `周一至周五 08:00–18:00`, or around the clock for none. */
export function useUnitsDutyWords() {
  const { t } = useI18n()
  function describe(windows: readonly DutyWindow[]): string[] {
    if (!windows.length)
      return [t('units.duty.aroundTheClock')]
    const words = {
      dayNames: WEEKDAYS.map(d => t(`units.duty.dayNames.${d}`)),
      everyDay: t('units.duty.everyDay'),
      through: t('units.duty.through'),
      nextDay: t('units.duty.nextDay'),
      separator: t('units.duty.separator'),
    }
    return windows.map(w => describeWindow(w, words))
  }
  return { describe }
}
