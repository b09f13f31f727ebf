/**
 * Per-sub-class shape of the synthetic data: base rate per 10,000 residents per month,
 * seasonality, hour-of-day profile and how the rate depends on how urban a township is.
 * Sub-classes missing here (a future catalog version) fall back to category defaults.
 */
export type Season = 'flat' | 'summer' | 'water' | 'spring_festival' | 'year_end_wages' | 'winter_heating'
export type HourProfile = 'office' | 'evening' | 'night' | 'water' | 'daytime' | 'all_day'
export type Setting = 'any' | 'urban' | 'rural'

export interface Profile { rate: number, season?: Season, hours?: HourProfile, setting?: Setting }

const p = (rate: number, season?: Season, hours?: HourProfile, setting?: Setting): Profile => ({ rate, season, hours, setting })

export const PROFILES: Record<string, Profile> = {
  // 12345 hotline: office hours. Rates are relative: events are scaled to the requested total.
  'A1-01': p(1.2, 'year_end_wages', 'office'),
  'A1-02': p(2.0, 'winter_heating', 'office', 'urban'),
  'A1-03': p(0.4, 'flat', 'office'),
  'A1-04': p(0.5, 'flat', 'office', 'urban'),
  'A1-05': p(1.0, 'summer', 'office'),
  'A1-06': p(1.8, 'summer', 'office', 'urban'),
  'A1-07': p(1.2, 'flat', 'office', 'urban'),
  'A1-08': p(0.6, 'flat', 'office'),
  'A1-09': p(0.5, 'flat', 'office'),
  'A1-10': p(0.5, 'flat', 'office', 'rural'),
  'A1-11': p(0.2, 'flat', 'office'),
  // 110 calls
  'A2-01': p(0.6, 'water', 'water'),
  'A2-02': p(2.5, 'summer', 'evening', 'urban'),
  'A2-03': p(1.6, 'summer', 'evening'),
  'A2-04': p(1.4, 'spring_festival', 'evening'),
  'A2-05': p(0.5, 'year_end_wages', 'daytime'),
  'A2-06': p(0.3, 'flat', 'daytime', 'rural'),
  'A2-07': p(0.15, 'year_end_wages', 'daytime'),
  'A2-08': p(0.2, 'flat', 'all_day'),
  'A2-09': p(1.5, 'summer', 'night', 'urban'),
  'A2-10': p(2.2, 'flat', 'daytime'),
  'A2-11': p(0.5, 'spring_festival', 'all_day'),
  // public-order cases: summer and evening peaks
  'C1-01': p(0.6, 'summer', 'evening'),
  'C1-02': p(0.3, 'summer', 'night', 'urban'),
  'C1-03': p(0.15, 'summer', 'evening'),
  'C1-04': p(0.5, 'summer', 'daytime', 'urban'),
  'C1-05': p(0.15, 'spring_festival', 'night'),
  'C1-06': p(0.08, 'summer', 'night', 'urban'),
  'C1-07': p(0.1, 'flat', 'night', 'urban'),
  'C1-08': p(0.2, 'summer', 'evening'),
  // criminal cases; telecom fraud is ~68% of the 盗抢骗 family (C2-03..06) before noise
  'C2-01': p(0.004, 'summer', 'night'),
  'C2-02': p(0.08, 'summer', 'night'),
  'C2-03': p(0.03, 'flat', 'night', 'urban'),
  'C2-04': p(0.3, 'flat', 'all_day', 'urban'),
  'C2-05': p(0.9, 'flat', 'daytime'),
  'C2-06': p(0.1, 'flat', 'daytime'),
  'C2-07': p(0.04, 'flat', 'night', 'urban'),
  'C2-08': p(0.03, 'flat', 'daytime', 'rural'),
  // online opinion and petitions: absolute rates per 10,000 residents per month
  'B1-01': p(0.15),
  'B1-02': p(0.2, 'year_end_wages'),
  'B1-03': p(0.25, 'flat', undefined, 'urban'),
  'B1-04': p(0.15),
  'B1-05': p(0.12),
  'B1-06': p(0.12, 'summer'),
  'B1-07': p(0.08),
  'B1-08': p(0.12),
  'B1-09': p(0.1),
  'B1-10': p(0.08, 'summer'),
  'B1-11': p(0.1),
  'B2-01': p(0.2),
  'B2-02': p(0.3, 'year_end_wages'),
  'B2-03': p(0.3, 'flat', undefined, 'urban'),
  'B2-04': p(0.25, 'flat', undefined, 'rural'),
  'B2-05': p(0.2),
  'B2-06': p(0.1, 'summer'),
  'B2-07': p(0.08),
  'B2-08': p(0.08),
  'B2-09': p(0.08),
  'B2-10': p(0.12, 'spring_festival'),
  'B2-11': p(0.06),
  'B2-12': p(0.08),
  // dispute intake; outcomes (D1-10.., D2-10.., D3-06.., D4-05..) are derived in values.ts
  'D1-01': p(0.75, 'summer'),
  'D1-02': p(0.5, 'spring_festival'),
  'D1-03': p(0.3, 'year_end_wages'),
  'D1-04': p(0.25, 'flat', undefined, 'rural'),
  'D1-05': p(0.4, 'flat', undefined, 'urban'),
  'D1-06': p(0.1),
  'D1-07': p(0.1),
  'D1-08': p(0.25),
  'D1-09': p(0.2),
  'D2-01': p(0.3, 'spring_festival'),
  'D2-02': p(0.15, 'year_end_wages'),
  'D2-03': p(0.25),
  'D2-04': p(0.15, 'flat', undefined, 'urban'),
  'D2-05': p(0.15, 'flat', undefined, 'urban'),
  'D2-06': p(0.075, 'year_end_wages'),
  'D2-07': p(0.06, 'flat', undefined, 'rural'),
  'D2-08': p(0.05),
  'D2-09': p(0.125),
  'D3-01': p(0.03),
  'D3-02': p(0.05),
  'D3-03': p(0.03),
  'D3-04': p(0.03),
  'D3-05': p(0.03, 'flat', undefined, 'rural'),
  'D4-01': p(0.03),
  'D4-02': p(0.04),
  'D4-03': p(0.03),
  'D4-04': p(0.02),
}

