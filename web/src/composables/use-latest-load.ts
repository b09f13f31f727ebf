import { useToastStore } from '../stores/toast.ts'

/**
 * Loads where only the latest counts: a new load (or `cancel`) aborts the one before, an aborted
 * load raises no toast, and `loading` is cleared only by the load that is still the latest.
 */
export function useLatestLoad(store: { loading: boolean }) {
  const toast = useToastStore()
  let abort: AbortController | null = null
  return {
    cancel: () => abort?.abort(),
    async run<T>(load: (signal: AbortSignal) => Promise<T>, apply: (data: T) => void): Promise<void> {
      abort?.abort()
      const ctl = abort = new AbortController()
      store.loading = true
      try {
        apply(await load(ctl.signal))
      }
      catch (err) {
        if (!ctl.signal.aborted)
          toast.fromError(err)
      }
      finally {
        if (abort === ctl)
          store.loading = false
      }
    },
  }
}
