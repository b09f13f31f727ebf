import type { LocalName } from '../api/client.ts'
import { useI18n } from 'vue-i18n'

/** Pick the zh or en half of a catalogue name for the current locale. */
export function useLocalName() {
  const { locale } = useI18n()
  return (name: LocalName | undefined) => name ? (locale.value === 'en' ? name.en : name.zh) : ''
}
