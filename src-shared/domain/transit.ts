/**
 * 过境车辆 (trucks in transit), as the seed's route target counts them: 承德市2020年采暖季劣质散煤联防联控工作方案,
 * 三、3（强化煤质检查站管控）: "到2020年，煤炭运输过境车辆通行运煤专用通道线路比例达到90%". The plan is 承德市's
 * (its targets are the city's, 全市), so "过境" is crossing the city's territory: a truck is in transit when its
 * destination lies beyond 承德市 — elsewhere in Hebei (唐山, 秦皇岛 …), in Beijing, Tianjin, Liaoning or any other
 * province. A truck delivering within 承德市 (its districts and counties, 围场 where the checkpoint stands included)
 * ends its journey in the area and is not in transit. A destination outside Hebei is always beyond 承德市.
 *
 * The destination is free text, so this is a derivation the operator may correct (the kiosk's switch):
 * a destination not recognisably within 承德市 counts as beyond it.
 */

/** 承德市 and its county-level divisions, by the names people write (with or without 县/区/市/自治县). */
export const CHENGDE_PLACES = ['承德', '双桥', '双滦', '鹰手营子', '兴隆', '滦平', '隆化', '丰宁', '宽城', '围场', '平泉'] as const;

/**
 * Places that are certainly not 承德市: every other province-level division and Hebei's other prefecture-level
 * cities. They decide before a county name does, so 吉林长春宽城区 is not taken for 承德's 宽城.
 */
export const ELSEWHERE = [
  '北京', '天津', '上海', '重庆', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '广西', '海南', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆',
  '香港', '澳门', '台湾',
  '石家庄', '唐山', '秦皇岛', '邯郸', '邢台', '保定', '张家口', '沧州', '廊坊', '衡水', '雄安', '定州', '辛集',
] as const;

/** Whether the destination as written names a place within 承德市. */
export function withinChengde(destination: string): boolean {
  const place = destination.replace(/\s+/g, '');
  if (place.includes('承德')) return true;
  if (ELSEWHERE.some((p) => place.includes(p))) return false;
  return CHENGDE_PLACES.some((p) => place.includes(p));
}

/** Whether a truck bound for `destination` is in transit (过境): its destination lies beyond 承德市. */
export function isTransit(destination: string, destinationInHebei: boolean): boolean {
  return !destinationInHebei || !withinChengde(destination);
}
