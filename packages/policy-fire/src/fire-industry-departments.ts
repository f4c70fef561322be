import type { Parties } from '@hazardflow/core';

/** 《安全生产法》 Art. 3: 管行业必须管安全、管业务必须管安全. */
const ART_3 = '《安全生产法》 Art. 3 (管行业必须管安全)';
/** The State Council's list of each department's fire-safety duty for its own sector. */
const RESPONSIBILITY_MEASURES = '《消防安全责任制实施办法》 (国办发〔2017〕87号) Art. 13–14';

/**
 * The industry departments (行业主管部门) of the fire pack's crowded places: the fire brigade
 * grades and re-inspects, the department answers for its sector's fire safety (三管三必须) and
 * is told what the brigade is told. Each has its district org by default, so a case at one of its
 * place types names it without the report having to. Place types no department is listed for
 * here (mixed-use, hazardous-goods sites, factories, homes, offices) stay the brigade's and the
 * street's alone.
 */
export const fireIndustryDepartments = {
  /** Schools and kindergartens: 教育部门负责学校、幼儿园管理中的行业消防安全. Off-campus training
   * (校外培训, in `child-activity`) is the education bureau's too [default]. */
  'education-bureau': {
    label: { zh: '区教育局', en: 'District education bureau' },
    org: 'education-bureau',
    industry: { placeTypes: ['school', 'child-activity'] },
    source: `${ART_3}; ${RESPONSIBILITY_MEASURES}: 教育部门负责学校、幼儿园管理中的行业消防安全`,
  },
  /** Hospitals: 卫生健康部门负责医疗卫生机构管理中的行业消防安全. */
  'health-commission': {
    label: { zh: '区卫生健康委员会', en: 'District health commission' },
    org: 'health-commission',
    industry: { placeTypes: ['hospital'] },
    source: `${ART_3}; ${RESPONSIBILITY_MEASURES}: 卫生部门负责医疗卫生机构管理中的行业消防安全`,
  },
  /** Hotels (旅游部门: 饭店、宾馆) and public entertainment (文化部门: 文化娱乐场所), one bureau
   * since the 2018 merger of culture and tourism. */
  'culture-tourism-bureau': {
    label: { zh: '区文化和旅游局', en: 'District culture and tourism bureau' },
    org: 'culture-tourism-bureau',
    industry: { placeTypes: ['hotel', 'public-entertainment'] },
    source: `${ART_3}; ${RESPONSIBILITY_MEASURES}: 文化部门负责文化娱乐场所、旅游部门负责饭店宾馆的行业消防安全`,
  },
  /** Shops and markets: 商务部门负责指导、督促商贸行业的消防安全管理工作. */
  'commerce-bureau': {
    label: { zh: '区商务局', en: 'District commerce bureau' },
    org: 'commerce-bureau',
    industry: { placeTypes: ['shop-market'] },
    source: `${ART_3}; ${RESPONSIBILITY_MEASURES}: 商务部门负责指导、督促商贸行业的消防安全管理工作`,
  },
  /** Elderly care: 民政部门负责养老机构等民政服务机构管理中的行业消防安全. */
  'civil-affairs-bureau': {
    label: { zh: '区民政局', en: 'District civil affairs bureau' },
    org: 'civil-affairs-bureau',
    industry: { placeTypes: ['elderly-care'] },
    source: `${ART_3}; ${RESPONSIBILITY_MEASURES}: 民政部门负责养老机构等民政服务机构管理中的行业消防安全`,
  },
} satisfies Parties;
