/** 送达地址确认书 (SAMR 范本 9): the address every later paper is served at (SAMR rule arts 82(3), 83). */
import type { DocumentTemplate } from './layout.ts';
import { requireSection, type CaseDocumentData } from './types.ts';
import { dateTimeZh, instantDateZh } from './format.ts';
import { officerSignatures } from './sections.ts';

export const serviceAddress: DocumentTemplate<CaseDocumentData> = {
  title: '送达地址确认书',
  copies: [undefined],
  draw(w, data) {
    const a = requireSection('service-address', data, 'serviceAddress');
    w.table(
      [
        { header: '项目', weight: 1.4 },
        { header: '内容', weight: 4 },
      ],
      [
        ['案件编号', data.caseNumber],
        ['受送达人', a.recipient],
        ['送达地址', a.address],
        ['邮政编码', a.postalCode ?? ''],
        ['联系电话', a.phone ?? ''],
        ['是否同意电子送达', a.electronic ? '■同意 □不同意' : '□同意 ■不同意'],
        ['电子送达方式及地址', a.electronic ? `${a.electronic.channel}：${a.electronic.account}` : '/'],
        ['确认时间', dateTimeZh(a.confirmedAt)],
      ],
    );
    w.heading('告知事项');
    for (const line of [
      '一、为便于当事人及时收到市场监督管理部门的执法文书，当事人应当如实提供确切的送达地址。',
      '二、确认的送达地址适用于本案办理的各个阶段。当事人同意电子送达的，以执法文书到达上述电子送达地址之日为送达日期。',
      '三、送达地址发生变更的，应当及时书面告知本机关；未及时告知的，按原地址送达即视为送达。',
      '四、因提供的送达地址不准确、送达地址变更未及时告知，导致执法文书未能被实际接收的，文书留在该地址之日为送达之日；邮寄送达的，文书被退回之日为送达之日。',
    ]) w.paragraph(line);
    w.signaturesWithSeal([{ role: '受送达人', name: a.recipient }, ...officerSignatures(data)], data.agency.name, instantDateZh(a.confirmedAt), [
      '受送达人确认：我已阅读（听取）本确认书的告知事项，提供了上栏送达地址，确认所提供的送达地址真实、准确、有效。',
    ]);
  },
};
