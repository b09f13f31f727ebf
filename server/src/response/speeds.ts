/** Speeds per mode for the speed-based 1-3-5 reach (RISKMAP_WALK_KMH, RISKMAP_VEHICLE_KMH). */
export interface ReachSpeeds { walkKmh: number, vehicleKmh: number }

export const defaultSpeeds: ReachSpeeds = { walkKmh: 5, vehicleKmh: 30 }

export interface ReachStep {
  minutes: 1 | 3 | 5
  mode: 'walk' | 'vehicle'
  kmh: number
  /** Straight-line distance covered in that time at that speed. */
  metres: number
}

/**
 * The 1-3-5 standard: 1 minute self-rescue and 3 minutes mutual aid on foot, 5 minutes
 * reinforcement by vehicle. 5 km/h on foot is 83.3 m a minute; 30 km/h is 2.5 km in 5 minutes.
 */
export function reachSteps(s: ReachSpeeds): ReachStep[] {
  const step = (minutes: 1 | 3 | 5, mode: 'walk' | 'vehicle'): ReachStep => {
    const kmh = mode === 'walk' ? s.walkKmh : s.vehicleKmh
    return { minutes, mode, kmh, metres: (kmh * 1000 * minutes) / 60 }
  }
  return [step(1, 'walk'), step(3, 'walk'), step(5, 'vehicle')]
}

/** The method card every reach and coverage reply carries. */
export function speedMethod(s: ReachSpeeds) {
  return {
    kind: 'speed' as const,
    speeds: { walkKmh: s.walkKmh, vehicleKmh: s.vehicleKmh },
    steps: reachSteps(s).map(r => ({ ...r, metres: Math.round(r.metres * 10) / 10 })),
    note: 'straight-line approximation; network reach needs pgRouting and a road network (not loaded)',
  }
}
