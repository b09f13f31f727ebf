import type zh from './wall-zh-CN.ts'

/** The wall display: tiles, lists, ticker, connection banner. */
const en: typeof zh = {
  title: 'Command wall',
  synthetic: 'Synthetic demo data',
  dataAsOf: 'Data as of {time}',
  reconnecting: 'Connection to the server lost, reconnecting…',
  noPlaylist: 'No wall playlist to show',
  loadFailed: 'The wall playlist could not be loaded: {message}',
  mom: 'MoM',
  yoy: 'YoY',
  lastEvent: 'Last: {date}',
  top: 'Townships ranked · {indicator}',
  trend: 'Last 24 months · {indicator}',
  ticker: 'Latest',
  scene: 'Scene {n}/{total}',
  tour: 'Tour',
  stop: 'Stop {n}/{total}',
  noChanges: 'No region changed significantly this month',
  fallbackLayer: '(shown as a choropleth on the wall)',
  per10k: '{value} per 10k',
  unit: { count: '', percent: '%', days: 'days' },
  layer: {
    choropleth: 'Choropleth',
    points: 'Event points',
    heatmap: 'Heatmap',
    hexbins: 'Hex bins',
    gistar: 'Hot spots',
    blindspots: 'Blind spots',
    patrol: 'Patrol',
    water: 'Drowning prevention',
  },
  period: { 1: 'This month', 3: 'Last 3 months', 12: 'Last 12 months' },
  kind: { event: 'Event', import: 'Import', warning: 'Warning' },
}

export default en
