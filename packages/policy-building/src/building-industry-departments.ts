import type { Parties } from '@hazardflow/core';

/**
 * The industry department (行业主管部门) of the building pack's commercial buildings: the housing
 * bureau appraises and orders, the commerce bureau answers for the shops and offices in trade
 * (三管三必须, 《安全生产法》 Art. 3) and is told what the housing bureau is told. Kept to one
 * [default] assignment: a public building (school, hospital) or a self-built house does not say
 * which sector uses it, so no department is named for them.
 */
export const buildingIndustryDepartments = {
  'commerce-bureau': {
    label: { zh: '区商务局', en: 'District commerce bureau' },
    org: 'commerce-bureau',
    industry: { placeTypes: ['commercial'] },
    source: '《安全生产法》 Art. 3 (管行业必须管安全); commercial buildings to the commerce bureau [default]',
  },
} satisfies Parties;
