/**
 * Place types of the fire pack, after the place groups GB 35181-2025 judges by. The standard
 * counts composite elements differently for crowded places, flammable/explosive-goods sites and
 * everything else, and its 2025 edition adds children's activity places, elderly-care
 * facilities, labour-intensive enterprises and mixed-use premises (多业态混合生产经营场所).
 */

/**
 * 人员密集场所 as 消防法 Art. 73 lists them: public assembly places (公众聚集场所), hospitals,
 * schools, care homes, nurseries, labour-intensive workshops and dormitories.
 */
export const CROWDED_PLACE_TYPES = [
  'public-entertainment', // 公共娱乐场所: KTV, cinema, bar, internet café
  'shop-market', // 商店、市场、商业综合体
  'hotel', // 旅馆、宾馆、民宿
  'hospital', // 医院门诊楼、病房楼
  'school', // 学校教学楼、食堂、集体宿舍
  'child-activity', // 儿童活动场所: 托儿所、幼儿园、校外培训
  'elderly-care', // 老年人照料设施: 养老院、福利院
  'labour-intensive', // 劳动密集型企业的生产加工车间和员工集体宿舍
] as const;

/** Mixed living and business premises (三合一 / 多业态混合生产经营场所): judged as strictly as crowded places. */
export const MIXED_USE_PLACE_TYPES = ['mixed-use'] as const;

/** 易燃易爆危险品场所: plants, stores, filling stations handling flammable or explosive goods. */
export const HAZMAT_PLACE_TYPES = ['hazmat-site'] as const;

/** Everything else the pack names; the composite rules fall back to the "other places" threshold. */
export const OTHER_PLACE_TYPES = [
  'high-rise-residential', // 高层住宅
  'residential', // 多层住宅、居民自建房
  'factory-warehouse', // 丙丁戊类厂房、仓库
  'office', // 办公场所
] as const;

export const FIRE_PLACE_TYPES: string[] = [
  ...CROWDED_PLACE_TYPES,
  ...MIXED_USE_PLACE_TYPES,
  ...HAZMAT_PLACE_TYPES,
  ...OTHER_PLACE_TYPES,
];
