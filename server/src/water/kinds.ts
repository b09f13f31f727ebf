/** Kinds of dangerous water, asset types and danger levels, with their Chinese names. */
export const zoneKinds = ['river', 'reservoir', 'pond'] as const
export type ZoneKind = (typeof zoneKinds)[number]

export const assetTypes = ['warning_sign', 'fence', 'rescue_equipment', 'guard_post'] as const
export type AssetType = (typeof assetTypes)[number]

export const assetTypeLabels: Record<AssetType, string> = {
  warning_sign: '警示牌',
  fence: '防护栏',
  rescue_equipment: '救生设备',
  guard_post: '值守点',
}

/** The asset types that put a person able to help within reach: they count for shoreline coverage. */
export const coveringAssetTypes: AssetType[] = ['guard_post', 'rescue_equipment']

/** 1 low, 2 medium, 3 high. */
export const dangerLevels = [1, 2, 3] as const
export type DangerLevel = (typeof dangerLevels)[number]

/** Water-related calls (涉水警情): the sub-class the seasonal calendar counts. */
export const WATER_INDICATOR = 'A2-01'