const CATEGORY_DEFAULT: Record<string, Profile> = { A: p(1), B: p(0.15), C: p(0.2), D: p(0.3) }

export function profileFor(code: string): Profile {
  return PROFILES[code] ?? CATEGORY_DEFAULT[code.charAt(0)] ?? p(0.2)
}

const SEASONS: Record<Season, number[]> = {
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  summer: [0.8, 0.8, 0.9, 0.95, 1.05, 1.25, 1.35, 1.3, 1.05, 0.95, 0.85, 0.8],
  water: [0.2, 0.2, 0.3, 0.55, 1.0, 2.0, 2.8, 2.6, 1.0, 0.5, 0.3, 0.2],
  spring_festival: [1.2, 1.35, 1.0, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 1.0, 1.0, 1.1],
  year_end_wages: [1.6, 1.3, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.2, 1.6],
  winter_heating: [1.3, 1.2, 1.0, 0.9, 0.9, 0.95, 1.0, 1.0, 0.9, 0.95, 1.2, 1.3],
}

export function seasonFactor(season: Season | undefined, monthOfYear: number): number {
  return SEASONS[season ?? 'flat'][monthOfYear] ?? 1
}

/** Local (Asia/Shanghai) hour-of-day weights, index 0 = 00:00–00:59. */
export const HOURS: Record<HourProfile, number[]> = {
  office: [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 2, 3, 3, 2.6, 1.4, 2, 2.8, 2.8, 2.5, 2, 1.2, 0.9, 0.8, 0.6, 0.4, 0.2],
  evening: [1.4, 0.9, 0.5, 0.3, 0.2, 0.2, 0.4, 0.7, 0.9, 1, 1, 1.1, 1.2, 1.1, 1.1, 1.2, 1.3, 1.5, 1.8, 2.2, 2.6, 2.8, 2.6, 2],
  night: [2.4, 2, 1.5, 1, 0.6, 0.3, 0.2, 0.3, 0.4, 0.5, 0.6, 0.6, 0.7, 0.7, 0.7, 0.8, 0.9, 1, 1.2, 1.5, 2, 2.5, 2.8, 2.8],
  water: [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 1.2, 1.4, 1.5, 1.6, 1.8, 2, 3.2, 3.8, 3.6, 3, 1.6, 0.8, 0.4, 0.2],
  daytime: [0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.5, 1, 1.6, 1.8, 1.8, 1.7, 1.4, 1.5, 1.7, 1.7, 1.7, 1.8, 1.7, 1.4, 1.1, 0.9, 0.6, 0.4],
  all_day: [0.8, 0.7, 0.6, 0.5, 0.5, 0.5, 0.7, 0.9, 1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1, 1.2, 1.2, 1.2, 1.2, 1.1, 1, 0.9],
}

/** Water-related calls peak after school (16–19h) only in summer; otherwise they follow daytime. */
export function hourProfileFor(profile: Profile, monthOfYear: number): HourProfile {
  const hours = profile.hours ?? 'all_day'
  if (hours === 'water' && (monthOfYear < 5 || monthOfYear > 7))
    return 'daytime'
  return hours
}

/** urbanity: 0 rural … 1 dense urban core. */
export function settingFactor(setting: Setting | undefined, urbanity: number): number {
  if (setting === 'urban')
    return 0.4 + 1.2 * urbanity
  if (setting === 'rural')
    return 1.6 - 1.2 * urbanity
  return 1
}
