/**
 * Place types of the building pack. The self-built-house rules (经营性自建房) apply only to
 * houses built by their owners rather than by developers, in town or country.
 */
export const BUILDING_PLACE_TYPES: string[] = [
  'self-built-house', // 城乡自建房 (owner-built, often with shops or rooms for rent)
  'residential', // 住宅小区、商品住宅
  'commercial', // 商业、办公建筑
  'public-building', // 学校、医院等公共建筑
  'industrial', // 厂房、仓库
];
