import type { ImportAnnouncement, WarningAnnouncement } from './bus.ts'

/** The `import` message for one principal: only the regions in its scope, or nothing at all. */
export function importMessageFor(a: ImportAnnouncement, visible: ReadonlySet<string> | null, dataVersion: number) {
  const regions = visible ? a.regions.filter(r => visible.has(r)) : a.regions
  if (visible && regions.length === 0)
    return null
  return { kind: a.kind, importId: a.importId, rows: a.rows, months: a.months, regions, dataVersion, at: a.at }
}

/** The `warning` message for one principal: only when its scope holds the warning's region. */
export function warningMessageFor(w: WarningAnnouncement, visible: ReadonlySet<string> | null) {
  if (visible && !visible.has(w.region))
    return null
  return w
}
