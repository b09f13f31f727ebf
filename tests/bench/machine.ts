import { cpus, totalmem, type } from 'node:os'

export function machineLine(): string {
  const cpu = cpus()
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${type()} ${process.arch}, Node ${process.version}`
}
