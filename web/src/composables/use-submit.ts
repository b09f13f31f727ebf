import { ref } from 'vue'
import { ApiError } from '../api/client.ts'

/** The server's own words for a failed request; it says what was wrong with the input. */
export function serverMessage(err: unknown): string {
  return err instanceof ApiError ? err.message || err.code : String(err)
}

/**
 * A form's submit: `pending` while it runs, and the error it ended with, described by
 * `describe` (the server's message unless the form knows better).
 */
export function useSubmit(describe: (err: unknown) => string = serverMessage) {
  const pending = ref(false)
  const error = ref<string | null>(null)
  async function run(action: () => Promise<void>): Promise<void> {
    pending.value = true
    error.value = null
    try {
      await action()
    }
    catch (err) {
      error.value = describe(err)
    }
    finally {
      pending.value = false
    }
  }
  return { pending, error, run }
}
