import { defineStore } from 'pinia'
import { ref } from 'vue'
import { ApiError } from '../api/client.ts'

export interface Toast { id: number, code: string, message: string }

/** Short-lived error notes; API failures land here instead of breaking the view. */
export const useToastStore = defineStore('toast', () => {
  const toasts = ref<Toast[]>([])
  let nextId = 1

  function dismiss(id: number) {
    toasts.value = toasts.value.filter(t => t.id !== id)
  }

  function push(code: string, message: string) {
    // Identical errors from parallel requests would otherwise stack up.
    if (toasts.value.some(t => t.code === code && t.message === message))
      return
    const id = nextId++
    toasts.value = [...toasts.value.slice(-3), { id, code, message }]
    setTimeout(() => dismiss(id), 8000)
  }

  function fromError(err: unknown) {
    if (err instanceof DOMException && err.name === 'AbortError')
      return
    if (err instanceof ApiError)
      push(err.code, err.message)
    else push('client', err instanceof Error ? err.message : String(err))
  }

  return { toasts, push, dismiss, fromError }
})
