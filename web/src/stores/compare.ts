import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { addToTray, moveInTray, removeFromTray, TRAY_MAX, TRAY_MIN } from '../logic/compare-tray.ts'
import { useViewStore } from './view.ts'

/**
 * The compare tray. Its regions live in the view (and so in the URL as `tray=`); this store adds
 * the edits, the compare mode in which a map click adds a region instead of drilling, and whether
 * the comparison sheet is folded away.
 */
export const useCompareStore = defineStore('compare', () => {
  const view = useViewStore()
  const mode = ref(false)
  const folded = ref(false)
  /** Names of regions seen in the tray, filled in as their boundaries load. */
  const names = ref<Record<string, string>>({})
  const codes = computed(() => view.view.tray ?? [])
  const full = computed(() => codes.value.length >= TRAY_MAX)
  const ready = computed(() => codes.value.length >= TRAY_MIN)
  const open = computed(() => ready.value && !folded.value)

  function set(next: string[]) {
    view.patch({ tray: next.length ? next : undefined })
    // Below two the sheet closes by itself; the next comparison opens unfolded.
    if (next.length < TRAY_MIN)
      folded.value = false
  }

  const has = (code: string) => codes.value.includes(code)
  const add = (code: string) => set(addToTray(codes.value, code))
  const remove = (code: string) => set(removeFromTray(codes.value, code))
  const move = (code: string, step: -1 | 1) => set(moveInTray(codes.value, code, step))
  /** A map click in compare mode: add the region, or take it out when it is in already. */
  const toggle = (code: string) => (has(code) ? remove(code) : add(code))
  function remember(code: string, name: string) {
    if (names.value[code] !== name)
      names.value = { ...names.value, [code]: name }
  }
  function clear() {
    set([])
    mode.value = false
  }

  return { mode, folded, names, codes, full, ready, open, has, add, remove, move, toggle, remember, clear }
})
