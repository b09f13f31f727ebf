/**
 * The 白城 "health check" indicator system: 4 categories (one per conflict stage) →
 * 10 major classes → 101 sub-classes. The source documents fix the stages, classes and
 * counts; the sub-classes are composed for Riskmap. Codes are stable identifiers: never
 * reuse or renumber one — see README.md for how a re-code is recorded with `replaces`.
 */
export type Stage = 'emerging' | 'escalation' | 'intensification' | 'resolution'
export type Polarity = 'rise_bad' | 'rise_good'

export interface Names { zh: string, en: string }

export interface SubClassDef {
  code: string
  name: Names
  polarity: Polarity
  /** true: arrives as point events; false: monthly aggregates per region. */
  geolocated: boolean
  unit?: Names
  /** Codes of earlier sub-classes whose series this one continues. Empty in version 1. */
  replaces?: string[]
}

export interface ClassDef { code: string, name: Names, department: Names, subclasses: SubClassDef[] }
export interface CategoryDef { code: 'A' | 'B' | 'C' | 'D', name: Names, stage: Stage, classes: ClassDef[] }

export const CATALOG_VERSION = 1

type Row = [code: string, zh: string, en: string, polarity?: Polarity]

const UNITS = {
  call: { zh: '件', en: 'calls' },
  alert: { zh: '起', en: 'incidents' },
  item: { zh: '条', en: 'items' },
  petition: { zh: '件次', en: 'petitions' },
  case: { zh: '件', en: 'cases' },
} satisfies Record<string, Names>

function cls(code: string, zh: string, en: string, department: Names, geolocated: boolean, unit: Names, rows: Row[]): ClassDef {
  return {
    code,
    name: { zh, en },
    department,
    subclasses: rows.map(([sub, subZh, subEn, polarity]) => ({
      code: sub,
      name: { zh: subZh, en: subEn },
      polarity: polarity ?? 'rise_bad',
      geolocated,
      unit,
      replaces: [],
    })),
  }
}

const DATA_BUREAU = { zh: '政数局', en: 'Government Services and Data Bureau' }
const POLICE = { zh: '公安局', en: 'Public Security Bureau' }
const CYBERSPACE = { zh: '网信办', en: 'Cyberspace Affairs Office' }
const PETITIONS = { zh: '信访局', en: 'Petitions Bureau' }
const GOVERNANCE = { zh: '综治中心', en: 'Comprehensive Governance Centre' }
const COURT = { zh: '法院', en: 'People’s Court' }
const JUSTICE = { zh: '司法局', en: 'Justice Bureau' }

const hotline = cls('A1', '12345政务服务便民热线', '12345 government-service hotline', DATA_BUREAU, true, UNITS.call, [
  ['A1-01', '劳动保障与欠薪诉求', 'Labour rights and wage-arrears complaints'],
  ['A1-02', '物业服务与房屋质量诉求', 'Property management and housing quality complaints'],
  ['A1-03', '征地拆迁与安置补偿诉求', 'Land acquisition, demolition and compensation complaints'],
  ['A1-04', '延期交房与办证难诉求', 'Delayed housing delivery and title certificate complaints'],
  ['A1-05', '邻里纠纷诉求', 'Neighbour dispute complaints'],
  ['A1-06', '生态环境与噪声污染投诉', 'Environmental and noise pollution complaints'],
  ['A1-07', '消费维权与预付卡纠纷诉求', 'Consumer rights and prepaid-card complaints'],
  ['A1-08', '教育与校外培训诉求', 'Education and after-school training complaints'],
  ['A1-09', '医疗卫生纠纷诉求', 'Health care dispute complaints'],
  ['A1-10', '土地承包与宅基地纠纷诉求', 'Rural land contract and homestead dispute complaints'],
  ['A1-11', '涉众金融与非法集资诉求', 'Mass-investor finance and illegal fundraising complaints'],
])

const policeCalls = cls('A2', '110报警平台', '110 police calls', POLICE, true, UNITS.alert, [
  ['A2-01', '涉水警情', 'Water-related and drowning alerts'],
  ['A2-02', '街面九类警情', 'Street incidents of the nine kinds'],
  ['A2-03', '邻里纠纷警情', 'Neighbour dispute calls'],
  ['A2-04', '婚姻家庭纠纷警情', 'Marriage and family dispute calls'],
  ['A2-05', '劳资欠薪纠纷警情', 'Labour and wage-arrears dispute calls'],
  ['A2-06', '土地山林权属纠纷警情', 'Land and forest tenure dispute calls'],
  ['A2-07', '群体性聚集苗头警情', 'Early signs of mass gatherings'],
  ['A2-08', '个人极端言行苗头警情', 'Threats of individual extreme acts'],
  ['A2-09', '噪声扰民警情', 'Noise nuisance calls'],
  ['A2-10', '交通事故警情', 'Traffic accident calls'],
  ['A2-11', '火灾火情警情', 'Fire alerts'],
])

