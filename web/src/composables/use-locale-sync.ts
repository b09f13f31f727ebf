import { watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useViewStore } from '../stores/view.ts'

/** The language is part of the view (and the URL); every page follows it, not only the map. */
export function useLocaleSync() {
  const store = useViewStore()
  const { locale } = useI18n()
  watch(() => store.view.lang, (lang) => {
    locale.value = lang
    document.documentElement.lang = lang
  }, { immediate: true })
}
