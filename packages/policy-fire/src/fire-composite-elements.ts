/**
 * The composite judgement elements (综合判定要素) the fire pack counts, as snake_case finding
 * flags (`findings.sprinkler_inoperative = true`). Both editions of GB 35181 count these
 * groups; the element lists are this pack's summary of the standards' checklists, not their
 * full text.
 */

/** Escape and smoke-control elements, counted with a threshold of 3 in crowded places. */
export const ESCAPE_ELEMENTS = [
  'exit_locked_or_blocked', // 安全出口、疏散门被封堵、锁闭
  'evacuation_route_occupied', // 疏散走道、楼梯间被占用、堵塞
  'exit_capacity_short', // 安全出口、疏散楼梯数量或宽度不足（未达直接判定的程度）
  'evacuation_distance_exceeded', // 疏散距离超过规定值
  'emergency_lighting_failed', // 应急照明、疏散指示标志损坏或不足
  'window_obstruction', // 门窗设置影响逃生和灭火救援的障碍物
  'combustible_decoration', // 装修材料燃烧性能低于规定
  'smoke_control_inoperative', // 防烟排烟设施不能正常运行
];

/** Site layout, water and fixed-system elements, counted with a threshold of 3 at hazardous-goods sites. */
export const HAZMAT_SITE_ELEMENTS = [
  'separation_distance_short', // 防火间距不足
  'fire_lane_blocked', // 消防车道被占用、堵塞
  'fire_water_supply_inadequate', // 消防水源、消火栓不足或不能正常使用
  'fixed_extinguishing_inoperative', // 固定灭火、冷却设施不能正常运行（附录A）
  'gas_detection_inoperative', // 可燃气体浓度报警不能正常运行
];

/** The remaining elements; with the two groups above they form the full composite list. */
export const OTHER_ELEMENTS = [
  'fire_compartment_breached', // 防火分区改变，面积超过规定
  'fire_separation_damaged', // 防火门、防火卷帘等防火分隔设施损坏过半
  'hydrant_system_inoperative', // 室内消火栓系统不能正常使用
  'sprinkler_inoperative', // 自动喷水灭火系统不能正常运行（附录A）
  'fire_alarm_inoperative', // 火灾自动报警系统不能正常运行（附录A）
  'fire_power_supply_inadequate', // 消防用电设备未按规定采用专用供电回路
  'control_room_unqualified', // 消防控制室值班不符合规定（持证、双人值班）
  'hot_work_while_open', // 营业、使用期间违规进行电焊、气焊等明火作业
  'residential_not_separated', // 居住部分未与生产、储存、经营部分防火分隔
];

export const FIRE_COMPOSITE_ELEMENTS: string[] = [...ESCAPE_ELEMENTS, ...HAZMAT_SITE_ELEMENTS, ...OTHER_ELEMENTS];
