/**
 * Entry point for printing: builds the QR code and content hash, lays out the chosen document and
 * returns the PDF bytes. Fonts are read once per process (see fonts.ts).
 */
import QRCode from 'qrcode';
import { OfficialDocument, type DocumentTemplate } from './layout.ts';
import { resolveFonts, type FontConfig } from './fonts.ts';
import { documentContentHash, documentQrText } from './content-hash.ts';
import type { CaseDocumentData, DocumentKind } from './types.ts';
import { seizureDecision } from './seizure-decision.ts';
import { inventoryList } from './inventory-list.ts';
import { onsiteRecord } from './onsite-record.ts';
import { testingNotice } from './testing-notice.ts';
import { extensionDecision } from './extension-decision.ts';
import { releaseDecision } from './release-decision.ts';
import { serviceReceipt } from './service-receipt.ts';
import { handoverForm } from './handover-form.ts';
import { serviceAddress } from './service-address.ts';
import { samplingRecord } from './sampling-record.ts';
import { testingCommission } from './testing-commission.ts';
import { testingResultNotice } from './testing-result-notice.ts';
import { confiscationList } from './confiscation-list.ts';
import { destructionRecord } from './destruction-record.ts';

export const TEMPLATES: Record<DocumentKind, DocumentTemplate<CaseDocumentData>> = {
  'seizure-decision': seizureDecision,
  'inventory-list': inventoryList,
  'onsite-record': onsiteRecord,
  'testing-notice': testingNotice,
  'extension-decision': extensionDecision,
  'release-decision': releaseDecision,
  'service-receipt': serviceReceipt,
  'handover-form': handoverForm,
  'service-address': serviceAddress,
  'sampling-record': samplingRecord,
  'testing-commission': testingCommission,
  'testing-result-notice': testingResultNotice,
  'confiscation-list': confiscationList,
  'destruction-record': destructionRecord,
  // One 送达回证 per paper served later; its `service` section names that paper.
  'testing-notice-receipt': serviceReceipt,
  'extension-receipt': serviceReceipt,
  'release-receipt': serviceReceipt,
};

export interface RenderOptions {
  fonts?: FontConfig;
}

export interface RenderedDocument {
  kind: DocumentKind;
  pdf: Buffer;
  contentHash: string;
  qrText: string;
}

/** Renders one document; the result also carries the content hash to store beside the record. */
export async function renderDocumentWithHash(kind: DocumentKind, data: CaseDocumentData, options: RenderOptions = {}): Promise<RenderedDocument> {
  const template = TEMPLATES[kind];
  const contentHash = documentContentHash(kind, data);
  // A handover form carries the signed payload so the disposal point can import it by scanning.
  const signed = kind === 'handover-form' ? data.handover?.signedQrText : null;
  const qrText = signed ?? documentQrText(kind, data, contentHash);
  const qrPng = await QRCode.toBuffer(qrText, { errorCorrectionLevel: signed ? 'L' : 'M', margin: 1, scale: 4 });
  const w = new OfficialDocument(resolveFonts(options.fonts), {
    agencyName: data.agency.name,
    title: template.title,
    documentNumber: data.documentNumber,
    contentHash,
    qrPng,
    qrSize: signed ? 120 : undefined,
    print: data.print,
  });
  for (const copy of template.copies) {
    w.startCopy(copy);
    template.draw(w, data);
  }
  return { kind, pdf: await w.finish(), contentHash, qrText };
}

export async function renderDocument(kind: DocumentKind, data: CaseDocumentData, options: RenderOptions = {}): Promise<Buffer> {
  return (await renderDocumentWithHash(kind, data, options)).pdf;
}

/** Numbers of the papers printed on the spot; each document has its own 文号. */
export type SeizureSetNumbers = Record<'seizure-decision' | 'inventory-list' | 'onsite-record' | 'service-receipt', string>;

/**
 * The papers handed over on the spot (行政强制法 art.24; SAMR art.37): decision, inventory list
 * (both copies), on-site record, and the service receipt for the decision and list.
 */
export async function renderSeizureSet(data: CaseDocumentData, numbers: SeizureSetNumbers, options: RenderOptions = {}): Promise<RenderedDocument[]> {
  const kinds = ['seizure-decision', 'inventory-list', 'onsite-record', 'service-receipt'] as const;
  const service = data.service ?? {
    documents: [
      { title: '实施行政强制措施决定书', number: numbers['seizure-decision'] },
      { title: '财物清单', number: numbers['inventory-list'] },
    ],
    recipient: data.parties.map((p) => p.name).join('、'),
    place: data.place,
    method: '直接送达' as const,
    servedAt: data.seizedAt,
  };
  const out: RenderedDocument[] = [];
  // Sequential: fonts are shared, and pdfkit work is CPU-bound, so parallel rendering gains nothing.
  for (const kind of kinds) {
    out.push(await renderDocumentWithHash(kind, { ...data, documentNumber: numbers[kind], inventoryNumber: numbers['inventory-list'], service }, options));
  }
  return out;
}
