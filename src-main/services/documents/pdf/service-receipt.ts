/** 送达回证 (SAMR 范本): recipient's signature and date, or for 留置送达 the refusal with reason, date and witness (SAMR rule art.82). */
import type { DocumentTemplate } from './layout.ts';
import { requireSection, type CaseDocumentData } from './types.ts';
import { dateTimeZh, instantDateZh } from './format.ts';

export const serviceReceipt: DocumentTemplate<CaseDocumentData> = {
  title: '送达回证',
  copies: [undefined],
  draw(w, data) {
    const service = requireSection('service-receipt', data, 'service');
    const documents = service.documents.map((d) => `${d.title}（${d.number}）`).join('\n');
    const blank = '';
    const leftWith = service.method === '留置送达';
    w.table(
      [
        { header: '项目', weight: 1.3 },
        { header: '内容', weight: 4 },
      ],
      [
        ['案件编号', data.caseNumber],
        ['送达文书名称及文号', documents],
        ['受送达人', service.recipient],
        ['送达地点', service.place],
        ['送达方式', service.method],
        ['送达时间', service.servedAt ? dateTimeZh(service.servedAt) : '        年    月    日    时    分'],
        ['受送达人签名或盖章', `${blank}\n\n                                   年    月    日`],
        ['代收人及与受送达人关系', service.proxyRelation ?? blank],
        // A refusal and its witness belong to 留置送达 only, which the officer chooses (SAMR rule art.82(2)).
        ['拒收事由和日期', leftWith && service.refusalReason ? `${service.refusalReason}${service.servedAt ? `（${dateTimeZh(service.servedAt)}）` : ''}` : blank],
        ['送达人（签名）', `${data.officers.map((o) => `${o.name}（执法证号：${o.credentialNo}）`).join('\n')}\n签名：`],
        ['见证人（签名）', leftWith && service.witness ? `${service.witness.name}${service.witness.unit ? `（${service.witness.unit}）` : ''}\n签名：` : blank],
        ['备注', data.recordingRef ? `音像记录编号：${data.recordingRef}` : blank],
      ],
    );
    w.sealArea(data.agency.name, service.servedAt ? instantDateZh(service.servedAt) : '    年    月    日');
  },
};
