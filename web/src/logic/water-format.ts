/** Metres as "850 m" or "11.5 km". */
export function formatMetres(m: number): string {
  return m >= 1000 ? `${(m / 1000).toFixed(m >= 10_000 ? 1 : 2)} km` : `${Math.round(m)} m`
}

/** A share as a percentage with one decimal, or "—" when there is nothing to share. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`
}
