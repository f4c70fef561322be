import type { Parties } from '@hazardflow/core';

/** 《安全生产法》 Art. 3: 管行业必须管安全、管业务必须管安全. */
const ART_3 = '《安全生产法》 Art. 3 (管行业必须管安全)';

/**
 * The industry departments (行业主管部门) of the traffic pack's place types: the traffic police
 * find and grade, the department answers for its sector (三管三必须) and is told what the
 * brigade is told. Each has its district org by default, so a case names it without the report
 * having to. Expressways and trunk roads (provincial and city road authorities) and urban roads
 * (housing or urban management) have no district department here [default].
 */
export const trafficIndustryDepartments = {
  /** Transport enterprises, and rural roads, whose road authority a district's transport bureau
   * is (县道、乡道); the rural-road assignment is the pack's [default]. */
  'transport-bureau': {
    label: { zh: '区交通运输局', en: 'District transport bureau' },
    org: 'transport-bureau',
    industry: { placeTypes: ['transport-enterprise', 'rural-road'] },
    source: `${ART_3}; 《道路运输条例》 Art. 7 (道路运输管理); 《公路法》 Art. 8 (公路工作), rural roads [default]`,
  },
  /** Schools and their school buses: 教育 is named among the departments of school-bus safety. */
  'education-bureau': {
    label: { zh: '区教育局', en: 'District education bureau' },
    org: 'education-bureau',
    industry: { placeTypes: ['school'] },
    source: `${ART_3}; 《校车安全管理条例》 Ch. 1 (教育、公安、交通运输等部门履行校车安全管理职责)`,
  },
} satisfies Parties;
