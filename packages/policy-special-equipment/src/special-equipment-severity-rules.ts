import type { PolicyPackInput } from '@hazardflow/core';
import { EQUIPMENT_CATEGORIES } from './special-equipment-categories';

type SeverityRuleInput = PolicyPackInput['severityRules'] extends (infer R)[] | undefined ? R : never;

/**
 * How a special-equipment case becomes major or an imminent danger, after GB 45067-2024
 * 《特种设备重大事故隐患判定准则》 (a mandatory national standard of SAMR). Its Chapter 5 lists,
 * per kind of equipment, the situations that are a major accident hazard "when the equipment is
 * still used" (仍继续使用); each is one finding the inspector records (`findings.<name>`), and
 * one finding is enough. The clause numbers come from published reproductions of the standard,
 * not from the official text, which was not available while writing this pack; a rule whose
 * clause could not be found at all says `[default]`.
 *
 * Imminent danger (stop use and seal now, 特种设备安全法 Art. 61(3)) is the pack's judgement
 * [default] on top of the standard: kept for situations where the next ride, lift trip or
 * firing can kill (a bypassed door-lock circuit, a disabled boiler safety valve).
 */

const STANDARD = 'GB 45067-2024';

function finding(
  id: string,
  categories: string[],
  field: string,
  clause: string,
  description: { zh: string; en: string },
  imminentDanger = false,
): SeverityRuleInput {
  return {
    id,
    kind: 'conditions',
    source: imminentDanger ? `${clause}; imminent danger: 特种设备安全法 Art. 61(3) seal [default]` : clause,
    description,
    categories,
    all: [{ field: `findings.${field}`, op: 'truthy' }],
    outcome: imminentDanger ? { severity: 'major', imminentDanger: true } : { severity: 'major' },
  };
}

/** Situations that make any kind of equipment major: how it was made, inspected or retired. */
const generalRules: SeverityRuleInput[] = [
  finding(
    'se-scrapped-in-use',
    EQUIPMENT_CATEGORIES,
    'scrappedOrPastDesignLife',
    '特种设备安全监督检查办法 (SAMR Order 57) Art. 25(1); 特种设备安全法 Art. 48, 84; no GB 45067-2024 clause found, grading major [default]',
    {
      zh: '已经报废、达到报废条件或超过设计使用年限未经评估，仍继续使用',
      en: 'Scrapped equipment, or equipment past its scrapping condition or design life, still in use',
    },
  ),
  finding(
    'gb45067-made-without-licence',
    EQUIPMENT_CATEGORIES,
    'madeWithoutLicence',
    `${STANDARD} general clauses (未取得许可生产; clause number not confirmed [default]); 特种设备安全监督检查办法 Art. 25(1)`,
    {
      zh: '使用未取得许可生产（制造、安装、改造、修理）的特种设备',
      en: 'Equipment made, installed or altered by an unlicensed producer, in use',
    },
  ),
  finding(
    'gb45067-never-inspected',
    EQUIPMENT_CATEGORIES,
    'neverInspected',
    `${STANDARD} 5.7.1 (cranes) and general clauses (未经监督检验; clause number not confirmed [default]); 特种设备安全法 Art. 25, 84`,
    {
      zh: '未经监督检验或首次检验即投入使用',
      en: 'In use without the supervisory or first inspection',
    },
  ),
  finding(
    'gb45067-used-after-accident-unchecked',
    EQUIPMENT_CATEGORIES,
    'usedAfterAccidentUnchecked',
    `${STANDARD} general clauses (事故后未检查; clause number not confirmed [default]); 特种设备安全法 Art. 42`,
    {
      zh: '发生事故或故障后未经全面检查、消除隐患即继续使用',
      en: 'Used again after an accident or fault without a full check',
    },
  ),
  {
    id: 'gb45067-inspection-unqualified',
    kind: 'conditions',
    source: `${STANDARD} 5.2.1 (boilers), 5.3.1 (pressure vessels), 5.4.1 (piping), 5.6.1 (lifts), 5.7.2 (cranes), 5.8.1 (ropeways), 5.9.1 (rides); 特种设备安全法 Art. 40`,
    description: {
      zh: '检验结论为"不合格"（或"不符合要求""复检不合格"）仍继续使用',
      en: 'Inspection concluded "unqualified" and the equipment is still used',
    },
    categories: [
      'boiler',
      'pressure-vessel',
      'pressure-piping',
      'lift',
      'crane',
      'passenger-ropeway',
      'amusement-ride',
    ],
    all: [{ field: 'findings.inspectionConclusion', op: 'eq', value: 'unqualified' }],
    outcome: { severity: 'major' },
  },
  {
    id: 'se-inspection-unqualified-other',
    kind: 'conditions',
    source:
      '特种设备安全法 Art. 40 (不得继续使用); grading major [default]: no GB 45067-2024 clause found for these kinds',
    description: {
      zh: '气瓶、场（厂）内专用机动车辆检验不合格仍继续使用',
      en: 'Gas cylinder or in-plant vehicle failed its inspection and is still used',
    },
    categories: ['gas-cylinder', 'in-plant-vehicle'],
    all: [{ field: 'findings.inspectionConclusion', op: 'eq', value: 'unqualified' }],
    outcome: { severity: 'major' },
  },
  {
    id: 'se-inspection-overdue',
    kind: 'conditions',
    source:
      '特种设备安全法 Art. 40 (未经定期检验的特种设备不得继续使用), Art. 61(3); stays general [default]: GB 45067-2024 grades failed inspections, not overdue ones, as major',
    description: {
      zh: '超过定期检验有效期仍继续使用：立即停止使用',
      en: 'Past its periodic inspection date and still used: stop use now',
    },
    categories: EQUIPMENT_CATEGORIES,
    all: [{ field: 'findings.inspectionOverdueDays', op: 'gt', value: 0 }],
    outcome: { imminentDanger: true },
  },
];

