/**
 * Place types of the traffic pack: road sections by class, and the operators of key vehicles
 * (the "site" of a vehicle hazard is the enterprise or school that runs it).
 */
export const ROAD_PLACE_TYPES = [
  'expressway', // 高速公路
  'trunk-road', // 国道、省道
  'rural-road', // 县乡村道（农村公路）
  'urban-road', // 城市道路
] as const;

export const OPERATOR_PLACE_TYPES = [
  'transport-enterprise', // 道路客运、危险货物运输企业
  'school', // 校车服务提供者、学校
] as const;

export const TRAFFIC_PLACE_TYPES: string[] = [...ROAD_PLACE_TYPES, ...OPERATOR_PLACE_TYPES];
