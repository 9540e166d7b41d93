import { describe, expect, it } from 'vitest';
import { dutyOnCase, type CasePeople } from '../../../src-shared/domain/case-duties.ts';

// 财政部《罚没财物管理办法》(财税〔2020〕54号): 执法与保管、处置岗位相分离 — by person, not by click.
const people: CasePeople = {
  actorIds: [3, 7],
  officers: [{ name: '赵一', credentialNo: '13080020001' }, { name: '执法员 钱二', credentialNo: '13080020002' }],
  approverNames: ['王局长', ' 周 主任 '],
};
const person = (id: number, displayName: string, credentialNumber: string | null = null) => ({ id, displayName, credentialNumber });

describe('财税〔2020〕54号 separation of duties: who is named on a case', () => {
  it.each([
    ['the user who decided or otherwise acted on the case', person(7, '处置点 孙敏'), '办理过本案'],
    ['an officer on the on-site record, by credential number', person(20, '另一个名字', ' 13080020001 '), '执法人员'],
    ['an officer on the on-site record, by the name on the paper', person(21, '赵一'), '执法人员'],
    ['an officer whose display name carries a title', person(22, '执法员 钱二'), '执法人员'],
    ['an officer whose display name lacks the title the paper used', person(23, '钱二'), '执法人员'],
    ['the approving head, under a titled display name', person(24, '局长 王局长'), '批准人'],
    ['an extension approver, whitespace ignored', person(25, '周主任'), '批准人'],
    ['someone whose given name merely resembles a name on the case', person(28, '赵一鸣'), null],
    ['an unrelated disposal clerk', person(26, '处置点 郑十', '13080020099'), null],
    ['a clerk without a credential number', person(27, '处置点 吴九', null), null],
  ])('%s', (_label, who, expected) => {
    const duty = dutyOnCase(people, who);
    if (expected === null) expect(duty).toBeNull();
    else expect(duty?.zh).toContain(expected);
  });

  it('an empty credential number matches nobody', () => {
    expect(dutyOnCase({ ...people, officers: [{ name: '', credentialNo: '' }] }, person(30, '某人', ''))).toBeNull();
    expect(dutyOnCase({ actorIds: [], officers: [], approverNames: [] }, person(3, ' '))).toBeNull();
  });
});
