/**
 * 承德市2020年采暖季劣质散煤联防联控工作方案 三、3（强化煤质检查站管控）: "到2020年，煤炭运输过境车辆通行运煤专用通道
 * 线路比例达到90%". 过境 = the destination lies beyond 承德市, the plan's area (src-shared/domain/transit.ts).
 */
import { describe, expect, it } from 'vitest';
import { isTransit, withinChengde } from '../../../src-shared/domain/transit.ts';
import { RegistrationInput } from '../../../src-shared/contract/registration.ts';
import { validRegistration } from '../../support/app-fixture.ts';

describe('过境车辆 (三、3): destination beyond 承德市', () => {
  it.each([
    // Within 承德市: the city, its districts and counties, however written.
    ['河北承德双桥区', true, false],
    ['河北省承德市平泉市', true, false],
    ['承德', true, false],
    ['围场满族蒙古族自治县', true, false],
    ['围场 棋盘山镇', true, false],
    ['丰宁', true, false],
    ['隆化县', true, false],
    ['宽城满族自治县', true, false],
    ['兴隆县', true, false],
    ['滦平县', true, false],
    ['双滦区', true, false],
    ['鹰手营子矿区', true, false],
    // Elsewhere in Hebei: crossing 承德市 on the way.
    ['河北唐山迁安市', true, true],
    ['秦皇岛', true, true],
    ['张家口宣化区', true, true],
    ['河北省保定市', true, true],
    // Outside Hebei: always beyond 承德市, whatever the text says.
    ['北京密云区', false, true],
    ['天津蓟州区', false, true],
    ['辽宁朝阳', false, true],
    ['承德', false, true],
    // Another province's place with a county name like one of 承德's: the province decides.
    ['吉林长春宽城区', true, true],
    ['北京 平谷区 兴隆庄', true, true],
    // Not recognisably within 承德市: counted beyond it (the operator corrects the switch).
    ['某电厂', true, true],
    ['', true, true],
  ])('%s (in Hebei: %s) → transit %s', (destination, inHebei, transit) => {
    expect(isTransit(destination, inHebei)).toBe(transit);
  });

  it('recognises 承德市 with spaces anywhere in the name', () => {
    expect(withinChengde(' 承 德 市 ')).toBe(true);
    expect(withinChengde('平　泉')).toBe(true);
  });
});

describe('the registration contract', () => {
  const { transit: _sent, ...base } = validRegistration(1);
  it('derives transit from the destination when it is not sent', () => {
    expect(RegistrationInput.parse({ ...base, destination: '河北承德双桥区', destinationInHebei: true }).transit).toBe(false);
    expect(RegistrationInput.parse({ ...base, destination: '河北唐山迁安市', destinationInHebei: true }).transit).toBe(true);
  });

  it("keeps the operator's correction either way", () => {
    expect(RegistrationInput.parse({ ...base, destination: '某电厂', destinationInHebei: true, transit: false }).transit).toBe(false);
    expect(RegistrationInput.parse({ ...base, destination: '河北承德双桥区', destinationInHebei: true, transit: true }).transit).toBe(true);
  });

  it('refuses "not in transit" for a destination outside Hebei, naming the field', () => {
    const r = RegistrationInput.safeParse({ ...base, destination: '北京密云区', destinationInHebei: false, transit: false });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([expect.objectContaining({ path: ['transit'], message: 'validation.transitOutsideHebei' })]);
  });

  it('refuses a transit flag that is not a boolean', () => {
    expect(RegistrationInput.safeParse({ ...base, transit: 'yes' }).success).toBe(false);
  });
});
