import type zh from './water-zh-CN.ts'

/** Drowning prevention: zones, assets, drone routes, shoreline coverage, seasonal calendar. */
const en: typeof zh = {
  title: 'Drowning prevention',
  open: 'Drowning prevention',
  close: 'Close',
  layer: 'Drowning prevention (water, assets, routes, shoreline)',
  approximate: 'approximate',
  approximateHint: 'Approximate extent: placed by hand, not surveyed',
  synthetic: 'demo',
  loading: 'Loading…',
  none: 'None yet',
  add: 'New',
  edit: 'Edit',
  delete: 'Delete',
  confirmDelete: 'Delete “{name}”?',
  tabs: { zone: 'Water', asset: 'Assets', route: 'Drone routes', calendar: 'Calendar' },
  kind: { river: 'River', reservoir: 'Reservoir', pond: 'Pond' },
  danger: { 1: 'low', 2: 'medium', 3: 'high' },
  dangerLabel: 'Danger',
  asset: { guard_post: 'Guard post', rescue_equipment: 'Rescue equipment', warning_sign: 'Warning sign', fence: 'Fence' },
  field: { name: 'Name', kind: 'Kind', danger: 'Danger level', approximate: 'Approximate extent', sourceNote: 'Source note', type: 'Type', note: 'Note', drone: 'Drone', maxFlightM: 'Flight length per battery (m)', geometry: 'Location' },
  draw: { start: 'Draw on the map', redraw: 'Redraw', cancel: 'Cancel drawing', hint: 'Click on the map; double-click or click the start to finish', drawn: 'Drawn' },
  form: { createTitle: 'New', editTitle: 'Edit', save: 'Save', saving: 'Saving…', cancel: 'Cancel' },
  invalid: { required: 'Required', tooLong: 'Too long', range: 'A whole number of metres, 100–200000', routeTooLong: 'The route is longer than one battery flies' },
  route: { length: 'route {length}, battery {battery}', over: 'over the battery' },
  coverage: {
    title: 'Shoreline coverage',
    share: '{share} of dangerous shoreline within 3 minutes on foot of a guard post or rescue point',
    lengths: 'covered {covered} of {shore}',
    none: 'No water of medium danger or above',
    covered: 'Covered shore (3 min)',
    uncovered: 'Uncovered shore',
    method: 'radius {radius} m ({kmh} km/h on foot × 3 min), straight-line; guard posts and rescue equipment only',
  },
  calendar: {
    title: 'Water-related calls (A2-01): seasonal risk calendar',
    range: '{from} to {to}, month × hour in Asia/Shanghai time, {total} calls',
    peakMonths: 'Peak months: {range} ({share} of calls)',
    peakHours: 'Peak hours: {range} (within the peak months, {share})',
    noPeak: 'no clear peak',
    tooltip: 'month {month}, {hour}:00: {n}',
    months: 'Months',
  },
  legend: { zones: 'Water by danger level', approx: 'dashed: approximate extent', assets: 'Assets', routes: 'Drone routes', shore: 'Shoreline' },
}

export default en
