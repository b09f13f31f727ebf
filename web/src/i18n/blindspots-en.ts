import type zh from './blindspots-zh-CN.ts'

/** Blind spots: hexagons with many events outside 5-minute reach of an on-duty unit. */
const en: typeof zh = {
  layer: 'Blind spots (beyond 5 min)',
  months: 'Months counted',
  monthsN: 'Last {n} months',
  loading: 'Loading…',
  legend: {
    title: '{size} m cells · ≥ {min} events beyond 5 min',
    definition: '{size} m hexagons with at least {min} events not within 5 minutes of an on-duty unit',
  },
  method: {
    speed: 'Straight-line approximation (no road network on this database)',
    network: 'Road-network reach (pgRouting)',
  },
  list: {
    show: 'Ranking (top {n})',
    title: 'Blind spots, ranked',
    row: '{uncovered} beyond / {events} events ({share}%)',
    none: 'No cell reaches the threshold',
  },
}

export default en