/** Safety accessories and protective devices missing or disabled, kind by kind (GB 45067-2024 Ch. 5). */
const deviceRules: SeverityRuleInput[] = [
  finding(
    'gb45067-boiler-safety-valve',
    ['boiler'],
    'safetyValveDisabled',
    `${STANDARD} 5.2.2, 5.2.4`,
    { zh: '锅炉安全阀（爆破片）缺失或失效', en: 'Boiler safety valve or bursting disc missing or disabled' },
    true,
  ),
  finding('gb45067-boiler-protection', ['boiler'], 'protectionInterlockFailed', `${STANDARD} 5.2.5, 5.2.6, 5.2.7`, {
    zh: '锅炉报警、联锁保护或熄火保护装置缺失或失效',
    en: 'Boiler alarm, interlock or flame-failure protection missing or disabled',
  }),
  finding(
    'gb45067-boiler-pressure-part-leak',
    ['boiler'],
    'pressurePartLeaking',
    `${STANDARD} 5.2.8`,
    { zh: '运行中受压元件泄漏、炉墙烧红', en: 'Pressure part leaking or furnace wall glowing in operation' },
    true,
  ),
  finding(
    'gb45067-pressure-safety-devices',
    ['pressure-vessel', 'pressure-piping'],
    'safetyDevicesDisabled',
    `${STANDARD} 5.3.3 (vessels), 5.4.2 (piping)`,
    {
      zh: '安全阀、爆破片装置、紧急切断装置缺失或失效',
      en: 'Safety valve, bursting disc or emergency shut-off missing or disabled',
    },
  ),
  finding('gb45067-vessel-fixed-as-mobile', ['pressure-vessel'], 'fixedUsedAsMobile', `${STANDARD} 5.3.2`, {
    zh: '固定式压力容器改作移动式压力容器使用',
    en: 'Fixed pressure vessel used as a mobile one',
  }),
  finding(
    'gb45067-vessel-quick-opening-interlock',
    ['pressure-vessel'],
    'quickOpeningInterlockFailed',
    `${STANDARD} 5.3.4`,
    {
      zh: '快开门式压力容器的快开安全保护联锁装置缺失或失效',
      en: 'Quick-opening door interlock of a vessel missing or disabled',
    },
  ),
  finding('gb45067-cylinder-valve', ['gas-cylinder'], 'cylinderValveOrReliefFailed', `${STANDARD} 5.3.6`, {
    zh: '气瓶瓶阀、安全泄压装置、紧急切断装置缺失或失效',
    en: 'Cylinder valve, pressure relief or emergency shut-off missing or disabled',
  }),
  finding('gb45067-filling-unlicensed', ['cylinder-filling'], 'fillingWithoutLicence', `${STANDARD} 5.5.1`, {
    zh: '未经许可擅自从事气瓶或移动式压力容器充装',
    en: 'Filling cylinders or mobile vessels without a filling licence',
  }),
  finding(
    'gb45067-filling-wrong-medium',
    ['cylinder-filling'],
    'wrongMediumFilled',
    `${STANDARD} 5.5.2`,
    { zh: '气瓶、移动式压力容器错装介质', en: 'Cylinder or mobile vessel filled with the wrong gas' },
    true,
  ),
  finding('gb45067-filling-shutoff', ['cylinder-filling'], 'fillingShutoffFailed', `${STANDARD} 5.5.3`, {
    zh: '充装设备设施上的紧急切断装置缺失或失效',
    en: 'Emergency shut-off of the filling installation missing or disabled',
  }),
  finding(
    'gb45067-lift-door-lock-bypassed',
    ['lift'],
    'doorLockCircuitBypassed',
    `${STANDARD} 5.6.4`,
    { zh: '乘客与载货电梯门锁回路被短接', en: 'Lift door-lock safety circuit shorted (bypassed)' },
    true,
  ),
  finding('gb45067-lift-door-protection', ['lift'], 'doorProtectionFailed', `${STANDARD} 5.6.2`, {
    zh: '乘客与载货电梯门防夹装置失效',
    en: 'Lift door reopening (anti-pinch) device disabled',
  }),
  finding('gb45067-escalator-emergency-stop', ['lift'], 'escalatorEmergencyStopFailed', `${STANDARD} 5.6.3`, {
    zh: '自动扶梯、自动人行道紧急停止开关缺失或失效',
    en: 'Escalator or moving walk emergency stop missing or disabled',
  }),
  finding('gb45067-escalator-handrail-guard', ['lift'], 'handrailGuardMissing', `${STANDARD} 5.6.5`, {
    zh: '扶手带外缘与障碍物距离小于400mm时未装设防护挡板',
    en: 'No guard where the handrail runs within 400 mm of an obstacle',
  }),
  finding('gb45067-crane-emergency-stop', ['crane'], 'emergencyStopFailed', `${STANDARD} 5.7.3`, {
    zh: '起重机械急停开关缺失或失效',
    en: 'Crane emergency stop missing or disabled',
  }),
  finding('gb45067-crane-limiters', ['crane'], 'loadLimiterFailed', `${STANDARD} 5.7.4, 5.7.5`, {
    zh: '起重量限制器、起重力矩限制器、防坠器、超载检测装置缺失或失效',
    en: 'Load or moment limiter, fall arrester or overload detection missing or disabled',
  }),
  finding('gb45067-ropeway-emergency-stop', ['passenger-ropeway'], 'emergencyStopMissing', `${STANDARD} 5.8.2`, {
    zh: '控制室、站台、机房紧急停车开关缺失',
    en: 'Emergency stop missing in the control room, station or drive room',
  }),
  finding('gb45067-ropeway-carrier-doors', ['passenger-ropeway'], 'carrierDoorsUnlockable', `${STANDARD} 5.8.3`, {
    zh: '吊厢、吊篮、客车门不能锁闭且未停用',
    en: 'Cabin or carrier doors cannot be locked and the carrier is not withdrawn',
  }),
  finding('gb45067-ropeway-backup-drive', ['passenger-ropeway'], 'backupDriveFailed', `${STANDARD} 5.8.4`, {
    zh: '辅机、备用电源不能正常工作',
    en: 'Auxiliary drive or standby power does not work',
  }),
  finding(
    'gb45067-ropeway-circuit-bypassed',
    ['passenger-ropeway'],
    'faultCircuitBypassed',
    `${STANDARD} 5.8.5`,
    { zh: '电气回路故障后采用短接方法继续运行', en: 'Faulty electrical circuit shorted to keep running' },
    true,
  ),
  finding(
    'gb45067-ride-restraints-missing',
    ['amusement-ride'],
    'restraintsMissing',
    `${STANDARD} 5.9.2`,
    { zh: '安全带、安全压杠、挡杆等乘客束缚装置缺失', en: 'Passenger restraints (belts, lap bars) missing' },
    true,
  ),
  finding('gb45067-ride-door-lock-missing', ['amusement-ride'], 'cabinDoorLockMissing', `${STANDARD} 5.9.3`, {
    zh: '座舱舱门锁紧装置缺失',
    en: 'Gondola door locking device missing',
  }),
  finding(
    'gb45067-ride-safety-devices',
    ['amusement-ride'],
    'rideSafetyDevicesFailed',
    `${STANDARD} 5.9.4`,
    {
      zh: '制动、限位、防碰撞及缓冲、止逆行、限速、座舱保护装置缺失或失效，或乘客束缚装置失效',
      en: 'Brakes, limits, buffers, anti-rollback, speed limiters or restraints missing or failing',
    },
    true,
  ),
  finding('gb45067-ride-structural-cracks', ['amusement-ride'], 'loadBearingCracks', `${STANDARD} 5.9.5`, {
    zh: '主要受力部件、重要焊缝及重要螺栓出现裂纹、严重变形',
    en: 'Cracks or severe deformation in main load-bearing parts, welds or bolts',
  }),
  finding(
    'se-vehicle-brakes-failed',
    ['in-plant-vehicle'],
    'brakesOrSafetyDevicesFailed',
    '特种设备安全法 Art. 39, 40; grading major [default]: no GB 45067-2024 clause found for in-plant vehicles',
    {
      zh: '场（厂）内专用机动车辆制动、安全保护装置失效仍继续使用',
      en: 'In-plant vehicle used with failed brakes or safety devices',
    },
  ),
];

export const specialEquipmentSeverityRules: SeverityRuleInput[] = [...generalRules, ...deviceRules];
