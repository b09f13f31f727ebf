import type { Reply } from './http-client.ts'

// Stack frames, module paths and PostgreSQL error text that must never reach a client.
const leaks = /at \w+ \(|node_modules|pg_|syntax error|relation "|ERROR:/

/**
 * What is wrong with an error reply, as a list (empty when it is a clean 4xx): the status, the
 * `{ error: { code, message } }` shape, and leaks of stacks, database errors or connection strings.
 */
export function errorReplyProblems(res: Reply, secrets: string[]): string[] {
  const problems: string[] = []
  if (res.status < 400 || res.status >= 500)
    problems.push(`status ${res.status}`)
  const e = res.body?.error
  if (typeof e?.code !== 'string' || typeof e?.message !== 'string')
    problems.push(`not the error shape: ${res.text.slice(0, 120)}`)
  const leak = leaks.exec(res.text)
  if (leak)
    problems.push(`leaks "${leak[0]}": …${res.text.slice(Math.max(0, leak.index - 60), leak.index + 60)}…`)
  for (const s of secrets) {
    if (s && res.text.includes(s))
      problems.push('leaks a connection string or data path')
  }
  return problems
}
