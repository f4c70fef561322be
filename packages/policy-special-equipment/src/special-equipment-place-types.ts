/** A place where special equipment is used, with the name an inspector's record shows. */
export interface SpecialEquipmentPlaceType {
  id: string;
  name: { zh: string; en: string };
}

/**
 * Where market supervision finds special equipment in use (使用场所). A pack's `placeTypes` are
 * plain ids; this list carries their bilingual names for forms and reports.
 *
 * Cranes and in-plant vehicles on a construction site are not in this pack's remit: 特种设备安全法
 * Art. 100 leaves the installation and use of cranes and in-plant vehicles on building and
 * municipal works sites to the housing and construction department, so those two categories do
 * not list `construction-site`. Gas cylinders (oxygen, acetylene), boilers and pressure vessels on
 * a site stay with market supervision.
 */
export const specialEquipmentPlaceTypes: readonly SpecialEquipmentPlaceType[] = [
  { id: 'residential-block', name: { zh: '住宅小区（电梯井道、楼栋）', en: 'Residential block (lift wells)' } },
  { id: 'shopping-centre', name: { zh: '商场、商业综合体', en: 'Shopping centre' } },
  { id: 'school', name: { zh: '学校', en: 'School' } },
  { id: 'hospital', name: { zh: '医院', en: 'Hospital' } },
  { id: 'restaurant', name: { zh: '餐饮场所', en: 'Restaurant' } },
  { id: 'factory', name: { zh: '工厂、企业厂区', en: 'Factory' } },
  { id: 'construction-site', name: { zh: '建筑施工工地', en: 'Construction site' } },
  { id: 'amusement-park', name: { zh: '游乐园、公园游乐场所', en: 'Amusement park' } },
  { id: 'scenic-area', name: { zh: '旅游景区（客运索道）', en: 'Scenic area (passenger ropeways)' } },
  { id: 'filling-station', name: { zh: '气瓶充装站', en: 'Gas cylinder filling station' } },
];

export const SPECIAL_EQUIPMENT_PLACE_TYPES: string[] = specialEquipmentPlaceTypes.map((placeType) => placeType.id);