const onlineOpinion = cls('B1', '网络舆情', 'Online public opinion', CYBERSPACE, false, UNITS.item, [
  ['B1-01', '涉征地拆迁舆情', 'Opinion on land acquisition and demolition'],
  ['B1-02', '涉劳资欠薪舆情', 'Opinion on labour and wage arrears'],
  ['B1-03', '涉房地产交付舆情', 'Opinion on housing delivery and real estate'],
  ['B1-04', '涉教育舆情', 'Opinion on education'],
  ['B1-05', '涉医疗卫生舆情', 'Opinion on health care'],
  ['B1-06', '涉生态环境舆情', 'Opinion on the environment'],
  ['B1-07', '涉众金融投资舆情', 'Opinion on mass-investor finance'],
  ['B1-08', '涉执法司法舆情', 'Opinion on law enforcement and the judiciary'],
  ['B1-09', '涉安全生产与突发事件舆情', 'Opinion on work safety and emergencies'],
  ['B1-10', '涉食品药品安全舆情', 'Opinion on food and drug safety'],
  ['B1-11', '网络谣言与恶意炒作', 'Online rumours and malicious hype'],
])

const petitions = cls('B2', '信访诉求', 'Petitions', PETITIONS, false, UNITS.petition, [
  ['B2-01', '征地拆迁信访', 'Petitions on land acquisition and demolition'],
  ['B2-02', '劳动和社会保障信访', 'Petitions on labour and social security'],
  ['B2-03', '城乡建设与住房信访', 'Petitions on urban-rural construction and housing'],
  ['B2-04', '农村土地承包信访', 'Petitions on rural land contracts'],
  ['B2-05', '涉法涉诉信访', 'Law- and litigation-related petitions'],
  ['B2-06', '生态环境信访', 'Petitions on the environment'],
  ['B2-07', '退役军人权益信访', 'Petitions on veterans’ rights'],
  ['B2-08', '教育信访', 'Petitions on education'],
  ['B2-09', '医疗卫生信访', 'Petitions on health care'],
  ['B2-10', '民政与社会救助信访', 'Petitions on civil affairs and social assistance'],
  ['B2-11', '涉众金融信访', 'Petitions on mass-investor finance'],
  ['B2-12', '干部作风信访', 'Petitions on officials’ conduct'],
])

const publicOrder = cls('C1', '治安案件', 'Public-order cases', POLICE, true, UNITS.case, [
  ['C1-01', '殴打他人与故意伤害（治安）', 'Assault (public-order)'],
  ['C1-02', '寻衅滋事（治安）', 'Picking quarrels and provoking trouble (public-order)'],
  ['C1-03', '扰乱公共秩序', 'Disturbing public order'],
  ['C1-04', '盗窃（治安）', 'Petty theft (public-order)'],
  ['C1-05', '赌博', 'Gambling'],
  ['C1-06', '卖淫嫖娼', 'Prostitution'],
  ['C1-07', '吸毒', 'Drug use'],
  ['C1-08', '故意损毁财物', 'Wilful damage to property'],
])

const criminal = cls('C2', '刑事案件', 'Criminal cases', POLICE, true, UNITS.case, [
  ['C2-01', '命案', 'Homicide'],
  ['C2-02', '故意伤害（刑事）', 'Intentional injury (criminal)'],
  ['C2-03', '抢劫抢夺', 'Robbery and snatching'],
  ['C2-04', '盗窃（刑事）', 'Theft (criminal)'],
  ['C2-05', '电信网络诈骗', 'Telecom and online fraud'],
  ['C2-06', '其他诈骗', 'Other fraud'],
  ['C2-07', '毒品犯罪', 'Drug crimes'],
  ['C2-08', '食药环犯罪', 'Food, drug and environmental crimes'],
])

const governanceCentre = cls('D1', '综治中心受理', 'Governance-centre cases', GOVERNANCE, false, UNITS.case, [
  ['D1-01', '邻里纠纷受理', 'Neighbour disputes received'],
  ['D1-02', '婚姻家庭纠纷受理', 'Marriage and family disputes received'],
  ['D1-03', '劳资欠薪纠纷受理', 'Labour and wage-arrears disputes received'],
  ['D1-04', '土地承包与宅基地纠纷受理', 'Land contract and homestead disputes received'],
  ['D1-05', '物业与房屋纠纷受理', 'Property management and housing disputes received'],
  ['D1-06', '征地拆迁纠纷受理', 'Land acquisition and demolition disputes received'],
  ['D1-07', '医疗纠纷受理', 'Medical disputes received'],
  ['D1-08', '消费与合同纠纷受理', 'Consumer and contract disputes received'],
  ['D1-09', '交通事故赔偿纠纷受理', 'Traffic accident compensation disputes received'],
  ['D1-10', '调解成功', 'Mediated successfully', 'rise_good'],
  ['D1-11', '调解不成转诉讼仲裁', 'Mediation failed, referred to court or arbitration'],
  ['D1-12', '按期办结', 'Closed on time', 'rise_good'],
  ['D1-13', '超期未结', 'Overdue and unresolved'],
  ['D1-14', '重复受理', 'Repeat cases of the same dispute'],
])

