import type { Parties } from '@hazardflow/core';

/** 《安全生产法》 Art. 3: 管行业必须管安全、管业务必须管安全. */
const ART_3 = '《安全生产法》 Art. 3 (管行业必须管安全)';

/**
 * The industry departments (行业主管部门) of the places where special equipment serves the
 * public: the market supervision bureau inspects and grades, the sector's department answers for
 * the place (三管三必须) and is told what the bureau is told. No regulation names a department per
 * place type for special equipment, so the assignment by sector is the pack's [default], on
 * Art. 3. Each has its district org by default. Homes, factories, building sites and filling
 * stations have no department here [default].
 */
export const specialEquipmentIndustryDepartments = {
  'education-bureau': {
    label: { zh: '区教育局', en: 'District education bureau' },
    org: 'education-bureau',
    industry: { placeTypes: ['school'] },
    source: `${ART_3}; schools to the education bureau [default]`,
  },
  'health-commission': {
    label: { zh: '区卫生健康委员会', en: 'District health commission' },
    org: 'health-commission',
    industry: { placeTypes: ['hospital'] },
    source: `${ART_3}; hospitals to the health commission [default]`,
  },
  /** Shopping centres and restaurants: the commerce bureau guides the trade and catering sector. */
  'commerce-bureau': {
    label: { zh: '区商务局', en: 'District commerce bureau' },
    org: 'commerce-bureau',
    industry: { placeTypes: ['shopping-centre', 'restaurant'] },
    source: `${ART_3}; trade and catering to the commerce bureau [default]`,
  },
  /** Amusement parks and scenic areas' ropeways: tourism safety (《旅游法》 Ch. 6). */
  'culture-tourism-bureau': {
    label: { zh: '区文化和旅游局', en: 'District culture and tourism bureau' },
    org: 'culture-tourism-bureau',
    industry: { placeTypes: ['amusement-park', 'scenic-area'] },
    source: `${ART_3}; 《旅游法》 Ch. 6 (旅游安全); amusement parks to the bureau [default]`,
  },
} satisfies Parties;
