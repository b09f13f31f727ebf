import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { findIndicator } from '../logic/indicator-tree.ts'
import { useMetaStore } from '../stores/meta.ts'
import { useWallStore } from '../stores/wall.ts'
import { useLocalName } from './use-local-name.ts'

/** Names for what the current scene shows: the indicator, and the scene title (given or composed). */
export function useWallNames() {
  const wall = useWallStore()
  const meta = useMetaStore()
  const { t, locale } = useI18n()
  const localName = useLocalName()

  function nameOf(code: string) {
    if (code === 'all')
      return t('indicator.all')
    return localName(findIndicator(meta.indicators, code)?.name) || code
  }
  const indicatorName = computed(() => nameOf(wall.scene?.indicator ?? 'all'))
  /** The indicator of the top-N and trend on show, which lag a scene change by one fetch. */
  const panelIndicatorName = computed(() => wall.panelIndicator ? nameOf(wall.panelIndicator) : '')

  const sceneTitle = computed(() => {
    const scene = wall.scene
    if (!scene)
      return ''
    if (scene.title)
      return locale.value === 'en' ? scene.title.en || scene.title.zh : scene.title.zh
    const layer = scene.kind === 'tour' ? t('wall.tour') : t(`wall.layer.${scene.layer}`)
    return `${indicatorName.value} · ${layer} · ${t(`wall.period.${scene.period.months}`)}`
  })

  return { indicatorName, panelIndicatorName, sceneTitle }
}