const civilLitigation = cls('D2', '民事诉讼', 'Civil litigation', COURT, false, UNITS.case, [
  ['D2-01', '婚姻家庭继承纠纷收案', 'Marriage, family and inheritance cases filed'],
  ['D2-02', '劳动争议收案', 'Labour dispute cases filed'],
  ['D2-03', '民间借贷纠纷收案', 'Private lending cases filed'],
  ['D2-04', '物业服务合同纠纷收案', 'Property service contract cases filed'],
  ['D2-05', '房屋买卖租赁纠纷收案', 'Housing sale and tenancy cases filed'],
  ['D2-06', '建设工程与农民工工资纠纷收案', 'Construction and migrant-worker wage cases filed'],
  ['D2-07', '土地承包经营权纠纷收案', 'Land contract management right cases filed'],
  ['D2-08', '相邻关系纠纷收案', 'Neighbour relations cases filed'],
  ['D2-09', '人身损害赔偿纠纷收案', 'Personal injury compensation cases filed'],
  ['D2-10', '调解撤诉结案', 'Closed by mediation or withdrawal', 'rise_good'],
  ['D2-11', '民事案件结案', 'Civil cases closed', 'rise_good'],
  ['D2-12', '诉前调解成功', 'Pre-litigation mediation succeeded', 'rise_good'],
])

const reconsideration = cls('D3', '行政复议', 'Administrative reconsideration', JUSTICE, false, UNITS.case, [
  ['D3-01', '涉征收拆迁复议申请', 'Reconsideration applications on expropriation and demolition'],
  ['D3-02', '涉行政处罚复议申请', 'Reconsideration applications on administrative penalties'],
  ['D3-03', '涉政府信息公开复议申请', 'Reconsideration applications on government information disclosure'],
  ['D3-04', '涉社会保障与工伤认定复议申请', 'Reconsideration applications on social security and work injury'],
  ['D3-05', '涉自然资源与土地复议申请', 'Reconsideration applications on natural resources and land'],
  ['D3-06', '复议调解和解结案', 'Reconsideration closed by mediation or settlement', 'rise_good'],
  ['D3-07', '复议案件审结', 'Reconsideration cases concluded', 'rise_good'],
])

const adminLitigation = cls('D4', '行政诉讼', 'Administrative litigation', COURT, false, UNITS.case, [
  ['D4-01', '涉征收拆迁行政诉讼收案', 'Expropriation and demolition cases filed'],
  ['D4-02', '涉行政处罚行政诉讼收案', 'Administrative penalty cases filed'],
  ['D4-03', '涉不履行法定职责行政诉讼收案', 'Failure-to-perform-duty cases filed'],
  ['D4-04', '涉劳动社会保障行政诉讼收案', 'Labour and social security cases filed'],
  ['D4-05', '行政机关败诉', 'Cases lost by the administration'],
  ['D4-06', '行政机关负责人出庭应诉', 'Agency heads appearing in court', 'rise_good'],
  ['D4-07', '协调化解撤诉结案', 'Closed by coordinated settlement or withdrawal', 'rise_good'],
])

export const catalog: CategoryDef[] = [
  { code: 'A', name: { zh: '三级涉稳风险指标', en: 'Level-3 stability risk indicators' }, stage: 'emerging', classes: [hotline, policeCalls] },
  { code: 'B', name: { zh: '二级涉稳风险指标', en: 'Level-2 stability risk indicators' }, stage: 'escalation', classes: [onlineOpinion, petitions] },
  { code: 'C', name: { zh: '一级涉稳风险指标', en: 'Level-1 stability risk indicators' }, stage: 'intensification', classes: [publicOrder, criminal] },
  { code: 'D', name: { zh: '涉稳矛盾调处指标', en: 'Dispute resolution indicators' }, stage: 'resolution', classes: [governanceCentre, civilLitigation, reconsideration, adminLitigation] },
]

/** Every sub-class in catalog order. */
export function allSubclasses(categories: CategoryDef[] = catalog): SubClassDef[] {
  return categories.flatMap(c => c.classes.flatMap(k => k.subclasses))
}
