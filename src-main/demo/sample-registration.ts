import type { RegistrationData } from '../../src-shared/contract/registration.ts';
import { idCheckChar } from '../../src-shared/domain/id-number.ts';
import { isTransit } from '../../src-shared/domain/transit.ts';
import { seededRandom } from '../../drivers/simulators/weight-profile.ts';

/** Demo data and benchmarks use the simulators' seeded PRNG, so they are the same on every run. */
export { seededRandom };

const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
const SERIAL = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split('');

const ORIGINS = ['陕西府谷', '陕西神木', '山西大同', '山西朔州', '内蒙古鄂尔多斯', '内蒙古乌海', '山西阳泉', '宁夏石嘴山'];
const PROVINCES_OF_ORIGIN = ['陕', '晋', '蒙', '冀', '宁'];
const DESTINATIONS = [
  { place: '河北承德双桥区', inHebei: true }, { place: '河北承德平泉市', inHebei: true }, { place: '河北唐山迁安市', inHebei: true },
  { place: '辽宁朝阳', inHebei: false }, { place: '北京密云区', inHebei: false }, { place: '天津蓟州区', inHebei: false },
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '郝', '韡'];
const GIVEN = ['建国', '志强', '海军', '永刚', '晓明', '春生', '国华', '立新', '文斌', '德福'];
const CARRIERS = ['府谷县恒通物流有限公司', '大同市顺达运输有限公司', '鄂尔多斯市远航汽车运输有限公司', '承德市兴隆货运有限公司'];
const AREA_CODES = ['610822', '140202', '150602', '130802', '640202'];

export function samplePlate(rnd: () => number, trailer = false): string {
  const serial = Array.from({ length: trailer ? 4 : 5 }, () => pick(rnd, SERIAL)).join('');
  return `${pick(rnd, PROVINCES_OF_ORIGIN)}${pick(rnd, 'ABCDEFGHJK'.split(''))}${serial}${trailer ? '挂' : ''}`;
}

export function sampleIdNumber(rnd: () => number): string {
  const year = 1965 + Math.floor(rnd() * 35);
  const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
  const seq = String(Math.floor(rnd() * 999)).padStart(3, '0');
  const first17 = `${pick(rnd, AREA_CODES)}${year}${month}${day}${seq}`;
  return first17 + idCheckChar(first17);
}

/** One plausible truck: a loaded tractor-trailer of 30–49 t gross from a western coal region. */
export function sampleRegistration(rnd: () => number, plate = samplePlate(rnd)): RegistrationData {
  const tareKg = 14_000 + Math.floor(rnd() * 4000);
  const netKg = 25_000 + Math.floor(rnd() * 25_000);
  const destination = pick(rnd, DESTINATIONS);
  const hasReport = rnd() > 0.08;
  const coalKind = pick(rnd, ['anthracite-lump', 'bituminous', 'clean-briquette', 'semi-coke', 'washed-fine'] as const);
  return {
    plate,
    trailerPlate: samplePlate(rnd, true),
    plateColor: 'yellow',
    driverName: pick(rnd, SURNAMES) + pick(rnd, GIVEN),
    driverIdNumber: sampleIdNumber(rnd),
    driverPhone: `13${Math.floor(100000000 + rnd() * 899999999)}`,
    carrier: pick(rnd, CARRIERS),
    origin: pick(rnd, ORIGINS),
    consignee: destination.inHebei ? '承德市热力供应有限公司' : '',
    destination: destination.place,
    destinationInHebei: destination.inHebei,
    transit: isTransit(destination.place, destination.inHebei),
    coalKind,
    intendedUse: coalKind === 'bituminous' || coalKind === 'washed-fine' ? 'industrial' : 'civil',
    declaredKg: Math.round(netKg / 1000) * 1000,
    hasContract: rnd() > 0.1,
    hasReport,
    ...(hasReport ? { reportNumber: `JC-${2026}-${Math.floor(rnd() * 9000 + 1000)}` } : {}),
    viaDesignatedRoute: rnd() > 0.06,
    grossKg: tareKg + netKg,
    tareKg,
    // Most trucks are weighed by the weighbridge; a manual weight alone carries its reason.
    ...(rnd() > 0.05 ? { weightSource: 'scale' as const } : { weightSource: 'manual' as const, manualReason: '地磅通讯故障' }),
  };
}
